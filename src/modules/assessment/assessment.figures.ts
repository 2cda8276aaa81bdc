import { BY_CODE } from '../indicators/indicators.definitions.ts';
import type { IndicatorValue } from '../indicators/indicators.contract.ts';

/** How the report and the samples read a figure: printed, with records behind it or not, its 同比 in words. */

/** A figure as the report prints it: at most two decimals, no grouping (500, 1234.57, 85.5). */
export const figure = (n: number) => String(Math.round(n * 100) / 100);

/** Whether records stand behind a figure: a ratio has a base, a sum or stock is not zero (exactly), a coverage is above zero. */
export function hasRecords(item: IndicatorValue): boolean {
  return BY_CODE.get(item.code)?.kind === 'ratio' ? item.value !== null : (item.raw ?? item.value ?? 0) !== 0;
}

/** 同比 in words: % for counts and sums, 个百分点 for rates. */
export function yoyText(item: IndicatorValue): string | null {
  if (item.yoy === null) return null;
  if (item.yoy === 0) return '同比持平';
  const points = item.yoyKind === 'points';
  const up = item.yoy > 0;
  return `同比${points ? (up ? '提高' : '降低') : up ? '增长' : '下降'}${figure(Math.abs(item.yoy))}${points ? '个百分点' : '%'}`;
}
