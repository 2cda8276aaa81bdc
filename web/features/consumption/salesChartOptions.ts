import type { ChartOption } from '../../ui/charts.tsx';
import type { Translate } from '../../ui/i18n.tsx';
import { fenToWanText } from '../../ui/money.ts';
import type { SalesSummary } from './sales.api.ts';
import { channelLabel } from './consumptionEnums.ts';

const wanOf = (fen: number) => Number(fenToWanText(fen).replace(/,/g, ''));

/** Sales by channel as a pie (万元), labelled in the current language. */
export function channelPieOption(s: SalesSummary, t: Translate): ChartOption {
  const unit = t('money.wan');
  return {
    title: { text: t('sales.byChannel'), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${p.value} ${unit} (${p.percent}%)` },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '50%'],
        data: s.rows.map((r) => ({ name: channelLabel(t, r.key), value: wanOf(r.amountFen) })),
        label: { formatter: '{b}\n{d}%' },
      },
    ],
  };
}

/** Sales by month (万元) as bars, with the number of sales as a line on a second axis. */
export function monthBarOption(s: SalesSummary, t: Translate): ChartOption {
  const rows = [...s.rows].sort((a, b) => a.key.localeCompare(b.key));
  return {
    title: { text: t('sales.byMonth'), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 16, right: 16, top: 48, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: [
      { type: 'value', name: t('money.wan') },
      { type: 'value', name: t('sales.countUnit'), minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: t('sales.amount'), type: 'bar', data: rows.map((r) => wanOf(r.amountFen)), itemStyle: { color: '#1f5fa8' }, barMaxWidth: 28 },
      { name: t('sales.count'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.count), itemStyle: { color: '#d48806' } },
    ],
  };
}
