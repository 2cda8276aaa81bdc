/** Facts in one item's text: dates, money, counts. Pure functions over normalised text. */

export interface Amount { yuan: number; text: string; approx: boolean; kind: string; start: number }
export interface Count { value: number; unit: string; text: string; start: number }
export interface DateRange { start: string | null; end: string | null }

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 (and 两); null for anything else. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = s.match(/^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[3] ? null : CN_DIGITS[m[1]!];
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
};

/**
 * Every full date (with a day) in the text, ranges expanded to both ends: 3月20日, 2020年3月20日,
 * 8月19-23日, 8月3日-7日, 3月11至12日, 3月2日至3月3日. A date without a year takes the document's.
 */
export function datesIn(text: string, year: number | null): { start: string; end: string; at: number }[] {
  const re = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日|号)?(?:\s*(?:上午|下午|晚上|晚|早上)?\s*(?:[至到~～-]|—{1,2})\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})(?:日|号))?/g;
  const out: { start: string; end: string; at: number }[] = [];
  for (const m of text.matchAll(re)) {
    const hasDay = /日|号/.test(m[0]) || m[6];
    if (!hasDay) continue;
    // "3月11至12日": the first day has no 日 but the range closes it; "3月11" alone is not a date.
    if (!m[6] && !/^(?:\d{4}年)?\d{1,2}月\d{1,2}(?:日|号)/.test(m[0])) continue;
    const y = m[1] ? Number(m[1]) : year;
    if (!y) continue;
    const start = iso(y, Number(m[2]), Number(m[3]));
    const end = m[6] ? iso(m[4] ? Number(m[4]) : y, m[5] ? Number(m[5]) : Number(m[2]), Number(m[6])) : start;
    if (start && end && end >= start) out.push({ start, end, at: m.index! });
  }
  return out;
}

/** The span of an item: from its first to its last full date; none when it names none ("近日"). */
export function itemDates(text: string, year: number | null): DateRange {
  const all = datesIn(text, year);
  if (!all.length) return { start: null, end: null };
  const start = all.map((d) => d.start).sort()[0];
  let end = all.map((d) => d.end).sort().at(-1)!;
  // "8月21日…开展为期5天的…": one date and a duration give the end.
  const days = text.match(/为期(\d{1,2}|[两三四五六七八九十]{1,2})天/);
  const n = days ? chineseNumber(days[1]) : null;
  if (n && n > 1 && end === start) end = addDays(start, n - 1);
  return { start, end };
}

function addDays(isoDate: string, n: number) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const MONEY_CONTEXT = /资金|投资|投入|捐|出资|援助|资助|帮扶|款|经费|价值|金额|销售|销量|营业额|收入|元|拨付|下达|计划|项目|预算|补助|奖励|采购|交易|成交/;

function moneyKind(before: string, after: string): string {
  const around = `${before.slice(-30)}${after.slice(0, 12)}`;
  if (/销售|销量|卖|成交|交易额|采购|营业额|带货/.test(around)) return 'sales';
  if (/捐|出资|资助|慰问金|善款|爱心/.test(around)) return 'donation';
  if (/总投资|估算|投资/.test(around)) return 'investment';
  if (/资金|项目|援建|帮扶|财政|下达|拨付|计划/.test(around)) return 'project_fund';
  return 'other';
}

/**
 * Money: 52.7万元, 5000万 (in a money context), 1亿多元 (approximate), 3,000元, 1.2亿元 — to yuan.
 * Not money: 10万人, 5万亩 (a unit follows), percentages.
 */
