import { useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useUserList, type User } from './users.api.ts';
import { UsersTable, type UserSortField } from './UsersTable.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { useCan, useMe } from '../auth/session.tsx';
import { ROLE_CODES, USER_STATUS_CODES, roleLabel, userStatusLabel } from '../../ui/access.ts';
import { optionsOf } from '../../ui/enums.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['q', 'role', 'status', 'page', 'pageSize', 'sort', 'order'] as const;
const SORTS: UserSortField[] = ['username', 'createdAt', 'lastLoginAt'];

/** The users list: filters and paging in the URL; create, edit and reset for user:write. */
export function UsersTab() {
  const t = useT();
  const me = useMe();
  const canWrite = useCan('user:write');
  const [params, setParams] = useUrlParams(PARAMS);
  const query = {
    q: params.q,
    role: oneOf(params.role, ROLE_CODES),
    status: oneOf(params.status, USER_STATUS_CODES),
    page: toInt(params.page) ?? 1,
    pageSize: toInt(params.pageSize) ?? 20,
    sort: oneOf(params.sort, SORTS) ?? 'username',
    order: oneOf(params.order, ['asc', 'desc'] as const) ?? 'asc',
  };
  const list = useUserList(query);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space wrap data-testid="user-filters">
          <Input.Search data-testid="user-filter-q" placeholder={t('user.searchPlaceholder')} allowClear defaultValue={query.q} onSearch={(q) => setParams({ q: q.trim() })} style={{ width: 240 }} />
          <Select data-testid="user-filter-role" virtual={false} placeholder={t('user.roles')} allowClear value={query.role} onChange={(role) => setParams({ role })} options={optionsOf(ROLE_CODES, (c) => roleLabel(t, c), 'user-filter-role')} style={{ width: 170 }} popupMatchSelectWidth={false} />
          <Select data-testid="user-filter-status" virtual={false} placeholder={t('user.status')} allowClear value={query.status} onChange={(status) => setParams({ status })} options={optionsOf(USER_STATUS_CODES, (c) => userStatusLabel(t, c), 'user-filter-status')} style={{ width: 120 }} />
        </Space>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid="user-create" onClick={() => setEditing('new')}>
            {t('user.create')}
          </Button>
        ) : null}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <UsersTable
        page={list.data}
        loading={list.loading}
        meId={me.user.id}
        sort={query.sort}
        order={query.order}
        onChange={(c) => setParams({ page: c.page, pageSize: c.pageSize, sort: c.sort, order: c.order })}
        onEdit={canWrite ? setEditing : undefined}
        onReset={canWrite ? setResetting : undefined}
      />
      <UserFormDrawer
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          list.reload();
        }}
      />
    </>
  );
}
