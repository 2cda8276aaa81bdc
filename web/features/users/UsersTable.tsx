import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Page } from '../../../src/platform/contract.ts';
import type { User } from './users.api.ts';
import { USER_STATUS_COLORS, roleLabel, userStatusLabel } from '../../ui/access.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

export type UserSortField = 'username' | 'createdAt' | 'lastLoginAt';
const SORTABLE: UserSortField[] = ['username', 'createdAt', 'lastLoginAt'];

interface Props {
  page: Page<User> | undefined;
  loading: boolean;
  meId: number;
  sort: UserSortField;
  order: 'asc' | 'desc';
  onChange: (change: { page: number; pageSize: number; sort?: UserSortField; order?: 'asc' | 'desc' }) => void;
  /** Left out for users without user:write. */
  onEdit?: (user: User) => void;
  onReset?: (user: User) => void;
}

export function UsersTable({ page, loading, meId, sort, order, onChange, onEdit, onReset }: Props) {
  const t = useT();
  const sortOrderOf = (field: UserSortField) => (sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: NonNullable<TableProps<User>['columns']> = [
    {
      key: 'username',
      title: t('user.username'),
      width: 190,
      sorter: true,
      sortOrder: sortOrderOf('username'),
      render: (_, u) => (
        <Space size={4} wrap={false}>
          <Typography.Text strong>{u.username}</Typography.Text>
          {u.id === meId ? <Tag>{t('user.self')}</Tag> : null}
          {u.isDemo ? <Tag color="orange">{t('common.demo')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'displayName', title: t('user.displayName'), render: (_, u) => u.displayName },
    { key: 'org', title: t('user.org'), render: (_, u) => u.orgName ?? '—' },
    { key: 'roles', title: t('user.roles'), render: (_, u) => u.roles.map((r) => <Tag key={r} color="blue">{roleLabel(t, r)}</Tag>) },
    {
      key: 'scopes',
      title: t('user.scopes'),
      render: (_, u) =>
        u.allScope ? t('user.scopeAll') : u.scopes.length ? u.scopes.map((s) => <Tag key={`${s.orgId}-${s.regionCode}`}>{s.orgName ?? s.regionName ?? s.regionCode}</Tag>) : <Typography.Text type="secondary">{t('user.scopeEmpty')}</Typography.Text>,
    },
    {
      key: 'status',
      title: t('user.status'),
      render: (_, u) => (
        <Space size={4} wrap>
          <Tooltip title={u.status === 'locked' && u.lockedUntil ? t('user.lockedUntil', { time: formatDateTime(u.lockedUntil) }) : undefined}>
            <Tag color={USER_STATUS_COLORS[u.status]} data-testid={`user-status-${u.id}`}>
              {userStatusLabel(t, u.status)}
            </Tag>
          </Tooltip>
          {u.mustChangePassword ? <Tag color="gold">{t('user.mustChange')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'lastLoginAt', title: t('user.lastLogin'), sorter: true, sortOrder: sortOrderOf('lastLoginAt'), render: (_, u) => formatDateTime(u.lastLoginAt) },
    { key: 'createdAt', title: t('common.createdAt'), sorter: true, sortOrder: sortOrderOf('createdAt'), render: (_, u) => formatDateTime(u.createdAt) },
  ];
  if (onEdit && onReset) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button size="small" type="link" data-testid={`user-edit-${u.id}`} onClick={() => onEdit(u)}>
            {t('common.edit')}
          </Button>
          <Button size="small" type="link" data-testid={`user-reset-${u.id}`} onClick={() => onReset(u)}>
            {t('user.reset')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Table<User>
      data-testid="user-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onRow={(u) => rowWithTestId(`user-row-${u.id}`)}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        onChange({
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? 20,
          sort: s?.order ? SORTABLE.find((f) => f === s.columnKey) : undefined,
          order: s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined,
        });
      }}
      scroll={{ x: 1300 }}
    />
  );
}
