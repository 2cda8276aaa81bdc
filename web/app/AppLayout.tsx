import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Layout, Menu, Spin, Typography, theme } from 'antd';
import { MODULES, menuKeyOf } from './modules.tsx';
import { useI18n } from '../ui/i18n.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';
import { useAccess } from '../features/auth/session.tsx';

const { Header, Sider, Content } = Layout;

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
  const items = MODULES.filter((m) => !m.requires || can(m.requires)).map((m) => ({
    key: m.key,
    icon: m.icon,
    label: (
      <Link to={m.path} data-testid={`nav-${m.key}`}>
        {t(m.label)}
      </Link>
    ),
  }));

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
            <Menu mode="inline" selectedKeys={[menuKeyOf(location.pathname)]} items={items} style={{ borderInlineEnd: 'none' }} />
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
