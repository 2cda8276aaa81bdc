import type { ProjectStatus } from '../projects/projects.contract.ts';

/**
 * IATI 2.03 activity documents from projects: pure functions, no I/O. Elements follow the order of
 * the 2.03 schema's iati-activity sequence (iati-identifier, reporting-org, title, description,
 * participating-org, activity-status, activity-date, recipient-country, location, budget, transaction).
 * Codes are from the 2.03 codelists (ActivityStatus, ActivityDateType, OrganisationRole,
 * TransactionType, BudgetType, BudgetStatus).
 */

/** The publisher: its IATI organisation identifier prefixes every activity identifier. */
export interface IatiReporter {
  ref: string;
  name: string;
}

export type IatiFundKind = 'disburse' | 'spend' | 'return';

export interface IatiTransaction {
  kind: IatiFundKind;
  amountFen: number;
  onDate: string;
  documentNo: string | null;
  note: string | null;
}

export interface IatiProject {
  code: string;
  name: string;
  content: string | null;
  status: ProjectStatus;
  startYear: number;
  endYear: number;
  /** Statistical division code of the place (2–12 digits). */
  regionCode: string;
  /** The place's full path name (省 州 县 乡 村); null when the code is unknown. */
  regionFullName: string | null;
  /** The east-side (帮扶方) unit. */
  eastOrgName: string | null;
  /** 项目业主: the owner organisation's name, or the owner as written on the project. */
  ownerName: string | null;
  plannedFen: number;
  approvedFen: number | null;
  approvalDocNo: string | null;
  /** Date of 批复 (reviewed → approved). */
  approvedOn: string | null;
  /** Date of the first 开工 (→ in_progress). */
  startedOn: string | null;
  /** Date of 完工 (→ completed). */
  completedOn: string | null;
  /** Effective fund transactions, in date order. */
  transactions: IatiTransaction[];
  /** ISO timestamp of the record's last change. */
  updatedAt?: string | null;
}

export interface IatiDocumentInput {
  reporter: IatiReporter;
  generatedAt: Date | string;
  projects: IatiProject[];
}

/** Funding when a project names no east-side unit: Shanghai's fiscal aid. */
export const SHANGHAI_FINANCE = '上海市财政';
const LANG = 'zh';
const CURRENCY = 'CNY';

/** Our lifecycle → ActivityStatus: 1 Pipeline/identification, 2 Implementation, 3 Finalisation, 4 Closed, 5 Cancelled, 6 Suspended. */
export const ACTIVITY_STATUS: Record<ProjectStatus, '1' | '2' | '3' | '4' | '5' | '6'> = {
  reserve: '1',
  submitted: '1',
  reviewed: '1',
  approved: '2',
  in_progress: '2',
  suspended: '6',
  completed: '3',
  accepted: '3',
  handed_over: '4',
  cancelled: '5',
};

export const ACTIVITY_DATE = { plannedStart: '1', actualStart: '2', plannedEnd: '3', actualEnd: '4' } as const;
export const ORG_ROLE = { funding: '1', accountable: '2', extending: '3', implementing: '4' } as const;
export const TRANSACTION_TYPE = { commitment: '2', disbursement: '3', expenditure: '4' } as const;
export const BUDGET_TYPE = { original: '1' } as const;
export const BUDGET_STATUS = { indicative: '1', committed: '2' } as const;
/** OrganisationType 10: Government. */
const GOVERNMENT = '10';

// ---------------------------------------------------------------- escaping and amounts

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF): dropped. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Element text: &, <, > (and ", ') as entities; characters XML cannot carry are dropped. */
export function escapeText(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (ch) => ENTITY[ch]);
}

