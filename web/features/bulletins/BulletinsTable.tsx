import { Table } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../src/platform/contract.ts';
import type { BulletinDocument } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { DraftCountTags } from './DraftTags.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  page: Page<BulletinDocument> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** The imported bulletins; the file name opens the review page. */
export function BulletinsTable({ page, loading, onPage }: Props) {
  const t = useT();
  return (
    <Table<BulletinDocument>
      data-testid="bulletin-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items ?? []}
      onRow={(d) => rowWithTestId(`bulletin-row-${d.id}`)}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1000 }}
      columns={[
        {
          key: 'file',
          title: t('bulletin.fileName'),
          render: (_, d) => (
            <Link to={`/bulletins/${d.id}`} data-testid={`bulletin-open-${d.id}`}>
              {d.fileName}
            </Link>
          ),
        },
        { key: 'year', title: t('bulletin.year'), width: 80, render: (_, d) => d.year ?? '—' },
        { key: 'issued', title: t('bulletin.issuedOn'), width: 120, render: (_, d) => d.issuedOn ?? '—' },
        { key: 'who', title: t('bulletin.importedBy'), width: 120, render: (_, d) => d.actorName },
        { key: 'when', title: t('bulletin.importedAt'), width: 160, render: (_, d) => formatDateTime(d.createdAt) },
        { key: 'counts', title: t('bulletin.items'), width: 260, render: (_, d) => <DraftCountTags counts={d.counts} testId={`bulletin-counts-${d.id}`} /> },
      ]}
    />
  );
}
