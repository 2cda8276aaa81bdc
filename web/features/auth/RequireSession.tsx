import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useSession, useCan } from './session.tsx';
import { nextParam } from './auth.api.ts';
import { actionLabel, type Action } from '../../ui/access.ts';
import { errorText } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';

export function FullPageSpin({ tip }: { tip?: string }) {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center', flexDirection: 'column', gap: 12 }} data-testid="session-loading">
      <Spin size="large" />
      {tip ? <span style={{ color: '#888' }}>{tip}</span> : null}
    </div>
  );
}

/**
 * The route guard: waits for GET /auth/me; nobody signed in → /login?next=…; a temporary password →
 * /account/password?next=… (unless this is that page: `passwordChange`).
 */
export function RequireSession({ children, passwordChange = false }: { children: ReactNode; passwordChange?: boolean }) {
  const t = useT();
  const { state, refresh } = useSession();
  const location = useLocation();
  const next = nextParam(location.pathname, location.search);

  if (state.status === 'loading') return <FullPageSpin tip={t('auth.checking')} />;
  if (state.status === 'error') {
    return (
      <Result
        status="error"
        title={t('auth.meFailed')}
        subTitle={errorText(t, state.error)}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (state.status === 'anonymous') return <Navigate to={state.loggedOut ? '/login' : `/login?next=${next}`} replace />;
  if (state.me.user.mustChangePassword && !passwordChange) return <Navigate to={`/account/password?next=${next}`} replace />;
  return <>{children}</>;
}

/** A page only for users with `action` (the menu hides it; a typed URL lands here). */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const t = useT();
  const allowed = useCan(action);
  if (allowed) return <>{children}</>;
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.text', { action: actionLabel(t, action) })} data-testid="forbidden-page" />;
}