/** Attribute values: as text, plus tab and line breaks as character references (attribute normalisation would turn them into spaces). */
export function escapeAttr(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>"'\t\n\r]/g, (ch) => ENTITY[ch]);
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Integer fen → yuan with exactly two decimals, by integer arithmetic only: 12345 → "123.45", -5 → "-0.05". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数（分）：${fen}`);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return `${fen < 0 ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- a tiny element tree

type Attrs = Record<string, string | number | null | undefined>;
interface Elem {
  name: string;
  attrs: Attrs;
  children: Elem[];
  text?: string;
}
type Child = Elem | null | undefined | false | '';

function el(name: string, attrs: Attrs = {}, ...children: Child[]): Elem {
  return { name, attrs, children: children.filter((c): c is Elem => !!c) };
}

function textEl(name: string, text: string, attrs: Attrs = {}): Elem {
  return { name, attrs, children: [], text };
}

function render(e: Elem, depth: number, out: string[]) {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(e.attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  if (e.text !== undefined) out.push(`${pad}<${e.name}${attrs}>${escapeText(e.text)}</${e.name}>`);
  else if (e.children.length === 0) out.push(`${pad}<${e.name}${attrs}/>`);
  else {
    out.push(`${pad}<${e.name}${attrs}>`);
    for (const c of e.children) render(c, depth + 1, out);
    out.push(`${pad}</${e.name}>`);
  }
}

const narrative = (text: string) => textEl('narrative', text, { 'xml:lang': LANG });
/** An element whose content is one Chinese narrative. */
const named = (name: string, text: string, attrs: Attrs = {}) => el(name, attrs, narrative(text));
const value = (fen: number, valueDate: string) => textEl('value', fenToYuan(fen), { currency: CURRENCY, 'value-date': valueDate });

// ---------------------------------------------------------------- activities

export const activityIdentifier = (reporter: IatiReporter, code: string) => `${reporter.ref}-${code}`;

const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function transaction(type: string, t: { onDate: string; amountFen: number; ref?: string | null; description?: string | null; provider?: string | null; receiver?: string | null }) {
  return el(
    'transaction',
    { ref: clean(t.ref) },
    el('transaction-type', { code: type }),
    el('transaction-date', { 'iso-date': t.onDate }),
    value(t.amountFen, t.onDate),
    t.description && named('description', t.description),
    t.provider && named('provider-org', t.provider),
    t.receiver && named('receiver-org', t.receiver),
  );
}

export function buildActivity(reporter: IatiReporter, p: IatiProject): Elem {
  const east = clean(p.eastOrgName);
  const owner = clean(p.ownerName);
  const funder = east ?? SHANGHAI_FINANCE;
  const committed = p.approvedFen !== null;
  // Approved: the approved amount, committed; before that the planned investment, indicative (none when nothing is planned yet).
  const budgetFen = committed ? p.approvedFen! : p.plannedFen;
  const start = `${p.startYear}-01-01`;
  const end = `${p.endYear}-12-31`;

  const transactions: Elem[] = [];
  if (p.approvedFen !== null && p.approvedOn) {
    transactions.push(
      transaction(TRANSACTION_TYPE.commitment, { onDate: p.approvedOn, amountFen: p.approvedFen, ref: p.approvalDocNo, description: `批复${p.approvalDocNo ? `（${p.approvalDocNo.trim()}）` : ''}`, provider: funder, receiver: owner }),
    );
  }
  for (const t of p.transactions) {
    const note = clean(t.note);
    const doc = clean(t.documentNo);
    const label = { disburse: '拨付', spend: '支出', return: '退回' }[t.kind];
    const description = `${label}${doc ? `（${doc}）` : ''}${note ? `：${note}` : ''}`;
    if (t.kind === 'disburse') transactions.push(transaction(TRANSACTION_TYPE.disbursement, { ...t, ref: doc, description, provider: funder, receiver: owner }));
    // 退回: money sent back against a disbursement, reported as a negative disbursement (a reversal).
    if (t.kind === 'return') transactions.push(transaction(TRANSACTION_TYPE.disbursement, { ...t, amountFen: -t.amountFen, ref: doc, description, provider: funder, receiver: owner }));
    if (t.kind === 'spend') transactions.push(transaction(TRANSACTION_TYPE.expenditure, { ...t, ref: doc, description, provider: owner }));
  }

  const place = clean(p.regionFullName);
  return el(
    'iati-activity',
    { 'last-updated-datetime': p.updatedAt ?? null, 'xml:lang': LANG, 'default-currency': CURRENCY },
    textEl('iati-identifier', activityIdentifier(reporter, p.code)),
    named('reporting-org', reporter.name, { ref: reporter.ref, type: GOVERNMENT }),
    named('title', p.name),
    named('description', clean(p.content) ?? p.name, { type: '1' }),
    named('participating-org', funder, { role: ORG_ROLE.funding }),
    named('participating-org', east ?? reporter.name, { role: ORG_ROLE.accountable }),
    named('participating-org', east ?? reporter.name, { role: ORG_ROLE.extending }),
    owner && named('participating-org', owner, { role: ORG_ROLE.implementing }),
    el('activity-status', { code: ACTIVITY_STATUS[p.status] }),
    el('activity-date', { type: ACTIVITY_DATE.plannedStart, 'iso-date': start }),
    p.startedOn && el('activity-date', { type: ACTIVITY_DATE.actualStart, 'iso-date': p.startedOn }),
    el('activity-date', { type: ACTIVITY_DATE.plannedEnd, 'iso-date': end }),
    p.completedOn && el('activity-date', { type: ACTIVITY_DATE.actualEnd, 'iso-date': p.completedOn }),
    named('recipient-country', '中国', { code: 'CN' }),
    // The national statistical division code has no IATI geographic vocabulary: it goes in location/@ref
    // (the publisher's own reference) and in the description, the full place name in the name.
    el('location', { ref: p.regionCode }, named('name', place ?? p.regionCode), named('description', `统计用区划代码 ${p.regionCode}`)),
    budgetFen > 0 &&
      el(
        'budget',
        { type: BUDGET_TYPE.original, status: committed ? BUDGET_STATUS.committed : BUDGET_STATUS.indicative },
        el('period-start', { 'iso-date': start }),
        el('period-end', { 'iso-date': end }),
        value(budgetFen, start),
      ),
    ...transactions,
  );
}

/** The whole document: `<?xml …?>` and `<iati-activities version="2.03" generated-datetime="…">`. */
export function buildIatiXml(input: IatiDocumentInput): string {
  const generated = typeof input.generatedAt === 'string' ? input.generatedAt : input.generatedAt.toISOString();
  const root = el('iati-activities', { version: '2.03', 'generated-datetime': generated }, ...input.projects.map((p) => buildActivity(input.reporter, p)));
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, out);
  return `${out.join('\n')}\n`;
}
