import type { Queryable } from '../../platform/db/database.ts';
import * as entries from './indicators.entries.repository.ts';
import { BY_CODE } from './indicators.definitions.ts';
import type { IndicatorValue, PeriodInfo, ScopeInfo } from './indicators.contract.ts';

/** The share of the year a figure is expected to have reached on `asOf`: all of a past year, none of a future one. */
export function elapsedShare(year: number, asOf: Date): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const now = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate() + 1);
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** A target's progress: sums are pro-rated through the year; stocks and rates are expected in full at once. */
export function progressOf(code: string, value: number | null, target: number, share: number) {
  const def = BY_CODE.get(code);
  const expected = round(def?.kind === 'sum' ? target * share : target, 6);
  const v = value ?? 0;
  const progress = target === 0 ? null : round((v / target) * 100, 1);
  const status = v >= target ? 'met' : v < expected * 0.6 ? 'far_behind' : v < expected ? 'behind' : 'on_track';
  return { expected, progress, status } as const;
}

/** Reported and computed differ beyond the rounding a reported figure carries (0.5% of it, at least 0.01 of the unit). */
const differs = (reported: number, computed: number | null) => Math.abs(reported - (computed ?? 0)) > Math.max(0.005 * Math.abs(reported), 0.01);

/** Each figure with the target for its scope and year (a whole year's figure only) and the latest figure reported for the same period: two queries. */
export async function withOverlays(q: Queryable, scope: ScopeInfo, period: PeriodInfo, items: IndicatorValue[], asOf: Date = new Date()): Promise<IndicatorValue[]> {
  if (items.length === 0) return items;
  const rows = await entries.forScope(q, scope, period.year, items.map((i) => i.code));
  const share = elapsedShare(period.year, asOf);
  // A target is for the year: a quarter's or a month's figure is not measured against it.
  const yearly = !period.quarter && !period.month;
  return items.map((item) => {
    const target = yearly ? rows.find((r) => r.kind === 'target' && r.indicator_code === item.code) : undefined;
    const reported = rows.find((r) => r.kind === 'reported' && r.indicator_code === item.code && r.quarter === period.quarter && r.month === period.month);
    return {
      ...item,
      target: target ? { id: Number(target.id), value: Number(target.value), document: target.document, ...progressOf(item.code, item.value, Number(target.value), share) } : null,
      reported: reported
        ? { id: Number(reported.id), value: Number(reported.value), source: reported.document, reportedBy: reported.created_by, reportedOn: reported.reported_on ?? '', differs: differs(Number(reported.value), item.value) }
        : null,
    };
  });
}
