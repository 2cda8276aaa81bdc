/**
 * A bulletin's lines → its items. Layouts seen in offices' bulletins: a masthead (title, 第N期,
 * editing unit, date) and an optional table of contents (本期目录) before the content; sections as
 * 【援青要闻】 or as a short line (消费扶贫); items as a headline (one or two short lines) with body
 * paragraphs, or — in lists such as 其他信息/工作动态 — one dated paragraph each ("3月1日，…"); and a
 * distribution block (报：/送：/发：, 印发 date) or a signature and date at the end.
 */
export interface RawItem {
  title: string;
  section: string | null;
  /** The headline's lines, then the body paragraphs. */
  body: string[];
  /** false: an untitled dated entry, its title the first clause of its paragraph. */
  titled: boolean;
  /** Indexes of the item's first and last line in the normalised lines (provenance). */
  line: number;
  last: number;
}

const TERMINAL = /[。！？；!?;…]$|[。！？；]”$/;
const SECTION = /^[【\[]\s*([^】\]]{1,16})\s*[】\]]$/;
/** A dated entry: "3月1日，", "3月2日至3月3日，", "3月起，", "近日，", "日前，". */
export const DATED_ENTRY = /^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}(?:日|号)?)?(?:\s*(?:[至到~～-]|—{1,2})\s*(?:\d{1,2}月)?\d{1,2}(?:日|号)?)?(?:上旬|中旬|下旬|初|底|起|以来|期间|上午|下午)?|近日|日前|近期|连日来)[，,]/;
const DISTRIBUTION = /^(?:报|送|发|抄送|抄报|分送|主送)[：:]/;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日(?:印发|编印)?$/;
/** A masthead's byline: the editing unit, then the date (某区合作交流办　　2024年4月30日). */
const BYLINE = /^[^。；，,]{2,30}?\s*\d{4}年\d{1,2}月\d{1,2}日(?:印发|编印)?$/;

/** A top-level number before a headline or a section: 一、 1. 1、 (not （一）, which numbers points inside an article). */
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))\s*/;
/** A headline: short, not a sentence (no 。 anywhere), not a dated entry, not a parenthesised point inside an article. */
const isHeadingLike = (l: string) => l.length <= 48 && !TERMINAL.test(l) && !l.includes('。') && !DATED_ENTRY.test(l) && !/^[(（][一二三四五六七八九十\d]{1,3}[)）]/.test(l);
const isSectionLine = (l: string) => SECTION.test(l) || (l.length <= 8 && /^[\u4e00-\u9fa5]+$/.test(l)) || (NUMBERED.test(l) && /^[\u4e00-\u9fa5]{2,6}$/.test(l.replace(NUMBERED, '')));
/** Table-of-contents entries carry leaders and page numbers (…………3); content lines do not. */
const tocKey = (l: string) => trimLeaders(l).replace(NUMBERED, '').replace(/\s+/g, '');
/** The line without its trailing leaders and page number; a loop, since /[…]+$/ retries a long digit run from each digit. */
function trimLeaders(l: string): string {
  let end = l.length;
  while (end > 0 && /[.·…\s\d]/.test(l[end - 1])) end--;
  return l.slice(0, end);
}

/** Where the content starts: after the masthead and the table of contents, if any. */
function contentStart(lines: string[]): number {
  const toc = lines.findIndex((l) => /^本期(?:目录|要目)$|^目\s*录$/.test(l));
  if (toc >= 0) {
    // The content starts where the contents' first entry (a section or a headline) appears again.
    const first = lines.findIndex((l, i) => i > toc && l);
    if (first >= 0) {
      const again = lines.findIndex((l, i) => i > first && l && tocKey(l) === tocKey(lines[first]));
      if (again >= 0) return again;
    }
    return toc + 1;
  }
  // Masthead: lines up to the first date line or 第N期 near the top, before any content (a section, a sentence).
  const firstContent = lines.findIndex((l) => SECTION.test(l) || DATED_ENTRY.test(l) || /[。；]/.test(l));
  const head = lines.slice(0, Math.min(12, firstContent < 0 ? lines.length : firstContent));
  const last = Math.max(head.findLastIndex((l) => DATE_LINE.test(l) || BYLINE.test(l)), head.findLastIndex((l) => /第.{1,6}期|编印$|编$/.test(l)));
  return last >= 0 ? last + 1 : 0;
}

/** Where the content ends: before the distribution block, or a closing signature and date. */
function contentEnd(lines: string[], from: number): number {
  const dist = lines.findIndex((l, i) => i >= from && DISTRIBUTION.test(l));
  let end = dist >= 0 ? dist : lines.length;
  const nonEmpty = lines.map((l, i) => [l, i] as const).filter(([l, i]) => l && i < end);
  const tail = nonEmpty.slice(-3);
  const dateAt = tail.findIndex(([l]) => DATE_LINE.test(l));
  if (dateAt >= 0) {
    const [, i] = tail[dateAt];
    const prev = nonEmpty[nonEmpty.findIndex(([, j]) => j === i) - 1];
    end = prev && prev[0].length <= 30 && !TERMINAL.test(prev[0]) ? prev[1] : i;
  }
  return end;
}

export function segment(lines: string[]): { items: RawItem[]; start: number; end: number } {
  const start = contentStart(lines);
  const end = contentEnd(lines, start);
  const items: RawItem[] = [];
  let section: string | null = null;
  let current: RawItem | null = null;
  let heading: RawItem | null = null; // a headline still collecting its lines
  let blank = false;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (!line) {
      blank = true;
      continue;
    }
    const wasBlank = blank;
    blank = false;
    const marker = line.match(SECTION);
    if (marker || (isSectionLine(line) && !heading)) {
      section = (marker ? marker[1] : line.replace(NUMBERED, '')).trim();
      current = heading = null;
      continue;
    }
    if (isHeadingLike(line)) {
      if (heading && !heading.body.length && !wasBlank) {
        heading.title += line; // a headline wrapped over two lines
        heading.last = i;
        continue;
      }
      heading = current = { title: line.replace(NUMBERED, ''), section, body: [], titled: true, line: i, last: i };
      items.push(current);
      continue;
    }
    heading = null;
    if (current?.titled) {
      current.body.push(line); // dated paragraphs inside an article stay in it
      current.last = i;
      continue;
    }
    if (DATED_ENTRY.test(line)) {
      const rest = line.slice(line.search(/[，,]/) + 1);
      current = { title: rest.split(/[，,。；;]/)[0].trim(), section, body: [line], titled: false, line: i, last: i };
      items.push(current);
      continue;
    }
    if (current) {
      current.body.push(line);
      current.last = i;
    }
  }
  // A headline with no body is not an item (a signature, a caption).
  return { items: items.filter((it) => it.body.length > 0), start, end };
}
