/** What an item reports of 产业合作: the record kind its sentences describe and the figures they give. Pure functions. */
import type { Industry, ParkKind } from '../industry/industry.contract.ts';
import type { IndustryFacts, IndustryRecordKind } from './bulletins.industry.contract.ts';
import { amountsIn, chineseNumber } from './bulletins.facts.ts';

// A clause never crosses these: the figures of one report stay together ("签约投资总额5.9亿元,创造就业岗位1万多个" is one).
const SENTENCE = /[^。；;！!？?\n]+/g;

/** The kinds of sentence, in the order a sentence is tried (a workshop's jobs are not an enterprise's). */
const REPORTS: [IndustryRecordKind, RegExp][] = [
  ['workshop', /(?:帮扶|扶贫|就业|乡村振兴)车间/],
  ['farming', /订单(?:农业|种植|养殖|生产|收购)|(?:种植|养殖|收购|购销|订购)[^。；，,]{0,12}(?:合同|订单)/],
  ['enterprise', /引进[^。；，,]{0,12}(?:企业|公司)|招商引资|(?:签约|协议|意向)投资|投资总额|(?:企业|公司)[^。；，,]{0,4}(?:落地|入驻|投产)|落地[^。；，,]{0,4}企业/],
];
/** A park or base counts only when the sentence founds one and gives its area. */
const PARK = /产业园区?|工业园区?|(?:种植|养殖|示范|产业)基地/;
const FOUNDED = /建成|新建|建设|挂牌|揭牌|认定|投用|打造|落成/;

/** Any sentence of the text reports an enterprise introduced, contract farming or a workshop (the item's kind). */
export const reportsIndustry = (text: string) => REPORTS.some(([, re]) => re.test(text));

function kindOf(sentence: string): IndustryRecordKind | null {
  for (const [kind, re] of REPORTS) if (re.test(sentence)) return kind;
  return PARK.test(sentence) && FOUNDED.test(sentence) && /亩/.test(sentence) ? 'park' : null;
}

const NUM = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?|[两三四五六七八九十][十一二三四五六七八九]?)\\s*(万)?\\s*(余|多)?\\s*';
const figure = (m: RegExpMatchArray | null | undefined, at = 1) => {
  if (!m) return undefined;
  const n = /^\d/.test(m[at]) ? Number(m[at].replace(/,/g, '')) : chineseNumber(m[at]);
  return n === null ? undefined : { value: n * (m[at + 1] ? 10_000 : 1), approx: !!m[at + 2] };
};
const JOBS = [
  new RegExp(`(?:创造|提供|带动|解决|吸纳|新增|安置)[^。；，,\\d]{0,6}?${NUM}(?:个|人|名)`),
  new RegExp(`带动${NUM}(?:人|名)(?:就业|务工)`),
];
const POOR = new RegExp(`其中[^。；，,\\d]{0,4}?(?:脱贫|建档立卡|贫困)[^。；，,\\d]{0,6}?${NUM}(?:人|名)`);
const ACRES = new RegExp(`${NUM}亩`);
const HOUSEHOLDS = new RegExp(`${NUM}户`);
const ENTERPRISES = [new RegExp(`${NUM}家[^。；，,]{0,6}(?:企业|公司)`), new RegExp(`(?:企业|公司)${NUM}家`)];

const INDUSTRY_WORDS: [Industry, RegExp][] = [
  ['agri_processing', /加工/], ['planting_breeding', /种植|养殖|种养/], ['culture_tourism', /旅游|文旅|民宿/], ['ecommerce', /电商|电子商务/],
  ['trade_logistics', /物流|商贸/], ['new_energy', /光伏|新能源|风电/], ['biomedicine', /医药|制药|生物/], ['manufacturing', /制造|工厂|生产线/],
];

const STOP = /引进|引入|与|同|和|由|在|了|将|个|家|是|建成|新建|建设|打造|挂牌|揭牌|签订|签约|投资|为/;

