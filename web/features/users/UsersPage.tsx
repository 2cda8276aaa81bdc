import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { UsersTab } from './UsersTab.tsx';
import { RolesTable } from './RolesTable.tsx';
import { useT } from '../../ui/i18n.tsx';

/** 用户与权限: the users (?tab=users, default) and the roles with their actions (?tab=roles). */
export function UsersPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'roles' ? 'roles' : 'users';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.users')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'roles' ? { tab: 'roles' } : {}, { replace: true })}
        items={[
          { key: 'users', label: <span data-testid="users-tab-users">{t('user.tabUsers')}</span>, children: <UsersTab /> },
          { key: 'roles', label: <span data-testid="users-tab-roles">{t('user.tabRoles')}</span>, children: <RolesTable /> },
        ]}
        destroyOnHidden
      />
    </>
  );
}
