import { App, Button, Form, Input } from 'antd';
import { useChangePassword } from './auth.api.ts';
import { PasswordPolicy } from './PasswordPolicy.tsx';
import { useT } from '../../ui/i18n.tsx';
import { useErrorReporter, type FieldMapping } from '../../ui/errors.tsx';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
const FIELDS: FieldMapping = { fields: ['currentPassword', 'newPassword'] };

/** POST /auth/password with the policy shown beside the new password; used by /account/password and /account. */
export function ChangePasswordForm({ username, temporary = false, onChanged }: { username: string; temporary?: boolean; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<FormValues>();
  const change = useChangePassword();
  const newPassword = Form.useWatch('newPassword', form);
  const currentPassword = Form.useWatch('currentPassword', form);

  const submit = async (values: FormValues) => {
    try {
      await change.run(values.currentPassword, values.newPassword);
      message.success(t('password.changed'));
      form.resetFields();
      onChanged();
    } catch (err) {
      report(err, form, FIELDS);
    }
  };

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid="password-form" requiredMark={false}>
      <Form.Item name="currentPassword" label={t(temporary ? 'password.currentTemp' : 'password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password data-testid="password-current" autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('password.newRequired') }]}>
        <Input.Password data-testid="password-new" autoComplete="new-password" />
      </Form.Item>
      <PasswordPolicy password={newPassword} username={username} current={currentPassword} />
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.newRequired') },
          ({ getFieldValue }) => ({ validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))) }),
        ]}
      >
        <Input.Password data-testid="password-confirm" autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.loading} data-testid="password-submit" block={temporary}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
