import type { ReactNode } from 'react';
import { Card, Typography, theme } from 'antd';
import { LocaleSwitch } from '../../app/LocaleSwitch.tsx';
import { useT } from '../../ui/i18n.tsx';

/** The centred card of the pages outside the app layout (login, forced password change). */
export function AuthFrame({ title, extra, children, width = 420 }: { title: ReactNode; extra?: ReactNode; children: ReactNode; width?: number }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <div style={{ minHeight: '100vh', background: token.colorBgLayout, display: 'flex', flexDirection: 'column' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, padding: '12px 24px' }}>
        {extra}
        <LocaleSwitch />
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', padding: '5vh 16px 48px' }}>
        <div style={{ width, maxWidth: '100%' }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <Typography.Title level={2} style={{ marginBottom: 4 }} data-testid="app-name">
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <Card title={title}>{children}</Card>
        </div>
      </div>
    </div>
  );
}