/** The name that ends with `suffix`, cut after the last word that cannot be part of it (引进, 与, …); none without a stem. */
function nameEnding(s: string, suffix: RegExp): string | undefined {
  const m = s.match(new RegExp(`[\\u4e00-\\u9fa5A-Za-z0-9（）()]{0,30}?(?:${suffix.source})`));
  const name = m?.[0].split(STOP).at(-1);
  return name && name.replace(new RegExp(`(?:${suffix.source})$`), '').length >= 2 ? name : undefined;
}

function moneyIn(s: string, kind: IndustryRecordKind) {
  const out: Pick<IndustryFacts, 'signedFen' | 'actualFen' | 'contractFen'> & { approx: boolean } = { approx: false };
  for (const a of amountsIn(s)) {
    const before = s.slice(0, a.start).slice(-14);
    const fen = Math.round(a.yuan * 100);
    if (kind === 'farming' && out.contractFen === undefined && /合同|订单|收购|金额/.test(before)) out.contractFen = fen;
    else if (kind !== 'farming' && out.actualFen === undefined && /到位|实际/.test(before)) out.actualFen = fen;
    else if (kind !== 'farming' && out.signedFen === undefined && (/投资|签约|引资|协议|总额/.test(before) || a.kind === 'investment')) out.signedFen = fen;
    else continue;
    out.approx ||= a.approx;
  }
  return out;
}

/** The first of the kinds the text reports, with what its sentences of that kind say; null when none does. */
export function industryIn(text: string): IndustryFacts | null {
  const sentences = (text.match(SENTENCE) ?? []).map((s) => ({ s, kind: kindOf(s) })).filter((x) => x.kind);
  if (!sentences.length) return null;
  const kind = sentences[0].kind!;
  const mine = sentences.filter((x) => x.kind === kind).map((x) => x.s);
  const all = mine.join('。');
  const first = <T>(find: (s: string) => T | undefined) => mine.map(find).find((v) => v !== undefined);
  const money = moneyIn(all, kind);
  const jobs = first((s) => figure(JOBS.map((re) => s.match(re)).find(Boolean)));
  const acres = first((s) => figure(s.match(ACRES)));
  const households = first((s) => figure(s.match(HOUSEHOLDS)));
  const poor = first((s) => figure(s.match(POOR)));
  const enterprises = kind === 'enterprise' || kind === 'park' ? first((s) => figure(ENTERPRISES.map((re) => s.match(re)).find(Boolean))) : undefined;
  const facts: IndustryFacts = { kind, text: mine[0].trim(), approx: money.approx || !!jobs?.approx || !!acres?.approx };
  const { approx: _a, ...fen } = money;
  Object.assign(facts, Object.fromEntries(Object.entries(fen).filter(([, v]) => v !== undefined)));
  if (jobs && kind !== 'farming') facts.jobs = jobs.value;
  if (poor && facts.jobs !== undefined) facts.poorEmployed = poor.value;
  if (households) facts.households = households.value;
  if (acres && (kind === 'farming' || kind === 'park')) facts.acreageMu = Math.round(acres.value * 100) / 100;
  if (enterprises) facts.enterprises = enterprises.value;
  if (kind === 'farming') {
    const product = all.match(/(?:种植|养殖|收购|订购)([\u4e00-\u9fa5]{2,8}?)(?:的)?(?:合同|订单|协议)/)?.[1] ?? all.match(/订单(?:种植|养殖)([\u4e00-\u9fa5]{2,8}?)(?=[\d，,、。]|$)/)?.[1];
    if (product) facts.product = product;
  }
  const name = kind === 'workshop' ? nameEnding(all, /(?:帮扶|扶贫|就业|乡村振兴)车间/) : kind === 'park' ? nameEnding(all, PARK) : kind === 'enterprise' ? nameEnding(all, /有限公司|股份公司|集团/) : undefined;
  if (name) facts.name = name;
  if (kind === 'enterprise') {
    const industry = INDUSTRY_WORDS.find(([, re]) => re.test(all))?.[0];
    if (industry) facts.industry = industry;
  }
  if (kind === 'park') facts.parkKind = (/种植基地/.test(all) ? 'planting_base' : /养殖基地/.test(all) ? 'breeding_base' : /园/.test(all) ? 'park' : 'other') satisfies ParkKind;
  return facts;
}
