import { Segmented } from 'antd';
import { useI18n, type Locale } from '../ui/i18n.tsx';

/** 中文 | English — in the app header and on the login page. */
export function LocaleSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      data-testid="locale-switch"
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: <span data-testid="locale-zh-CN">{t('locale.zh-CN')}</span> },
        { value: 'en', label: <span data-testid="locale-en">{t('locale.en')}</span> },
      ]}
    />
  );
}
