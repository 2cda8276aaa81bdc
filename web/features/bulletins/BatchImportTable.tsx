import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { BatchRow, BatchStatus } from './useBatchImport.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

const COLORS: Record<BatchStatus, string> = { skipped: 'default', waiting: 'default', running: 'processing', created: 'success', existing: 'blue', failed: 'error' };

/** One row per chosen file: its result and, for a document, a link to its review page (a new tab, so the list stays). */
export function BatchImportTable({ rows }: { rows: BatchRow[] }) {
  const t = useT();
  return (
    <Table<BatchRow>
      data-testid="bulletin-batch-results"
      rowKey="index"
      size="small"
      pagination={false}
      scroll={{ y: 360 }}
      dataSource={rows}
      onRow={(r) => rowWithTestId(`bulletin-batch-row-${r.index}`, { 'data-result': r.status })}
      columns={[
        { key: 'name', title: t('bulletin.fileName'), render: (_, r) => <Typography.Text data-testid={`bulletin-batch-name-${r.index}`}>{r.name}</Typography.Text> },
        {
          key: 'result',
          title: t('bulletin.batchResult'),
          width: 150,
          render: (_, r) => (
            <Tag color={COLORS[r.status]} data-testid={`bulletin-batch-result-${r.index}`}>
              {r.status === 'created' ? t('bulletin.batchCreated', { n: r.items ?? 0 }) : t(`bulletin.batchStatus.${r.status}`)}
            </Tag>
          ),
        },
        {
          key: 'message',
          title: t('bulletin.batchMessage'),
          render: (_, r) =>
            r.status === 'failed' ? (
              <Typography.Text type="danger" data-testid={`bulletin-batch-message-${r.index}`}>
                {r.message}
              </Typography.Text>
            ) : r.status === 'skipped' ? (
              <Typography.Text type="secondary">{t('bulletin.wrongType')}</Typography.Text>
            ) : null,
        },
        {
          key: 'open',
          title: '',
          width: 110,
          render: (_, r) =>
            r.documentId ? (
              <Link to={`/bulletins/${r.documentId}`} target="_blank" data-testid={`bulletin-batch-open-${r.index}`}>
                {t('bulletin.batchOpen')}
              </Link>
            ) : null,
        },
      ]}
    />
  );
}
