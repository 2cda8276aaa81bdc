import { Button, Card, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useWarnings, type WarningItem } from '../indicators/indicators.api.ts';
import { formatFigure, targetStatusLabel, TARGET_STATUS_COLORS, unitLabel, useApiName } from '../indicators/indicatorFormat.ts';
import { evidenceLink, scopeOfInfo, type PeriodParams, type ScopeParams } from '../indicators/indicatorScope.ts';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDownload } from '../../ui/download.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

/** 预警: the figures of the scope behind their target (落后, 严重落后), each leading to its records. */
export function WarningsCard({ scope, period, scopeName }: { scope: ScopeParams; period: PeriodParams; scopeName: string }) {
  const t = useT();
  const nameOf = useApiName();
  const warnings = useWarnings({ ...scope, year: period.year });
  const w = warnings.data;
  const items = w?.items ?? [];
  const unitOf = (x: WarningItem) => (x.unit === '%' ? '%' : unitLabel(t, x.unit));
  const { download, busy } = useDownload();
  const exportXlsx = () => download('/indicators/warnings/export', { ...scope, year: period.year }, `${t('dash.warningsFile', { year: period.year })}-${scopeName}.xlsx`);
  return (
    <Card
      size="small"
      title={w ? t('dash.warningsTitleAsOf', { year: w.year, asOf: w.asOf }) : t('dash.warningsTitle', { year: period.year })}
      data-testid="home-warnings"
      data-count={w ? items.length : ''}
      extra={
        <Button size="small" icon={<DownloadOutlined />} disabled={!items.length} loading={busy !== null} onClick={exportXlsx} data-testid="home-warnings-export">
          {t('dash.exportExcel')}
        </Button>
      }
    >
      <ErrorAlert error={warnings.error} onRetry={warnings.reload} />
      <Table<WarningItem>
        data-testid="home-warnings-table"
        rowKey="targetId"
        size="small"
        tableLayout="fixed"
        loading={warnings.loading}
        dataSource={items}
        locale={{ emptyText: t('dash.noWarnings') }}
        pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        onRow={(x) => rowWithTestId(`home-warning-${x.targetId}`, { 'data-status': x.status, 'data-code': x.code })}
        columns={[
          {
            key: 'name',
            title: t('ind.indicator'),
            render: (_, x) => <Link to={evidenceLink(x.code, scopeOfInfo(x.scope), period)}>{nameOf('indicatorName', x.code, x.name)}</Link>,
          },
          { key: 'scope', title: t('dash.scope'), width: 220, ellipsis: true, render: (_, x) => x.scope.name },
          { key: 'value', title: t('ind.value'), width: 130, align: 'right', render: (_, x) => `${formatFigure(x.value, x.unit)} ${unitOf(x)}` },
          { key: 'target', title: t('ind.target'), width: 130, align: 'right', render: (_, x) => `${formatFigure(x.target, x.unit)} ${unitOf(x)}` },
          { key: 'expected', title: t('ind.expectedShort'), width: 130, align: 'right', render: (_, x) => `${formatFigure(x.expected, x.unit)} ${unitOf(x)}` },
          { key: 'progress', title: t('ind.progress'), width: 90, align: 'right', render: (_, x) => (x.progress === null ? '—' : `${formatFigure(x.progress, '%')}%`) },
          {
            key: 'status',
            title: t('ind.status'),
            width: 100,
            render: (_, x) => (
              <Tag color={TARGET_STATUS_COLORS[x.status]} data-testid={`home-warning-status-${x.targetId}`}>
                {targetStatusLabel(t, x.status)}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
