import { useState } from 'react';
import { Button, Col, Row, Segmented, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { AREA_CODES, useRanking, useSeries, type IndicatorArea, type IndicatorDefinitionOut, type IndicatorReport, type RankingItem } from '../indicators/indicators.api.ts';
import { areaLabel, formatFigure, unitLabel, useApiName } from '../indicators/indicatorFormat.ts';
import { evidenceLink, type PeriodParams, type ScopeParams } from '../indicators/indicatorScope.ts';
import { ChartCard, type ChartOption } from '../indicators/IndicatorChart.tsx';
import { useT, type Translate } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDownload } from '../../ui/download.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

const BLUE = '#1f5fa8';
const GOLD = '#d48806';
const PALETTE = [BLUE, GOLD, '#389e0d', '#722ed1', '#13a8a8', '#cf1322'];
const YEARS_SHOWN = 5;

interface Props {
  scope: ScopeParams;
  period: PeriodParams;
  /** What the scope picker shows, for file names. */
  scopeName: string;
  report: IndicatorReport | undefined;
  definitions: IndicatorDefinitionOut[];
}

const unitText = (t: Translate, unit: string) => (unit === '%' ? '%' : unitLabel(t, unit));

/** Indicator options grouped by area, each `{testId}-option-{code}`. */
function indicatorOptions(t: Translate, defs: IndicatorDefinitionOut[], nameOf: ReturnType<typeof useApiName>, testId: string, keep: (d: IndicatorDefinitionOut) => boolean = () => true) {
  return AREA_CODES.map((area) => ({
    label: areaLabel(t, area),
    title: area,
    options: defs
      .filter((d) => d.area === area && keep(d))
      .map((d) => ({ value: d.code, label: `${nameOf('indicatorName', d.code, d.name)}（${unitText(t, d.unit)}）`, 'data-testid': `${testId}-option-${d.code}` })),
  })).filter((g) => g.options.length);
}

/** 按年度: the chosen indicators (of one unit) over the last five years to the chosen one. */
function SeriesCard({ scope, period, scopeName, definitions }: Omit<Props, 'report'>) {
  const t = useT();
  const nameOf = useApiName();
  const [codes, setCodes] = useState<string[]>(['fund_allocated', 'fund_spent']);
  const from = period.year - YEARS_SHOWN + 1;
  const series = useSeries({ ...scope, year: period.year, codes: codes.join(','), from });
  const defs = new Map(definitions.map((d) => [d.code, d]));
  const unit = codes.length ? (defs.get(codes[0])?.unit ?? '') : '';
  const s = series.data;
  const option: ChartOption | null =
    s && s.items.length
      ? {
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0, type: 'scroll' },
          grid: { left: 16, right: 16, top: 36, bottom: 40, containLabel: true },
          xAxis: { type: 'category', data: s.years.map(String) },
          yAxis: { type: 'value', name: unitText(t, unit) },
          series: s.items.map((x, i) => ({
            name: nameOf('indicatorName', x.code, x.name),
            type: x.unit === '%' ? 'line' : 'bar',
            data: x.values,
            itemStyle: { color: PALETTE[i % PALETTE.length] },
            barMaxWidth: 28,
          })),
        }
      : null;
  return (
    <ChartCard
      title={t('dash.byYear', { from, to: period.year })}
      testId="home-chart-years"
      fileName={`${t('dash.byYearFile', { from, to: period.year })}-${scopeName}`}
      caption={`${t('dash.byYear', { from, to: period.year })} · ${scopeName}`}
      option={option}
      loading={series.loading}
      toolbar={
        <Select
          data-testid="home-chart-years-codes"
          mode="multiple"
          size="small"
          virtual={false}
          maxTagCount="responsive"
          value={codes}
          onChange={(next: string[]) => {
            // One axis, one unit: an indicator of another unit starts a new comparison.
            const added = next.find((c) => !codes.includes(c));
            setCodes(added && defs.get(added)?.unit !== unit ? [added] : next.length ? next : codes);
          }}
          options={indicatorOptions(t, definitions, nameOf, 'home-chart-years-codes')}
          style={{ width: '100%' }}
          popupMatchSelectWidth={false}
        />
      }
    >
      <ErrorAlert error={series.error} onRetry={series.reload} />
    </ChartCard>
  );
}

