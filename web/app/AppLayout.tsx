import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Layout, Menu, Spin, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { MODULES, menuGroupOf, menuKeyOf, type ModuleEntry } from './modules.tsx';
import { useI18n } from '../ui/i18n.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';
import { useAccess } from '../features/auth/session.tsx';

const { Header, Sider, Content } = Layout;
type MenuItem = NonNullable<MenuProps['items']>[number];

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const can = useAccess();
  const selected = menuKeyOf(location.pathname);
  const group = menuGroupOf(selected);
  const [openKeys, setOpenKeys] = useState<string[]>(group ? [group] : []);
  useEffect(() => {
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [group]);
  const allowed = (m: ModuleEntry) => !m.requires || can(m.requires);
  const itemOf = (m: ModuleEntry): MenuItem =>
    m.children
      ? { key: m.key, icon: m.icon, label: <span data-testid={`nav-${m.key}`}>{t(m.label)}</span>, children: m.children.filter(allowed).map(itemOf) }
      : {
          key: m.key,
          icon: m.icon,
          label: (
            <Link to={m.path} data-testid={`nav-${m.key}`}>
              {t(m.label)}
            </Link>
          ),
        };
  const items = MODULES.filter(allowed).map(itemOf);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24, background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Link to="/" data-testid="app-name" style={{ color: 'inherit' }}>
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography.Title>
        </Link>
        <Typography.Text type="secondary" style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {t('app.tagline')}
        </Typography.Text>
        <UserMenu />
        <LocaleSwitch />
      </Header>
      <Layout>
        <Sider width={224} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" theme="light" style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
          <nav aria-label={t('nav.label')}>
            <Menu mode="inline" selectedKeys={[selected]} openKeys={collapsed ? undefined : openKeys} onOpenChange={setOpenKeys} items={items} style={{ borderInlineEnd: 'none' }} />
          </nav>
        </Sider>
        <Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
