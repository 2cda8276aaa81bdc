import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FlagOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { AREA_CODES, useIndicatorDefinitions, useIndicatorValues, type IndicatorReport, type IndicatorValue } from './indicators.api.ts';
import { evidenceLink, periodFromUrl, scopeFromUrl, SCOPE_URL_KEYS, type PeriodParams, type ScopeParams } from './indicatorScope.ts';
import { areaLabel, formatFigure, formatFigurePct, formatYoy, targetStatusLabel, TARGET_STATUS_COLORS, unitLabel, useApiName, yoyColor } from './indicatorFormat.ts';
import { ScopePicker } from './ScopePicker.tsx';
import { useT, type Translate } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDownload } from '../../ui/download.ts';
import { useUrlParams } from '../../ui/useUrlParams.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

/** 填报 beside the computed figure: the value, 差异 when they differ, where it came from in the tooltip. */
function Reported({ item }: { item: IndicatorValue }) {
  const t = useT();
  const r = item.reported;
  if (!r) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={t('ind.reportedBy', { source: r.source, by: r.reportedBy, on: r.reportedOn })}>
      <Space size={4} wrap data-testid={`indicator-reported-${item.code}`}>
        <span>{formatFigurePct(r.value, item.unit)}</span>
        {r.differs ? (
          <Tag color="orange" data-testid={`indicator-differs-${item.code}`} style={{ marginInlineEnd: 0 }}>
            {t('ind.differs')}
          </Tag>
        ) : null}
      </Space>
    </Tooltip>
  );
}

function Target({ item }: { item: IndicatorValue }) {
  const t = useT();
  const g = item.target;
  if (!g) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={g.document || undefined}>
      <div data-testid={`indicator-target-${item.code}`}>
        <div>{formatFigurePct(g.value, item.unit)}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ind.expected', { value: formatFigurePct(g.expected, item.unit) })}
        </Typography.Text>
      </div>
    </Tooltip>
  );
}

function Progress({ item }: { item: IndicatorValue }) {
  const t = useT();
  const g = item.target;
  if (!g) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap data-testid={`indicator-progress-${item.code}`} data-status={g.status}>
      <span>{g.progress === null ? '—' : `${formatFigure(g.progress, '%')}%`}</span>
      <Tag color={TARGET_STATUS_COLORS[g.status]} style={{ marginInlineEnd: 0 }}>
        {targetStatusLabel(t, g.status)}
      </Tag>
    </Space>
  );
}

/** The figures of one area, each name leading to its evidence. */
function AreaTable({ items, scope, period, descriptions }: { items: IndicatorValue[]; scope: ScopeParams; period: PeriodParams; descriptions: Map<string, string> }) {
  const t = useT();
  const nameOf = useApiName();
  return (
    <Table<IndicatorValue>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={items}
      tableLayout="fixed"
      onRow={(x) => rowWithTestId(`indicator-row-${x.code}`)}
      columns={[
        {
          key: 'name',
          title: t('ind.indicator'),
          render: (_, x) => (
            <Tooltip title={descriptions.get(x.code)} placement="topLeft">
              <Link to={evidenceLink(x.code, scope, period)} data-testid={`indicator-open-${x.code}`}>
                {nameOf('indicatorName', x.code, x.name)}
              </Link>
            </Tooltip>
          ),
        },
        {
          key: 'value',
          title: t('ind.value'),
          width: 150,
          align: 'right',
          render: (_, x) => (
            <span data-testid={`indicator-value-${x.code}`} data-value={x.value ?? ''} data-raw={x.raw ?? ''}>
              <Typography.Text strong>{formatFigure(x.value, x.unit, x.raw)}</Typography.Text> {x.value === null ? null : unitLabel(t, x.unit)}
            </span>
          ),
        },
        { key: 'previous', title: t('ind.previous'), width: 120, align: 'right', render: (_, x) => formatFigurePct(x.previous, x.unit) },
        {
          key: 'yoy',
          title: t('ind.yoy'),
          width: 110,
          align: 'right',
          render: (_, x) => (
            <span data-testid={`indicator-yoy-${x.code}`} style={{ color: yoyColor(x.yoy) }}>
              {formatYoy(t, x.yoy, x.yoyKind)}
            </span>
          ),
        },
        { key: 'reported', title: t('ind.reported'), width: 140, render: (_, x) => <Reported item={x} /> },
        { key: 'target', title: t('ind.target'), width: 130, render: (_, x) => <Target item={x} /> },
        { key: 'progress', title: t('ind.progress'), width: 130, render: (_, x) => <Progress item={x} /> },
      ]}
    />
  );
}

/** 考核指标 (/indicators): every figure of the scope and period, grouped by area, with 同期, 同比, 填报 and 目标. */
export function IndicatorsPage() {
  const t = useT();
  const nameOf = useApiName();
  const [params, setParams] = useUrlParams(SCOPE_URL_KEYS);
  const scope = scopeFromUrl(params);
  const period = periodFromUrl(params);
  const report = useIndicatorValues({ ...scope, ...period });
  const defs = useIndicatorDefinitions();
  const descriptions = new Map((defs.data ?? []).map((d) => [d.code, d.description]));
  const r = report.data;
  const { download, busy } = useDownload();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="indicators-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.indicators')}
        </Typography.Title>
        <Space wrap>
          <ScopePicker scope={scope} period={period} withPeriod shown={r?.scope} onChange={(patch) => setParams(patch)} />
          <Link to={`/indicators/targets?year=${period.year}`} data-testid="indicators-targets-link">
            <Button icon={<FlagOutlined />}>{t('entry.link')}</Button>
          </Link>
          <Button icon={<DownloadOutlined />} disabled={!r} loading={busy !== null} onClick={() => r && download('/indicators/values/export', { ...scope, ...period }, `${t('nav.indicators')}-${r.scope.name}-${r.period.label}.xlsx`)} data-testid="indicators-export">
            {t('dash.exportExcel')}
          </Button>
        </Space>
      </Space>
      {r ? (
        <Typography.Text type="secondary" data-testid="indicators-heading">
          {t('ind.heading', { scope: r.scope.name, period: r.period.label, from: r.period.from, to: r.period.to })}
        </Typography.Text>
      ) : null}
      <ErrorAlert error={report.error} onRetry={report.reload} />
      {AREA_CODES.map((area) => {
        const items = (r?.items ?? []).filter((x) => x.area === area);
        if (r && !items.length) return null;
        return (
          <Card key={area} size="small" title={areaLabel(t, area)} data-testid={`indicators-area-${area}`} loading={report.loading && !r}>
            <AreaTable items={items} scope={scope} period={period} descriptions={descriptions} />
          </Card>
        );
      })}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ind.note')}
      </Typography.Paragraph>
    </Space>
  );
}
