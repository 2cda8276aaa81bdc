import { Alert, Button } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthFrame } from './AuthFrame.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { safeNext, useLogout } from './auth.api.ts';
import { useMe, useSession } from './session.tsx';
import { useT } from '../../ui/i18n.tsx';

/**
 * /account/password — outside the app layout so it works while everything else answers
 * 403 PASSWORD_CHANGE_REQUIRED. After the change, continues to `?next=`.
 */
export function ChangePasswordPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { refresh, signedOut } = useSession();
  const logout = useLogout();
  const forced = me.user.mustChangePassword;

  const signOut = async () => {
    await logout.run(false).catch(() => undefined);
    signedOut();
  };

  return (
    <AuthFrame
      title={t(forced ? 'password.forcedTitle' : 'password.title')}
      width={460}
      extra={
        <>
          <span data-testid="header-user-name">{me.user.displayName}</span>
          <Button size="small" onClick={signOut} loading={logout.loading} data-testid="password-page-logout">
            {t('me.logout')}
          </Button>
        </>
      }
    >
      {forced ? <Alert type="warning" showIcon title={t('password.forcedText')} style={{ marginBottom: 16 }} data-testid="password-forced" /> : null}
      <ChangePasswordForm
        username={me.user.username}
        temporary={forced}
        onChanged={async () => {
          await refresh();
          navigate(next, { replace: true });
        }}
      />
      {!forced ? (
        <div style={{ marginTop: 16 }}>
          <Link to={next}>{t('password.backToApp')}</Link>
        </div>
      ) : null}
    </AuthFrame>
  );
}
