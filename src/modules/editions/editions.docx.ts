import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TabStopType, TextRun,
  type IParagraphOptions, type IRunOptions,
} from 'docx';
import { FONTS, PAGE, RED, SIZES, type Layout } from './editions.layout.ts';

/** Word measures in twentieths of a point (twips); 1 mm = 56.69 twips. */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const TEXT_WIDTH = mm(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
/** 225 mm of text height over 22 lines. */
const LINE = Math.floor(mm(PAGE.heightMm - PAGE.topMm - PAGE.bottomMm) / PAGE.lines);
/** One character of 三号 (16 pt) in twips: indents are counted in characters. */
const CHAR = SIZES.sanhao * 20;
/**
 * 28 characters across 156 mm is a pitch of 15.8 pt for 16 pt type: each character is drawn 0.2 pt
 * closer (run spacing, in twips). A docGrid with charSpace says the same, but LibreOffice lays it out
 * at about 17 characters a line, so only the line grid is used.
 */
const TIGHTEN = Math.round(TEXT_WIDTH / PAGE.chars - CHAR);

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const run = (text: string, face: string, pt: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(face), size: pt * 2, ...(pt === SIZES.sanhao && { characterSpacing: TIGHTEN }), ...extra });
const exact = { line: LINE, lineRule: LineRuleType.EXACT };
const para = (children: TextRun[], o: Partial<IParagraphOptions> = {}) => new Paragraph({ spacing: exact, ...o, children });
const rule = (size: number, color = '000000') => ({ style: BorderStyle.SINGLE, size, color, space: 1 });

function masthead(l: Layout): Paragraph[] {
  const m = l.masthead;
  return [
    para([run(m.title, FONTS.title, SIZES.erhao, { color: RED })], { alignment: AlignmentType.CENTER, spacing: { line: LINE * 2, lineRule: LineRuleType.EXACT } }),
    para([run(m.number, FONTS.body, SIZES.sanhao)], { alignment: AlignmentType.CENTER }),
    // Editing unit on the left, date on the right, over the red rule (版头分隔线).
    para([run(m.editor, FONTS.body, SIZES.sanhao), run(`\t${m.date}`, FONTS.body, SIZES.sanhao)], {
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
    }),
    para([]),
  ];
}

function toc(l: Layout): Paragraph[] {
  if (!l.toc) return [];
  const out = [para([run('本期目录', FONTS.heading, SIZES.sanhao)], { alignment: AlignmentType.CENTER })];
  for (const s of l.toc) {
    if (s.heading) out.push(para([run(s.heading, FONTS.heading, SIZES.sanhao)], { indent: { firstLine: 2 * CHAR } }));
    s.titles.forEach((t, i) => out.push(para([run(`${i + 1}.${t}`, FONTS.body, SIZES.sanhao)], { indent: { left: 2 * CHAR } })));
  }
  out.push(para([]));
  return out;
}

function body(l: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  if (l.correction) out.push(para([run(l.correction, FONTS.subheading, SIZES.sanhao)], { indent: { firstLine: 2 * CHAR } }));
  for (const s of l.sections) {
    if (s.heading) out.push(para([run(s.heading, FONTS.heading, SIZES.sanhao)], { indent: { firstLine: 2 * CHAR } }));
    for (const it of s.items) {
      out.push(para([run(it.title, FONTS.subheading, SIZES.sanhao, { bold: true })], { alignment: AlignmentType.CENTER }));
      for (const p of it.paragraphs) out.push(para([run(p, FONTS.body, SIZES.sanhao)], { indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.BOTH }));
    }
  }
  return out;
}

/** 版记: the distribution lines between a thick first and last rule, thin rules between, 四号, one character in. */
function distribution(l: Layout): Paragraph[] {
  const lines = [...l.distribution.map((d) => `${d.label}：${d.names}`), ...(l.copies ? [l.copies] : [])];
  if (!lines.length) return [];
  return [
    para([]),
    ...lines.map((text, i) =>
      para([run(text, FONTS.body, SIZES.sihao)], {
        indent: { left: SIZES.sihao * 20, right: SIZES.sihao * 20 },
        alignment: l.copies && i === lines.length - 1 ? AlignmentType.RIGHT : AlignmentType.LEFT,
        border: { ...(i === 0 ? { top: rule(8) } : {}), bottom: rule(i === lines.length - 1 ? 8 : 4) },
      }),
    ),
  ];
}

/** "- N -" in 四号 宋体, on the outer side: right on odd pages, left on even ones, one character in. */
const pageNumber = (side: 'odd' | 'even') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZES.sihao * 20 } : { left: SIZES.sihao * 20 },
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font: font(FONTS.pageNumber), size: SIZES.sihao * 2 })],
      }),
    ],
  });

/** The edition as a Word document in the GB/T 9704-2012 layout. */
export async function editionDocx(l: Layout): Promise<Buffer> {
  const doc = new Document({
    title: `${l.masthead.title} ${l.masthead.number}`,
    creator: l.masthead.editor,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZES.sanhao * 2 }, paragraph: { spacing: exact } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
            margin: { top: mm(PAGE.topMm), bottom: mm(PAGE.bottomMm), left: mm(PAGE.leftMm), right: mm(PAGE.rightMm), header: mm(15), footer: mm(PAGE.bottomMm - 7 - 5) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: [...masthead(l), ...toc(l), ...body(l), ...distribution(l)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
