import { Button, Layout, Space, Typography, theme } from 'antd';
import { ExportOutlined, LoginOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { CatalogueView } from './CatalogueView.tsx';
import { LocaleSwitch } from '../../app/LocaleSwitch.tsx';
import { useSession } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';

/** /catalogue — public, no login, outside the app layout: a simple header with the locale switch, then the catalogue. */
export function PublicCataloguePage() {
  const t = useT();
  const { token } = theme.useToken();
  const { state } = useSession();
  const signedIn = state.status === 'ready';
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="catalogue-public">
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24, background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }} data-testid="app-name">
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {t('catalogue.publicTagline')}
        </Typography.Text>
        <Link to={signedIn ? '/' : '/login'} data-testid="catalogue-login">
          <Button type="text" icon={<LoginOutlined />}>
            {t(signedIn ? 'catalogue.toPlatform' : 'catalogue.login')}
          </Button>
        </Link>
        <LocaleSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('catalogue.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('catalogue.intro')}</Typography.Paragraph>
        <CatalogueView />
      </Layout.Content>
    </Layout>
  );
}

/** /catalogue-admin — the same catalogue inside the platform, with a link to the public page. */
export function CatalogueAdminPage() {
  const t = useT();
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.catalogue')}
        </Typography.Title>
        <Link to="/catalogue" target="_blank" data-testid="catalogue-public-link">
          <Button icon={<ExportOutlined />}>{t('catalogue.openPublic')}</Button>
        </Link>
      </Space>
      <Typography.Paragraph type="secondary">{t('catalogue.intro')}</Typography.Paragraph>
      <CatalogueView />
    </>
  );
}
