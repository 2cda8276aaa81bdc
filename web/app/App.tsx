import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCNAntd from 'antd/locale/zh_CN';
import enUSAntd from 'antd/locale/en_US';
import { I18nProvider, useI18n } from '../ui/i18n.tsx';
import { createAppRouter } from './router.tsx';
import { SessionProvider } from '../features/auth/session.tsx';

const router = createAppRouter();

const THEME = { token: { colorPrimary: '#1f5fa8', borderRadius: 6 } };

function LocalisedApp() {
  const { locale } = useI18n();
  const antdLocale = useMemo(() => (locale === 'zh-CN' ? zhCNAntd : enUSAntd), [locale]);
  return (
    <ConfigProvider locale={antdLocale} theme={THEME}>
      <AntdApp>
        <RouterProvider router={router} />
      </AntdApp>
    </ConfigProvider>
  );
}

/** Providers, outermost first: language → session (Me) → antd config (locale, theme) → antd App (message, modal) → router. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LocalisedApp />
      </SessionProvider>
    </I18nProvider>
  );
}
