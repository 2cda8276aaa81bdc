import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../src/platform/contract.ts';
import type { Org } from '../../../src/modules/orgs/orgs.contract.ts';
import { useT } from '../../ui/i18n.tsx';
import { SIDE_COLORS, orgTypeLabel, sideLabel } from '../../ui/enums.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

export type OrgSortField = 'name' | 'type' | 'createdAt' | 'regionCode';

interface Props {
  page: Page<Org> | undefined;
  loading: boolean;
  sort: OrgSortField;
  order: 'asc' | 'desc';
  onChange: (change: { page: number; pageSize: number; sort?: OrgSortField; order?: 'asc' | 'desc' }) => void;
  /** Left out for users without org:write: no edit or delete buttons. */
  onEdit?: (org: Org) => void;
  onDelete?: (org: Org) => void;
}

const SORTABLE: OrgSortField[] = ['name', 'type', 'regionCode', 'createdAt'];

export function OrgsTable({ page, loading, sort, order, onChange, onEdit, onDelete }: Props) {
  const t = useT();
  const sortOrderOf = (field: OrgSortField) => (sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: NonNullable<TableProps<Org>['columns']> = [
    {
      key: 'name',
      title: t('org.name'),
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_, org) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/orgs/${org.id}`} data-testid={`org-link-${org.id}`}>
            {org.name}
          </Link>
          {org.aliases.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('org.aliasesShort', { aliases: org.aliases.join('、') })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { key: 'type', title: t('org.type'), sorter: true, sortOrder: sortOrderOf('type'), render: (_, org) => orgTypeLabel(t, org.type) },
    { key: 'side', title: t('org.side'), render: (_, org) => <Tag color={SIDE_COLORS[org.side]}>{sideLabel(t, org.side)}</Tag> },
    { key: 'regionCode', title: t('org.region'), sorter: true, sortOrder: sortOrderOf('regionCode'), render: (_, org) => org.region?.fullName ?? '—' },
    { key: 'parent', title: t('org.parent'), render: (_, org) => (org.parentId ? <Link to={`/orgs/${org.parentId}`}>{org.parentName ?? org.parentId}</Link> : '—') },
    {
      key: 'flags',
      title: '',
      render: (_, org) => (org.isDemo ? <Tag color="orange">{t('common.demo')}</Tag> : null),
    },
  ];
  if (onEdit && onDelete) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, org) => (
        <Space size="small">
          <Button size="small" type="link" data-testid={`org-edit-${org.id}`} onClick={() => onEdit(org)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('org.deleteConfirm', { name: org.name })} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`org-delete-confirm-${org.id}`, { danger: true })} onConfirm={() => onDelete(org)}>
            <Button size="small" type="link" danger data-testid={`org-delete-${org.id}`}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Table<Org>
      data-testid="org-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onRow={(org) => rowWithTestId(`org-row-${org.id}`)}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('common.totalItems', { n: total }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = SORTABLE.find((f) => f === s?.columnKey);
        onChange({
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? 20,
          sort: s?.order ? field : undefined,
          order: s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined,
        });
      }}
      scroll={{ x: 900 }}
    />
  );
}
