import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useSearchParams } from 'react-router';
import { AuthFrame } from './AuthFrame.tsx';
import { useLogin, safeNext } from './auth.api.ts';
import { useSession } from './session.tsx';
import { FullPageSpin } from './RequireSession.tsx';
import { useHealth } from '../home/home.api.ts';
import { errorText } from '../../ui/errors.tsx';
import { isAbort } from '../../ui/api.ts';
import { useT } from '../../ui/i18n.tsx';

interface FormValues {
  username: string;
  password: string;
}

/** /login — outside the app layout. On success goes to `?next=` (or the forced password change). */
export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { state, signedIn } = useSession();
  const health = useHealth();
  const login = useLogin();
  const [failure, setFailure] = useState<unknown>(null);

  if (state.status === 'loading') return <FullPageSpin tip={t('auth.checking')} />;
  if (state.status === 'ready') {
    const target = state.me.user.mustChangePassword ? `/account/password?next=${encodeURIComponent(next)}` : next;
    return <Navigate to={target} replace />;
  }
  const reason = state.status === 'anonymous' ? state.reason : undefined;

  const submit = async (values: FormValues) => {
    setFailure(null);
    try {
      signedIn(await login.run(values.username.trim(), values.password));
    } catch (err) {
      if (!isAbort(err)) setFailure(err);
    }
  };

  return (
    <AuthFrame title={t('auth.loginTitle')}>
      {health.data?.demo ? <Alert type="warning" showIcon title={t('auth.demoNote')} style={{ marginBottom: 16 }} data-testid="login-demo-note" /> : null}
      {reason && !failure ? <Alert type="info" showIcon title={reason} style={{ marginBottom: 16 }} data-testid="login-reason" /> : null}
      {failure ? <Alert type="error" showIcon title={t('auth.loginFailed')} description={errorText(t, failure)} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
      <Form<FormValues> layout="vertical" onFinish={submit} data-testid="login-form" requiredMark={false} onValuesChange={() => failure && setFailure(null)}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.loading} data-testid="login-submit">
          {t('auth.login')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