export function amountsIn(text: string): Amount[] {
  const out: Amount[] = [];
  const re = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(余|多)?\s*(亿|万|千)?\s*(余|多)?\s*(元)?/g;
  for (const m of text.matchAll(re)) {
    const [whole, num, more1, scale, more2, yuanChar] = m;
    if (!scale && !yuanChar) continue;
    const at = m.index!;
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + whole.length, at + whole.length + 12);
    if (/^[年月日号%％]/.test(after) || /第$/.test(before)) continue;
    if (!yuanChar) {
      // 万/亿 without 元: money only when nothing countable follows and the sentence is about money.
      if (/^[\u4e00-\u9fa5]/.test(after) && !/^(?:的|用于|资金|援助|帮扶|支持|，|。|、)/.test(after)) continue;
      if (!MONEY_CONTEXT.test(before.slice(-20)) && !/^(?:资金|援助|帮扶)/.test(after)) continue;
      if (scale === '千') continue;
    }
    const factor = scale === '亿' ? 1e8 : scale === '万' ? 1e4 : scale === '千' ? 1e3 : 1;
    const yuan = Math.round(Number(num.replace(/,/g, '')) * factor * 100) / 100;
    if (!(yuan > 0)) continue;
    out.push({ yuan, text: whole.trim(), approx: !!(more1 || more2), kind: moneyKind(before, after), start: at });
  }
  return out;
}

// Longest first, so 人次 wins over 人 and 批次 over 批.
const UNITS = ['人次', '批次', '余人', '人', '户', '所', '家', '个', '册', '台', '亩', '名', '位', '项', '镇', '村', '乡', '场', '期', '套', '件', '吨', '头', '只', '株', '间', '条', '处', '座', '辆', '本', '份', '种', '箱', '袋', '斤', '公斤', '千克', '万头', '批', '次', '届', '支', '组', '节', '课时', '张', '篇', '部', '对'];
/** Units that read as counts only when a number is plainly a quantity (not 一次, 三次会议 as names). */
/** 个 before these is a duration or an abstraction (3个小时, 13个方面), not things counted. */
const ABSTRACT_AFTER_GE = /^(?:小时|月|工作日|百分点|方面|领域|环节|维度|层面|问题|要求|作用|机制|体系|意识|重点|目标|任务|坚持|确立|维护)/;
const NOT_AFTER_UNIT = /^(?:月|年|日|号|周|岁|小时|分钟|天|%|％|倍|点|层|级|星|米|公里|千米|平方|立方|度)/;

/**
 * Counts with their units: 6位果洛教师, 40余人, 一行7人, 三所中学, 两镇, 共46个项目 — not ordinals
 * (第五批), years, dates, money, percentages, or numbers inside names (“十三五”, 三八, 一学三促, 一家亲).
 */
export function countsIn(text: string): Count[] {
  const out: Count[] = [];
  const units = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // Never from inside a run of digits (such a match is skipped below anyway): a long run would be retried from each of its digits.
  const re = new RegExp(`(?<!\\d)(\\d+(?:,\\d{3})*|[两三四五六七八九十][十一二三四五六七八九]?)(余|多)?(${units})`, 'g');
  for (const m of text.matchAll(re)) {
    const [whole, num, , unit0] = m;
    const at = m.index!;
    const before = text.slice(Math.max(0, at - 6), at);
    const after = text.slice(at + whole.length, at + whole.length + 4);
    if (/第$|第[\u4e00-\u9fa5]?$|[\d.]$/.test(before)) continue;
    if (/[“"「『]$/.test(before) && /^[”"」』]/.test(after)) continue; // a quoted name
    if (unit0 === '个' && ABSTRACT_AFTER_GE.test(after)) continue;
    if (NOT_AFTER_UNIT.test(after) && ['次', '期', '批', '届'].includes(unit0)) continue;
    const chinese = !/^\d/.test(num);
    // Chinese numerals: only before a noun-like unit and not inside set phrases.
    // Chinese numerals with 个/项 are slogans (三个代表, 八项规定, 四个意识), not counts.
    if (chinese && (['个', '项', '次', '期', '届', '节', '对', '组', '条', '部', '支', '种', '本', '份', '张', '篇', '处', '间'].includes(unit0) || /[一二三四五六七八九十]$/.test(before) || /^[亲心意]/.test(after))) continue;
    if (/^(?:19|20)\d\d$/.test(num) && /^年/.test(after)) continue;
    const value = chineseNumber(num.replace(/,/g, ''));
    if (value === null || value <= 0) continue;
    const unit = unit0 === '余人' ? '人' : unit0;
    // The text as written, with the noun that follows when it is short (6位果洛教师 → "6位果洛教师" is the annotator's habit; keep the core).
    out.push({ value, unit, text: whole, start: at });
  }
  // A figure repeated in an item (11名 in the lead and again in the body) is one fact.
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.value}|${c.unit}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
