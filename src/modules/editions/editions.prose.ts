import { SECTION_ORDER, type CandidateItem } from './editions.contract.ts';

export { SECTION_ORDER };

/** What an item is written from: an activity with its places, units and linked records. */
export interface ActivityFacts {
  id: number;
  type: string;
  title: string;
  startDate: string;
  endDate: string;
  leader: string | null;
  delegationSize: number | null;
  narrative: string | null;
  leadOrgName: string | null;
  places: string[];
  orgs: string[];
  agreements: { title: string | null; year: number; pledgedFen: number }[];
  donations: { donor: string | null; kind: 'cash' | 'goods'; valueFen: number; purpose: string | null }[];
  projects: { name: string; shanghaiFen: number }[];
  trainings: { title: string; participants: number; personTimes: number }[];
}

/** The bulletin's section for an activity type, in the order sections are printed. */
export const SECTIONS: Record<string, string> = {
  visit: '重要活动', meeting: '重要活动', conference: '重要活动', signing: '重要活动',
  donation_ceremony: '社会帮扶', training: '人才交流', fair: '消费帮扶', livestream: '消费帮扶',
  free_clinic: '工作动态', condolence: '工作动态', other: '工作动态',
};

const WHAT: Record<string, string> = {
  visit: '开展考察调研', meeting: '召开座谈会', conference: '召开工作会议', signing: '举行签约仪式', donation_ceremony: '举行捐赠仪式',
  training: '举办培训', free_clinic: '开展义诊活动', fair: '举办展销活动', livestream: '开展直播带货活动', condolence: '开展走访慰问',
};
/** Types whose place is where the delegation went (赴…), rather than where the event was held (在…). */
const TRAVEL = new Set(['visit', 'condolence', 'free_clinic']);

/**
 * Money in the bulletins' register: 万元 when exact to two decimals there, else 元 with its fen.
 * Exact either way, so reading the bulletin back gives the recorded amount.
 */
export function moneyText(fen: number): string {
  if (fen >= 1_000_000 && fen % 10_000 === 0) return `${trim((fen / 1_000_000).toFixed(2))}万元`;
  return `${trim((fen / 100).toFixed(2))}元`;
}
const trim = (s: string) => s.replace(/\.?0+$/, '');

/** 4月2日, 4月2日至3日, 3月30日至4月2日; the year is the bulletin's own and not repeated. */
export function dateText(start: string, end: string): string {
  const [, sm, sd] = start.split('-').map(Number);
  const [ey, em, ed] = end.split('-').map(Number);
  const head = `${sm}月${sd}日`;
  if (end === start) return head;
  if (ey !== Number(start.slice(0, 4))) return `${head}至${ey}年${em}月${ed}日`;
  return em === sm ? `${head}至${ed}日` : `${head}至${em}月${ed}日`;
}

/** A narrative read from a bulletin already is the item's prose; its provenance line is not printed. */
const PROVENANCE = /\n*（来源：[^）]*）\s*$/;
const startsWithDate = (s: string) => /^(?:\d{1,2}月\d{1,2}日|近日|日前|\d{4}年\d{1,2}月)/.test(s);

const sentence = (s: string) => (/[。！？]$/.test(s) ? s : `${s}。`);

function leadSentence(a: ActivityFacts): string {
  const who = [a.leader ? `${a.leader}带领` : '', a.leadOrgName ?? ''].join('') + (a.delegationSize ? `一行${a.delegationSize}人` : a.leader ? '一行' : '');
  const what = WHAT[a.type];
  if (!who || !what) return `${dateText(a.startDate, a.endDate)}，${a.title}`;
  const where = a.places.length ? `${TRAVEL.has(a.type) ? '赴' : '在'}${a.places.join('、')}` : '';
  return `${dateText(a.startDate, a.endDate)}，${who}${where}${what}`;
}

function recordSentences(a: ActivityFacts): string[] {
  const out: string[] = [];
  for (const g of a.agreements) out.push(`签订《${g.title ?? `${g.year}年东西部协作协议`}》${g.pledgedFen ? `，协议资金${moneyText(g.pledgedFen)}` : ''}`);
  for (const d of a.donations) {
    const donor = d.donor ?? '';
    out.push(d.kind === 'cash' ? `${donor}捐赠资金${moneyText(d.valueFen)}${d.purpose ? `，用于${d.purpose}` : ''}` : `${donor}捐赠${d.purpose ?? '物资'}，价值${moneyText(d.valueFen)}`);
  }
  for (const p of a.projects) out.push(`推进“${p.name}”项目${p.shanghaiFen ? `（上海援助资金${moneyText(p.shanghaiFen)}）` : ''}`);
  for (const t of a.trainings) {
    const same = t.title.includes(a.title) || a.title.includes(t.title);
    out.push(`${same ? '共' : `举办${t.title}，`}培训${t.participants}人、${t.personTimes}人次`);
  }
  return out;
}

/**
 * 组稿: one item in the bulletins' register — date, who, where, what, then what it produced
 * (agreements, donations with amounts in 万元, projects, trainings). A narrative written for a
 * bulletin (it starts with its date) is used as it stands; another narrative follows the date in
 * place of the sentence made from the fields, which it tells better.
 */
export function draftItem(a: ActivityFacts): CandidateItem {
  const narrative = a.narrative?.replace(PROVENANCE, '').trim() ?? '';
  const records = recordSentences(a);
  let body: string;
  if (narrative && startsWithDate(narrative)) body = narrative;
  else {
    const parts = narrative ? [sentence(`${dateText(a.startDate, a.endDate)}，${narrative}`)] : [sentence(leadSentence(a))];
    if (a.orgs.length && !narrative) parts.push(sentence(`${a.orgs.join('、')}参加`));
    if (records.length) parts.push(sentence(`活动中，${records.join('；')}`));
    body = parts.join('');
  }
  return { section: SECTIONS[a.type] ?? '工作动态', title: a.title, body, activityId: a.id, date: a.startDate };
}
