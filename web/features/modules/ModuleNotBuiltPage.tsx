import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { ModuleEntry } from '../../app/modules.tsx';
import { useT } from '../../ui/i18n.tsx';

/** The honest page for a module that exists in the menu but not yet in the code: no sample data, no charts. */
export function ModuleNotBuiltPage({ module }: { module: ModuleEntry }) {
  const t = useT();
  return (
    <Result
      data-testid="module-not-built"
      status="info"
      icon={module.icon}
      title={t(module.label)}
      subTitle={
        <>
          <div data-testid="module-not-built-text">{t('module.notBuilt')}</div>
          {module.purpose ? <div style={{ marginTop: 8 }}>{t('module.plannedFor', { purpose: t(module.purpose) })}</div> : null}
        </>
      }
      extra={
        <Link to="/">
          <Button>{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
