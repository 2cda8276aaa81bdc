import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { evidenceExportPath, useEvidence, useIndicatorDefinitions, useIndicatorValues, type EvidencePage as Evidence, type EvidenceRow, type IndicatorDefinitionOut, type IndicatorValue } from './indicators.api.ts';
import { periodFromUrl, scopeFromUrl, scopeSearch, SCOPE_URL_KEYS } from './indicatorScope.ts';
import { formatFigure, formatRaw, unitLabel, useApiName } from './indicatorFormat.ts';
import { recordPath } from './evidenceLinks.ts';
import { ScopePicker } from './ScopePicker.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDownload } from '../../ui/download.ts';
import { toInt, useUrlParams } from '../../ui/useUrlParams.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

const PARAMS = [...SCOPE_URL_KEYS, 'page', 'pageSize'] as const;

type Row = EvidenceRow & { key: string };

/**
 * What the records add up to, beside the figure: equal for a sum or a stock; a ratio's two parts (each summed over all
 * pages) give its ratio; 结对覆盖 counts the paired units against all units of the scope.
 */
function Sums({ ev, figure, defs }: { ev: Evidence; figure: IndicatorValue | undefined; defs: Map<string, IndicatorDefinitionOut> }) {
  const t = useT();
  const nameOf = useApiName();
  const d = ev.indicator;
  const total = Object.values(ev.sums).reduce((a, b) => a + b, 0);
  const close = (num: number, den: number) => figure?.value != null && den > 0 && Math.abs((num / den) * 100 - figure.value) < 0.006;
  let match: boolean | null = null;
  let sums: { key: string; label: string; raw: number; unit: string; strong?: boolean }[];
  if (d.kind === 'ratio') {
    const [num, den] = d.parts;
    sums = d.parts.map((p) => ({ key: p, label: t('ev.partSum', { part: defs.get(p) ? nameOf('indicatorName', p, defs.get(p)!.name) : p }), raw: ev.sums[p] ?? 0, unit: defs.get(p)?.unit ?? '' }));
    if (figure) match = figure.value === null ? (ev.sums[den] ?? 0) === 0 : close(ev.sums[num] ?? 0, ev.sums[den] ?? 0);
  } else if (d.kind === 'coverage') {
    const paired = ev.sums[d.code] ?? 0;
    const units = ev.sums[`${d.code}_units`] ?? 0;
    sums = [
      { key: d.code, label: t('ev.coveragePaired'), raw: paired, unit: '个', strong: true },
      { key: `${d.code}_units`, label: t('ev.coverageUnits'), raw: units, unit: '个' },
    ];
    if (figure) match = figure.value === null ? units === 0 : close(paired, units);
  } else {
    sums = [{ key: d.code, label: t('ev.sum'), raw: total, unit: d.unit, strong: true }];
    if (figure && figure.raw !== null) match = figure.raw === total;
  }
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: sums.length === 1 ? 3 : 2 }} bordered data-testid="evidence-sums">
      <Descriptions.Item label={t('ev.records')}>
        <span data-testid="evidence-total" data-count={ev.total}>
          {t('common.totalItems', { n: ev.total })}
        </span>
      </Descriptions.Item>
      {sums.map((x) => (
        <Descriptions.Item key={x.key} label={x.label}>
          <Typography.Text strong={x.strong} data-testid={x.strong && d.kind !== 'coverage' ? 'evidence-sum' : `evidence-sum-${x.key}`} data-raw={x.raw}>
            {formatRaw(x.raw, x.unit)} {unitLabel(t, x.unit)}
          </Typography.Text>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('ev.figure')}>
        <Space size={8} wrap>
          <Typography.Text strong data-testid="evidence-figure" data-raw={figure?.raw ?? ''} data-value={figure?.value ?? ''}>
            {figure ? `${formatFigure(figure.value, d.unit, figure.raw)}${d.unit === '%' ? '%' : ` ${unitLabel(t, d.unit)}`}` : '—'}
          </Typography.Text>
          {match === null ? null : match ? (
            <Tag color="success" icon={<CheckCircleOutlined />} data-testid="evidence-match" data-match="true">
              {t('ev.matches')}
            </Tag>
          ) : (
            <Tag color="error" icon={<WarningOutlined />} data-testid="evidence-match" data-match="false">
              {t('ev.mismatch')}
            </Tag>
          )}
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 指标依据 (/indicators/:code): the records behind one figure for the scope and period, with their sum over all pages and the Excel export. */
export function EvidencePage() {
  const t = useT();
  const nameOf = useApiName();
  const code = useParams().code ?? '';
  const [params, setParams] = useUrlParams(PARAMS);
  const scope = scopeFromUrl(params);
  const period = periodFromUrl(params);
  const page = toInt(params.page) ?? 1;
  const pageSize = toInt(params.pageSize) ?? 20;
  const ev = useEvidence(code, { ...scope, ...period, page, pageSize });
  const values = useIndicatorValues({ ...scope, ...period });
  const defsQ = useIndicatorDefinitions();
  const defs = new Map((defsQ.data ?? []).map((d) => [d.code, d]));
  const { download, busy } = useDownload();
  const e = ev.data;
  const d = e?.indicator;
  const figure = values.data?.items.find((x) => x.code === code);
  const rowUnit = (r: EvidenceRow) => (d?.kind === 'coverage' ? '个' : (defs.get(r.part)?.unit ?? d?.unit ?? ''));
  const rows: Row[] = (e?.items ?? []).map((r, i) => ({ ...r, key: `${r.part}-${r.kind}-${r.id}-${i}` }));
  const showPart = d?.kind === 'ratio';
  const back = `/indicators${scopeSearch({ ...scope, ...period })}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="evidence-page" data-code={code}>
      <Link to={back} data-testid="evidence-back">
        <ArrowLeftOutlined /> {t('ev.back')}
      </Link>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="evidence-title">
            {d ? t('ev.title', { name: nameOf('indicatorName', d.code, d.name) }) : t('ev.titleLoading')}
          </Typography.Title>
          {e ? (
            <Typography.Text type="secondary" data-testid="evidence-heading">
              {t('ind.heading', { scope: e.scope.name, period: e.period.label, from: e.period.from, to: e.period.to })}
            </Typography.Text>
          ) : null}
        </div>
        <Space wrap>
          <ScopePicker scope={scope} period={period} withPeriod shown={e?.scope} onChange={(patch) => setParams(patch)} />
          <Button
            icon={<DownloadOutlined />}
            loading={busy !== null}
            disabled={!e}
            data-testid="evidence-export"
            onClick={() => download(evidenceExportPath(code), { ...scope, ...period }, `${d?.name ?? code}-${t('ev.fileSuffix')}.xlsx`)}
          >
            {t('ev.export')}
          </Button>
        </Space>
      </Space>
      <ErrorAlert error={ev.error} onRetry={ev.reload} />
      {e && d ? (
        <Card size="small">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="evidence-description">
            {d.description}
          </Typography.Paragraph>
          <Sums ev={e} figure={figure} defs={defs} />
        </Card>
      ) : null}
      <Table<Row>
        data-testid="evidence-table"
        rowKey="key"
        size="small"
        tableLayout="fixed"
        loading={ev.loading}
        dataSource={rows}
        onRow={(r) => rowWithTestId(`evidence-row-${r.kind}-${r.id}`, { 'data-raw': String(r.raw), 'data-value': String(r.value), 'data-part': r.part })}
        pagination={{ current: e?.page ?? page, pageSize: e?.pageSize ?? pageSize, total: e?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (n) => t('common.totalItems', { n }) }}
        onChange={(p) => setParams({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        columns={[
          { key: 'kind', title: t('ev.kind'), width: 120, render: (_, r) => nameOf('evidenceKind', r.kind, r.kindLabel) },
          {
            key: 'label',
            title: t('ev.label'),
            render: (_, r) => {
              const to = recordPath(r.kind, r.id) ?? (r.parent ? recordPath(r.parent.kind, r.parent.id) : null);
              return to ? (
                <Link to={to} data-testid={`evidence-link-${r.kind}-${r.id}`}>
                  {r.label}
                </Link>
              ) : (
                r.label
              );
            },
          },
          { key: 'date', title: t('ev.date'), width: 110, render: (_, r) => r.date ?? '—' },
          { key: 'place', title: t('ev.place'), width: 160, ellipsis: true, render: (_, r) => r.placeName ?? '—' },
          { key: 'org', title: t('ev.org'), width: 160, ellipsis: true, render: (_, r) => r.orgName ?? '—' },
          ...(showPart ? [{ key: 'part', title: t('ev.part'), width: 120, ellipsis: true, render: (_: unknown, r: Row) => (defs.get(r.part) ? nameOf('indicatorName', r.part, defs.get(r.part)!.name) : r.part) }] : []),
          {
            key: 'value',
            title: t('ev.value'),
            width: 140,
            align: 'right',
            render: (_, r) => (
              <span data-testid={`evidence-value-${r.kind}-${r.id}`}>
                {formatRaw(r.raw, rowUnit(r))} {unitLabel(t, rowUnit(r))}
              </span>
            ),
          },
        ]}
      />
    </Space>
  );
}
