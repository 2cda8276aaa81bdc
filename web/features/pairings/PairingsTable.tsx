import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../src/platform/contract.ts';
import type { Pairing } from '../../../src/modules/pairings/pairings.contract.ts';
import { useT } from '../../ui/i18n.tsx';
import { STATUS_COLORS, pairingStatusLabel, pairingTypeLabel } from '../../ui/enums.ts';
import { formatFenAsWan } from '../../ui/money.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

export type PairingSortField = 'startDate' | 'type' | 'createdAt';
const SORTABLE: PairingSortField[] = ['startDate', 'type', 'createdAt'];

/** The coverage page for the county (or prefecture) a recipient unit lies in. */
export function coverageCodeOf(regionCode: string | null): string | null {
  if (!regionCode) return null;
  if (regionCode.length >= 6) return regionCode.slice(0, 6);
  return regionCode.length === 4 ? regionCode : null;
}

interface Props {
  page: Page<Pairing> | undefined;
  loading: boolean;
  sort?: PairingSortField;
  order?: 'asc' | 'desc';
  onChange?: (change: { page: number; pageSize: number; sort?: PairingSortField; order?: 'asc' | 'desc' }) => void;
  onOpen: (pairing: Pairing) => void;
  onEdit?: (pairing: Pairing) => void;
  onDelete?: (pairing: Pairing) => void;
}

export function PairingsTable({ page, loading, sort, order, onChange, onOpen, onEdit, onDelete }: Props) {
  const t = useT();
  const sortOrderOf = (field: PairingSortField) => (sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableProps<Pairing>['columns'] = [
    { key: 'type', title: t('pairing.type'), sorter: !!onChange, sortOrder: sortOrderOf('type'), render: (_, p) => <Tag>{pairingTypeLabel(t, p.type)}</Tag> },
    { key: 'east', title: t('pairing.eastOrg'), render: (_, p) => <Link to={`/orgs/${p.eastOrg.id}`}>{p.eastOrg.name}</Link> },
    {
      key: 'west',
      title: t('pairing.westOrg'),
      render: (_, p) => {
        const coverage = coverageCodeOf(p.westOrg.regionCode);
        return (
          <Space orientation="vertical" size={0}>
            <Link to={`/orgs/${p.westOrg.id}`}>{p.westOrg.name}</Link>
            {p.westOrg.regionName ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {coverage ? <Link to={`/coverage/${coverage}`}>{p.westOrg.regionName}</Link> : p.westOrg.regionName}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    { key: 'startDate', title: t('pairing.period'), sorter: !!onChange, sortOrder: sortOrderOf('startDate'), render: (_, p) => `${p.startDate} — ${p.endDate ?? t('pairing.open')}` },
    { key: 'status', title: t('pairing.status'), render: (_, p) => <Tag color={STATUS_COLORS[p.status]}>{pairingStatusLabel(t, p.status)}</Tag> },
    {
      key: 'agreements',
      title: t('pairing.agreements'),
      align: 'right',
      render: (_, p) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <span>{t('pairing.agreementCount', { n: p.agreementCount })}</span>
          {p.pledgedFen > 0 ? <Typography.Text type="secondary">{formatFenAsWan(p.pledgedFen, t('money.wan'))}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, p) => (
        <Space size={0}>
          <Button size="small" type="link" data-testid={`pairing-open-${p.id}`} onClick={() => onOpen(p)}>
            {t('common.details')}
          </Button>
          {onEdit ? (
            <Button size="small" type="link" data-testid={`pairing-edit-${p.id}`} onClick={() => onEdit(p)}>
              {t('common.edit')}
            </Button>
          ) : null}
          {onDelete ? (
            <Popconfirm title={t('pairing.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`pairing-delete-confirm-${p.id}`, { danger: true })} onConfirm={() => onDelete(p)}>
              <Button size="small" type="link" danger data-testid={`pairing-delete-${p.id}`}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<Pairing>
      data-testid="pairing-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onRow={(p) => rowWithTestId(`pairing-row-${p.id}`)}
      pagination={
        onChange
          ? { current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }
          : false
      }
      onChange={(pagination, _filters, sorter) => {
        if (!onChange) return;
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        onChange({
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? 20,
          sort: s?.order ? SORTABLE.find((f) => f === s.columnKey) : undefined,
          order: s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined,
        });
      }}
      scroll={{ x: 960 }}
    />
  );
}
