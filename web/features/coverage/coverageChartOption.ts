import type { Coverage, CoverageUnit } from '../../../src/modules/pairings/pairings.contract.ts';
import type { Translate } from '../../ui/i18n.tsx';
import type { ChartOption } from '../../ui/charts.tsx';
import { pairingTypeLabel } from '../../ui/enums.ts';

export interface TypeCount {
  /** null = any type. */
  type: string | null;
  paired: number;
  total: number;
}

/**
 * Paired units per pairing type, counted from the units themselves (so the bars always match the
 * table below, whatever level the units are). A unit covered by two types counts in both bars.
 */
export function countByType(units: CoverageUnit[], byType: Coverage['byType']): TypeCount[] {
  const total = units.length;
  const all: TypeCount = { type: null, paired: units.filter((u) => u.paired).length, total };
  const perType = byType.map((b) => ({ type: b.type, paired: units.filter((u) => u.pairings.some((p) => p.type === b.type)).length, total }));
  return [all, ...perType];
}

/** A stacked bar per pairing type (plus "all types"): units paired and units not paired. */
export function coverageChartOption(counts: TypeCount[], unitNoun: string, t: Translate): ChartOption {
  const categories = counts.map((c) => (c.type ? pairingTypeLabel(t, c.type) : t('coverage.allTypes')));
  const hideZero = (p: { value: number }) => (p.value ? String(p.value) : '');
  return {
    title: { text: t('coverage.chartTitle', { unit: unitNoun }), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 16, right: 32, top: 40, bottom: 56, containLabel: true },
    // Horizontal bars: pairing-type names stay readable in both languages.
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { interval: 0, width: 140, overflow: 'break' } },
    xAxis: { type: 'value', name: t('coverage.countOf', { unit: unitNoun }), nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    series: [
      { name: t('coverage.paired'), type: 'bar', stack: 'units', data: counts.map((c) => c.paired), itemStyle: { color: '#2f8f5b' }, label: { show: true, position: 'inside', color: '#fff', formatter: hideZero }, barMaxWidth: 28 },
      { name: t('coverage.unpaired'), type: 'bar', stack: 'units', data: counts.map((c) => c.total - c.paired), itemStyle: { color: '#d9d9d9' }, label: { show: true, position: 'inside', color: '#555', formatter: hideZero }, barMaxWidth: 28 },
    ],
  };
}

/** Chart height that fits one bar per category. */
export function coverageChartHeight(counts: TypeCount[]): number {
  return Math.max(220, 120 + counts.length * 44);
}
