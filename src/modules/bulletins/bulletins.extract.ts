import { normalizeText } from './bulletins.text.ts';
import { DATED_ENTRY, segment, type RawItem } from './bulletins.segment.ts';
import { amountsIn, countsIn, datesIn, itemDates } from './bulletins.facts.ts';
import { partiesIn } from './bulletins.parties.ts';
import { industryIn, reportsIndustry } from './bulletins.industry.ts';
import type { IndustryFacts } from './bulletins.industry.contract.ts';

/** What the importer reads from one bulletin: the shape of the annotated examples, plus provenance. */
export interface ExtractedItem {
  title: string;
  section: string | null;
  date_start: string | null;
  date_end: string | null;
  amounts: { yuan: number; text: string; approx: boolean; kind: string }[];
  counts: { value: number; unit: string; text: string }[];
  shanghai_side: string[];
  recipient_side: string[];
  /** The suggested record kind. */
  kind: string;
  /** What it reports of 产业合作, whatever its kind (an investment reported by a visit is still offered). */
  industry: IndustryFacts | null;
  body: string;
  /** Where the item stands in the normalised text: [start, end) character offsets. */
  span: [number, number];
}
export interface Extraction {
  year: number | null;
  year_basis: string;
  /** The masthead's date, when it has one. */
  issued_on: string | null;
  /** The normalised text the spans point into. */
  text: string;
  items: ExtractedItem[];
}

const KINDS: [string, RegExp][] = [
  ['signing', /签约|签订|签署|协议/],
  ['donation', /捐赠|捐款|捐助|出资|授牌/],
  ['training', /培训|跟岗|研修|支教|讲座|授课/],
  ['labor', /劳务|招聘|务工|就业|转移就业/],
  ['sales', /消费扶贫|消费帮扶|销售|直播|带货|产品认定|展销|采购/],
  ['personnel', /援青干部|援滇干部|援藏干部|挂职|轮换|人才.*(到岗|报到)|选派/],
  ['project', /项目|开工|竣工|援建|建设/],
  ['meeting', /会议|召开|座谈|推进会|交流会/],
  ['visit', /调研|考察|走访|慰问|赴|看望/],
];

/** The headline decides first; an investment, contract farming or workshop it reports comes before the other kinds (签约投资 is not a 签约). */
function suggestKind(title: string, body: string): string {
  if (reportsIndustry(title)) return 'industry';
  for (const [kind, re] of KINDS) if (re.test(title)) return kind;
  if (reportsIndustry(body)) return 'industry';
  for (const [kind, re] of KINDS) if (re.test(body)) return kind;
  return 'other';
}

/**
 * The document's year, and where it came from: the masthead's date, else the closing date (印发 or
 * a signature), else the year most often written in the text.
 */
function yearOf(lines: string[], start: number, end: number): { year: number | null; basis: string; issuedOn: string | null } {
  const dateOf = (l: string) => l.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
  const head = lines.slice(0, Math.max(start, 1)).find((l) => dateOf(l));
  if (head) {
    const m = dateOf(head)!;
    return { year: Number(m[1]), basis: `报头日期 ${head}`, issuedOn: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` };
  }
  const tail = lines.slice(end).concat(lines.slice(Math.max(start, end - 3), end)).find((l) => dateOf(l));
  if (tail) {
    const m = dateOf(tail)!;
    return { year: Number(m[1]), basis: `落款日期 ${tail}`, issuedOn: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` };
  }
  const years = new Map<number, number>();
  for (const m of lines.join('\n').matchAll(/((?:19|20)\d\d)年/g)) years.set(Number(m[1]), (years.get(Number(m[1])) ?? 0) + 1);
  const best = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? { year: best[0], basis: `正文中出现最多的年份（${best[0]}年，${best[1]} 次）`, issuedOn: null } : { year: null, basis: '文中没有年份', issuedOn: null };
}

/** An item dated after the issue's month belongs to the year before (a January issue reporting December). */
function yearFor(docYear: number | null, issuedOn: string | null, text: string): number | null {
  if (!docYear || !issuedOn) return docYear;
  const first = text.match(/(?<!\d年)(\d{1,2})月\d{1,2}/);
  return first && Number(first[1]) > Number(issuedOn.slice(5, 7)) + 1 ? docYear - 1 : docYear;
}

function itemOf(raw: RawItem, docYear: number | null, issuedOn: string | null, offsets: number[], lines: string[]): ExtractedItem {
  const body = raw.body.join('\n');
  const year = yearFor(docYear, issuedOn, body);
  let dates = { start: null as string | null, end: null as string | null };
  if (raw.titled) dates = itemDates(`${raw.title}\n${body}`, year);
  else {
    const prefix = raw.body[0].match(DATED_ENTRY)?.[0] ?? '';
    const d = datesIn(prefix, year)[0];
    if (d) dates = { start: d.start, end: d.end };
  }
  const text = `${raw.titled ? `${raw.title}\n` : ''}${body}`;
  const parties = partiesIn(text);
  return {
    title: raw.title,
    section: raw.section,
    date_start: dates.start,
    date_end: dates.end,
    amounts: amountsIn(text).map(({ start: _s, ...a }) => a),
    counts: countsIn(text).map(({ start: _s, ...c }) => c),
    shanghai_side: parties.shanghai,
    recipient_side: parties.recipient,
    kind: suggestKind(raw.title, body),
    industry: industryIn(text),
    body,
    span: [offsets[raw.line], offsets[raw.last] + lines[raw.last].length],
  };
}

/** Reads one bulletin's text. Never throws on odd text: a text with no items gives none. */
export function extractBulletin(raw: string): Extraction {
  const lines = normalizeText(raw);
  const { items, start, end } = segment(lines);
  const { year, basis, issuedOn } = yearOf(lines, start, end);
  const offsets: number[] = [];
  lines.reduce((at, l) => (offsets.push(at), at + l.length + 1), 0);
  return { year, year_basis: basis, issued_on: issuedOn, text: lines.join('\n'), items: items.map((it) => itemOf(it, year, issuedOn, offsets, lines)) };
}
