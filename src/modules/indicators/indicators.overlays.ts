import type { Queryable } from '../../platform/db/database.ts';
import type { IndicatorValue, PeriodInfo, ScopeInfo } from './indicators.contract.ts';

/** Reported figures (填报) and targets beside each computed figure: filled in by indicators.targets. */
export async function withOverlays(_q: Queryable, _scope: ScopeInfo, _period: PeriodInfo, items: IndicatorValue[]): Promise<IndicatorValue[]> {
  return items;
}
