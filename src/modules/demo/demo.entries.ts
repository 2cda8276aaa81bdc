import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { computeIndicators } from '../indicators/indicators.service.ts';
import { BY_CODE } from '../indicators/indicators.definitions.ts';
import { createEntryIn } from '../indicators/indicators.entries.service.ts';
import type { EntryInput } from '../indicators/indicators.entries.contract.ts';

/**
 * The demo's targets and reported figures for 闵行区: this year's targets set the way offices often
 * set them — last year's figure plus 10 % (so the home page's warnings show what lags behind the
 * pro-rated target) — and last year's figures as the district reported them in its year-end summary,
 * rounded as reports round (so the indicators page shows them beside the computed ones, one of them
 * differing). Values in each indicator's shown unit; all flagged is_demo, the documents say so.
 */
const TARGET_CODES = ['fund_allocated', 'fund_spent', 'projects', 'training_person_times_west', 'labor_placed', 'sales', 'enterprises', 'leader_visits', 'cadres_on_post'];
const REPORTED_CODES = ['fund_allocated', 'training_person_times_west', 'sales', 'labor_placed'];
const TARGET_DOC = '演示：闵行区东西部协作年度工作要点（按上年完成数增长 10% 设定）';
const REPORT_DOC = '演示：闵行区东西部协作工作年度总结（填报数）';

/** A reported figure is rounded to three significant digits, as a summary writes "1.23亿元". */
const roundReported = (v: number) => (v === 0 ? 0 : Number(v.toPrecision(3)));

/** Last year's figure plus 10 %: money to the fen of a 万元 figure, counts (次, 个, 人) to a whole one. */
export const targetOf = (code: string, last: number) => (BY_CODE.get(code)?.unit === 'wan_yuan' ? Math.ceil(last * 1.1 * 100) / 100 : Math.ceil(last * 1.1));

export async function loadDemoEntries(db: Db, ctx: RequestContext, districtId: number, year: number): Promise<number> {
  const last = await computeIndicators(db, ctx, { year: year - 1, district: districtId }, [...new Set([...TARGET_CODES, ...REPORTED_CODES])]);
  const of = (code: string) => last.items.find((i) => i.code === code)?.value ?? 0;
  const scope = { scopeKind: 'district', districtId } as const;
  const inputs: ['target' | 'reported', EntryInput][] = [
    ...TARGET_CODES.filter((c) => of(c) > 0).map((c): ['target', EntryInput] => ['target', { ...scope, indicatorCode: c, year, value: targetOf(c, of(c)), document: TARGET_DOC }]),
    ...REPORTED_CODES.filter((c) => of(c) > 0).map((c, i): ['reported', EntryInput] => [
      'reported',
      // The training figure is reported as the office counted it, with the participants of one more class: it differs.
      { ...scope, indicatorCode: c, year: year - 1, value: roundReported(of(c)) + (c === 'training_person_times_west' ? 45 : 0), document: REPORT_DOC, reportedOn: `${year}-01-${String(10 + i).padStart(2, '0')}` },
    ]),
  ];
  await inTransaction(db, async (trx) => {
    for (const [kind, input] of inputs) await createEntryIn(trx, ctx, kind, input, { isDemo: true });
  });
  return inputs.length;
}
