import { chineseNumber, type Edition } from './editions.contract.ts';

export { chineseNumber };

/**
 * GB/T 9704-2012 (党政机关公文格式), as bulletins print it: A4, the text block 156 × 225 mm
 * (margins top 37, bottom 35, left 28, right 26), 22 lines of 28 characters of 三号 仿宋.
 */
export const PAGE = { widthMm: 210, heightMm: 297, topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26, lines: 22, chars: 28 } as const;
/** The official typefaces, written into the file by name (renderers map them to installed CJK fonts). */
export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', subheading: '楷体_GB2312', pageNumber: '宋体' } as const;
/** Chinese type sizes in points: 二号 (title), 三号 (body, headings), 四号 (page numbers, 版记). */
export const SIZES = { erhao: 22, sanhao: 16, sihao: 14 } as const;
export const RED = 'FF0000';

export interface LayoutItem {
  title: string;
  paragraphs: string[];
}
export interface LayoutSection {
  /** 一、重要活动; null for items printed without a section. */
  heading: string | null;
  items: LayoutItem[];
}
/** What a bulletin prints, in order; the DOCX and HTML renderers draw the same layout. */
export interface Layout {
  masthead: { title: string; number: string; editor: string; date: string };
  correction: string | null;
  toc: { heading: string | null; titles: string[] }[] | null;
  sections: LayoutSection[];
  distribution: { label: string; names: string }[];
  copies: string | null;
}

/** 1 → 一, 12 → 十二, 20 → 二十 (section numbers). */

/** 2024年第3期（总第45期）; a supplement is 2024年增刊第1期. */
export function numberLabel(e: { year: number; issueNo: number; totalNo: number; supplement: boolean }): string {
  return `${e.year}年${e.supplement ? '增刊' : ''}第${e.issueNo}期（总第${e.totalNo}期）`;
}

export const dateLabel = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Items grouped into runs of the same section, in the editor's order; runs with a section are numbered 一、二、… */
export function layoutOf(e: Edition): Layout {
  const runs: { key: string | null; section: LayoutSection }[] = [];
  for (const it of e.items) {
    const item = { title: it.title, paragraphs: it.body.split(/\n+/).map((p) => p.trim()).filter(Boolean) };
    const last = runs.at(-1);
    if (last && last.key === it.section) last.section.items.push(item);
    else runs.push({ key: it.section, section: { heading: it.section, items: [item] } });
  }
  let numbered = 0;
  const sections = runs.map(({ section }) => ({ ...section, heading: section.heading ? `${chineseNumber(++numbered)}、${section.heading}` : null }));
  const labels = [['报', e.distribution.bao], ['送', e.distribution.song], ['发', e.distribution.fa]] as const;
  return {
    masthead: { title: e.title, number: e.numberLabel, editor: e.editor, date: dateLabel(e.issuedOn) },
    correction: e.correctsLabel ? `本期为${e.correctsLabel}的更正。` : null,
    toc: e.withToc ? sections.map((s) => ({ heading: s.heading, titles: s.items.map((i) => i.title) })) : null,
    sections,
    distribution: labels.filter(([, names]) => names.length).map(([label, names]) => ({ label, names: `${names.join('，')}。` })),
    copies: e.copies ? `（共印${e.copies}份）` : null,
  };
}
