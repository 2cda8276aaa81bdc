import { useState } from 'react';
import { Button, Card, Table, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { GRID_EXPORT_PATH, TEN_HAVE_CODES, useGrid, type GridRow } from '../indicators/indicators.api.ts';
import { formatFigure, tenHaveLabel } from '../indicators/indicatorFormat.ts';
import { evidenceLink, type PeriodParams, type ScopeParams } from '../indicators/indicatorScope.ts';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDownload } from '../../ui/download.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

/** 十有: one row per pairing of the scope, ten ✓/✗ cells each leading to the records of its indicator for that pairing. */
export function TenHavesGrid({ scope, period, scopeName }: { scope: ScopeParams; period: PeriodParams; scopeName: string }) {
  const t = useT();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const grid = useGrid({ ...scope, year: period.year, ...paging });
  const { download, busy } = useDownload();
  const g = grid.data;
  return (
    <Card
      size="small"
      title={t('dash.gridTitle', { year: period.year })}
      data-testid="home-grid"
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={busy !== null}
          data-testid="home-grid-export"
          onClick={() => download(GRID_EXPORT_PATH, { ...scope, year: period.year }, `${t('dash.gridFile', { year: period.year })}-${scopeName}.xlsx`)}
        >
          {t('dash.exportExcel')}
        </Button>
      }
    >
      <ErrorAlert error={grid.error} onRetry={grid.reload} />
      <Table<GridRow>
        data-testid="home-grid-table"
        rowKey="pairingId"
        size="small"
        tableLayout="fixed"
        loading={grid.loading}
        dataSource={g?.items ?? []}
        onRow={(x) => rowWithTestId(`home-grid-row-${x.pairingId}`, { 'data-count': String(x.count) })}
        pagination={{ current: g?.page ?? paging.page, pageSize: g?.pageSize ?? paging.pageSize, total: g?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        columns={[
          {
            key: 'pairing',
            title: t('dash.pairing'),
            render: (_, x) => (
              <div style={{ lineHeight: 1.35 }}>
                <Link to={`/pairings?open=${x.pairingId}`} data-testid={`home-grid-pairing-${x.pairingId}`}>
                  {x.eastOrgName}
                </Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('dash.pairedWith', { name: x.westOrgName })}
                </Typography.Text>
              </div>
            ),
          },
          ...TEN_HAVE_CODES.map((code) => ({
            key: code,
            title: tenHaveLabel(t, code),
            width: 62,
            align: 'center' as const,
            render: (_: unknown, x: GridRow) => {
              const cell = x.cells[code];
              if (!cell) return '—';
              const mark = cell.have ? <CheckOutlined style={{ color: '#389e0d' }} /> : <CloseOutlined style={{ color: '#cf1322' }} />;
              return (
                <Tooltip title={t('dash.gridCellTip', { what: tenHaveLabel(t, code), value: formatFigure(cell.value, '') })}>
                  <Link
                    to={evidenceLink(cell.indicator, { pairing: x.pairingId }, { year: period.year })}
                    data-testid={`home-grid-cell-${x.pairingId}-${code}`}
                    data-have={String(cell.have)}
                    aria-label={`${tenHaveLabel(t, code)}：${cell.have ? t('dash.have') : t('dash.haveNot')}`}
                  >
                    {mark}
                  </Link>
                </Tooltip>
              );
            },
          })),
          { key: 'count', title: t('dash.gridCount'), width: 64, align: 'center', render: (_, x) => <Typography.Text strong>{x.count}/10</Typography.Text> },
        ]}
      />
    </Card>
  );
}