/**
 * 按领域: the chosen area's figures against the same period a year earlier. Each indicator has its own unit, so each pair of
 * bars is drawn against the larger of the two (100%) and labelled with the figures themselves.
 */
function AreaCard({ report, scopeName, period }: { report: IndicatorReport | undefined; scopeName: string; period: PeriodParams }) {
  const t = useT();
  const nameOf = useApiName();
  const [area, setArea] = useState<IndicatorArea>('funds');
  /** Figures that are nothing in both years would only be empty rows. */
  const items = (report?.items ?? []).filter((x) => x.area === area && (!!x.value || !!x.previous));
  const scale = (v: number | null, x: { value: number | null; previous: number | null }) => {
    const max = Math.max(Math.abs(x.value ?? 0), Math.abs(x.previous ?? 0));
    return v === null ? null : max === 0 ? 0 : Math.round((Math.abs(v) / max) * 1000) / 10;
  };
  const labelOf = (v: number | null, unit: string) => (v === null ? '—' : `${formatFigure(v, unit)}${unit === '%' ? '%' : ` ${unitLabel(t, unit)}`}`);
  const bar = (name: string, color: string, pick: (x: (typeof items)[number]) => number | null) => ({
    name,
    type: 'bar',
    barMaxWidth: 14,
    itemStyle: { color },
    label: { show: true, position: 'right', fontSize: 11, formatter: (p: { dataIndex: number }) => labelOf(pick(items[p.dataIndex]), items[p.dataIndex].unit) },
    data: items.map((x) => scale(pick(x), x)),
  });
  const option: ChartOption | null = items.length
    ? {
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (ps: { dataIndex: number }[]) => {
            const x = items[ps[0].dataIndex];
            return `${nameOf('indicatorName', x.code, x.name)}<br/>${t('dash.thisPeriod')}：${labelOf(x.value, x.unit)}<br/>${t('ind.previous')}：${labelOf(x.previous, x.unit)}`;
          },
        },
        legend: { bottom: 0 },
        grid: { left: 16, right: 110, top: 8, bottom: 36, containLabel: true },
        xAxis: { type: 'value', max: 100, show: false },
        yAxis: { type: 'category', inverse: true, data: items.map((x) => nameOf('indicatorName', x.code, x.name)), axisLabel: { width: 150, overflow: 'truncate' } },
        series: [bar(t('dash.thisPeriod'), BLUE, (x) => x.value), bar(t('ind.previous'), '#bfbfbf', (x) => x.previous)],
      }
    : null;
  return (
    <ChartCard
      title={t('dash.byArea', { year: period.year })}
      testId="home-chart-area"
      fileName={`${t('dash.byAreaFile', { area: areaLabel(t, area), year: period.year })}-${scopeName}`}
      caption={`${areaLabel(t, area)} · ${t('dash.byArea', { year: period.year })} · ${scopeName}`}
      option={option}
      height={Math.max(240, items.length * 44 + 56)}
      extra={
        <Select
          data-testid="home-chart-area-select"
          size="small"
          virtual={false}
          value={area}
          onChange={(a: IndicatorArea) => setArea(a)}
          options={AREA_CODES.map((a) => ({ value: a, label: areaLabel(t, a), 'data-testid': `home-chart-area-select-option-${a}` }))}
          style={{ width: 120 }}
        />
      }
    />
  );
}

const TOP_IN_CHART = 15;

/** A district's name on the chart's axis without what every one shares (上海市…人民政府 → 闵行区); the table keeps the full name. */
const shortName = (name: string) => name.replace(/^上海市/, '').replace(/人民政府$/, '') || name;

