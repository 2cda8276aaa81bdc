import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Typography, theme } from 'antd';
import { useT, type MessageKey } from '../../ui/i18n.tsx';

/** The rules of docs/security.md, checked as the user types (the server has the last word). */
export function passwordRules(password: string, username?: string, current?: string): { key: MessageKey; met: boolean }[] {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const rules: { key: MessageKey; met: boolean }[] = [
    { key: 'password.policyLength', met: password.length >= 10 },
    { key: 'password.policyKinds', met: kinds >= 3 },
    { key: 'password.policyUsername', met: !!password && (!username || !password.toLowerCase().includes(username.toLowerCase())) },
  ];
  if (current !== undefined) rules.push({ key: 'password.policyDifferent', met: !!password && password !== current });
  return rules;
}

export function PasswordPolicy({ password = '', username, current }: { password?: string; username?: string; current?: string }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <div data-testid="password-policy" style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('password.policyTitle')}</Typography.Text>
      <ul style={{ listStyle: 'none', paddingLeft: 0, margin: '4px 0 0' }}>
        {passwordRules(password, username, current).map((rule) => (
          <li key={rule.key} data-met={rule.met} style={{ color: rule.met ? token.colorSuccess : token.colorTextSecondary }}>
            {rule.met ? <CheckCircleFilled /> : <MinusCircleOutlined />} {t(rule.key)}
          </li>
        ))}
      </ul>
    </div>
  );
}
