import { App, Button, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../features/auth/session.tsx';
import { useLogout } from '../features/auth/auth.api.ts';
import type { Me } from '../features/auth/auth.api.ts';
import { roleLabel } from '../ui/access.ts';
import { useErrorReporter } from '../ui/errors.tsx';
import { useT, type Translate } from '../ui/i18n.tsx';

/** 全部 for global roles, the server's list of scope entries otherwise, or 无 when none is assigned. */
export function scopeText(t: Translate, me: Me): string {
  if (me.user.allScope) return t('me.scopeAll');
  return me.user.scopes.length ? me.scopeLabel : t('me.scopeNone');
}

/** Header: who is signed in, their roles and data scope (always visible), and the user menu. */
export function UserMenu() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const { signedOut } = useSession();
  const logout = useLogout();
  const scope = t('me.scope', { scope: scopeText(t, me) });

  const signOut = async (everywhere: boolean) => {
    try {
      await logout.run(everywhere);
      message.success(t(everywhere ? 'me.loggedOutEverywhere' : 'auth.loggedOut'));
    } catch (err) {
      report(err);
    }
    signedOut();
  };

  const items = [
    { key: 'account', label: <span data-testid="user-menu-account">{t('me.account')}</span>, onClick: () => navigate('/account') },
    { type: 'divider' as const },
    { key: 'logout', label: <span data-testid="user-menu-logout">{t('me.logout')}</span>, onClick: () => void signOut(false) },
    { key: 'logout-everywhere', label: <span data-testid="user-menu-logout-everywhere">{t('me.logoutEverywhere')}</span>, onClick: () => void signOut(true) },
  ];

  return (
    <Space size="middle" style={{ minWidth: 0 }} data-testid="header-user">
      <Tooltip title={scope}>
        <Typography.Text type="secondary" data-testid="header-scope" style={{ maxWidth: 320, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-block', verticalAlign: 'middle' }}>
          {scope}
        </Typography.Text>
      </Tooltip>
      <span data-testid="header-roles" style={{ whiteSpace: 'nowrap' }}>
        {me.user.roles.map((r) => (
          <Tag key={r} color="blue" style={{ marginInlineEnd: 4 }}>
            {roleLabel(t, r)}
          </Tag>
        ))}
      </span>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button type="text" data-testid="user-menu" icon={<UserOutlined />} loading={logout.loading}>
          <span data-testid="header-user-name">{me.user.displayName}</span> <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
    </Space>
  );
}