/** One ranking (of districts or of counties) for the indicator: the first 15 as bars, all in the table, CSV of the table. */
function RankingCard({ by, indicator, scope, period, scopeName }: { by: 'district' | 'county'; indicator: string; scope: ScopeParams; period: PeriodParams; scopeName: string }) {
  const t = useT();
  const nameOf = useApiName();
  const ranking = useRanking({ ...scope, ...period, by, indicator });
  const r = ranking.data;
  const unit = r?.indicator.unit ?? '';
  const name = r ? nameOf('indicatorName', r.indicator.code, r.indicator.name) : '';
  const items = (r?.items ?? []).map((x, i) => ({ ...x, rank: i + 1 }));
  const top = items.slice(0, TOP_IN_CHART);
  const title = t(by === 'district' ? 'dash.rankDistricts' : 'dash.rankCounties');
  const fileName = `${title}-${name}-${period.year}-${scopeName}`;
  const option: ChartOption | null = top.length
    ? {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 80, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', show: false },
        yAxis: { type: 'category', inverse: true, data: top.map((x) => shortName(x.name)), axisLabel: { width: 120, overflow: 'truncate' } },
        series: [
          {
            name,
            type: 'bar',
            barMaxWidth: 16,
            itemStyle: { color: by === 'district' ? BLUE : GOLD },
            label: { show: true, position: 'right', fontSize: 11, formatter: (p: { dataIndex: number }) => formatFigure(top[p.dataIndex].value, unit, top[p.dataIndex].raw) },
            data: top.map((x) => x.value),
          },
        ],
      }
    : null;
  const scopeOf = (x: RankingItem): ScopeParams => (by === 'district' && x.id ? { district: x.id } : x.code ? { region: x.code } : scope);
  const { download, busy } = useDownload();
  const exportXlsx = () => download('/indicators/ranking/export', { ...scope, ...period, by, indicator }, `${fileName}.xlsx`);
  return (
    <ChartCard
      title={title}
      testId={`home-ranking-${by}`}
      fileName={fileName}
      caption={`${title} · ${name}（${unitText(t, unit)}）· ${period.year} · ${scopeName}`}
      option={option}
      loading={ranking.loading}
      height={Math.max(200, top.length * 26 + 24)}
      extra={
        <Button size="small" icon={<DownloadOutlined />} disabled={!items.length} loading={busy !== null} onClick={exportXlsx} data-testid={`home-ranking-${by}-export`}>
          {t('dash.exportExcel')}
        </Button>
      }
    >
      <ErrorAlert error={ranking.error} onRetry={ranking.reload} />
      {items.length ? (
        <Table<(typeof items)[number]>
          data-testid={`home-ranking-${by}-table`}
          rowKey={(x) => `${x.id ?? ''}-${x.code ?? ''}-${x.rank}`}
          size="small"
          tableLayout="fixed"
          style={{ marginTop: 8 }}
          dataSource={items}
          pagination={items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
          onRow={(x) => rowWithTestId(`home-ranking-${by}-row-${x.rank}`)}
          columns={[
            { key: 'rank', title: t('dash.rank'), width: 56, render: (_, x) => x.rank },
            {
              key: 'name',
              title: t(by === 'district' ? 'dash.district' : 'dash.county'),
              ellipsis: true,
              render: (_, x) => <Link to={evidenceLink(indicator, scopeOf(x), period)}>{x.name}</Link>,
            },
            { key: 'value', title: unitText(t, unit), width: 130, align: 'right', render: (_, x) => <span data-raw={x.raw ?? ''}>{formatFigure(x.value, unit, x.raw)}</span> },
          ]}
        />
      ) : null}
    </ChartCard>
  );
}

function Rankings({ scope, period, scopeName, definitions }: Omit<Props, 'report'>) {
  const t = useT();
  const nameOf = useApiName();
  const [indicator, setIndicator] = useState('fund_allocated');
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="home-rankings">
      <Space wrap>
        <span>{t('dash.rankBy')}</span>
        <Select
          data-testid="home-ranking-indicator"
          virtual={false}
          showSearch={{ optionFilterProp: 'label' }}
          value={indicator}
          onChange={(c: string) => setIndicator(c)}
          options={indicatorOptions(t, definitions, nameOf, 'home-ranking-indicator', (d) => d.kind !== 'coverage')}
          style={{ width: 300 }}
          popupMatchSelectWidth={false}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <RankingCard by="district" indicator={indicator} scope={scope} period={period} scopeName={scopeName} />
        </Col>
        <Col xs={24} lg={12}>
          <RankingCard by="county" indicator={indicator} scope={scope} period={period} scopeName={scopeName} />
        </Col>
      </Row>
    </Space>
  );
}

/** The home page's charts, loaded with ECharts on demand (React.lazy) so the first screen stays light. */
export default function HomeCharts(props: Props) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <SeriesCard scope={props.scope} period={props.period} scopeName={props.scopeName} definitions={props.definitions} />
        </Col>
        <Col xs={24} xl={12}>
          <AreaCard report={props.report} scopeName={props.scopeName} period={props.period} />
        </Col>
      </Row>
      <Rankings scope={props.scope} period={props.period} scopeName={props.scopeName} definitions={props.definitions} />
    </Space>
  );
}
