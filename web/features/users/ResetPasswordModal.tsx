import { App, Form, Modal, Typography } from 'antd';
import { useResetPassword, type User } from './users.api.ts';
import { TempPasswordInput } from './TempPasswordInput.tsx';
import { PasswordPolicy } from '../auth/PasswordPolicy.tsx';
import { useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId } from '../../ui/testIds.ts';

/** POST /users/:id/password: a new temporary password; the user's sessions end and a lock is lifted. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const password = Form.useWatch('password', form);

  const submit = async ({ password: pw }: { password: string }) => {
    if (!user) return;
    try {
      await reset.run(user.id, pw);
      message.success(t('user.resetDone', { name: user.displayName }));
      onDone();
    } catch (err) {
      report(err, form, { fields: ['password'] });
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('user.resetTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('user.reset')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonWithTestId('user-reset-submit', { loading: reset.loading, danger: true })}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('user.resetText')}</Typography.Paragraph>
      <Form form={form} clearOnDestroy layout="vertical" onFinish={submit} data-testid="user-reset-form">
        <Form.Item name="password" label={t('user.tempPassword')} extra={t('user.tempPasswordHint')} rules={[{ required: true, message: t('user.passwordRequired') }]}>
          <TempPasswordInput testId="user-reset-password" />
        </Form.Item>
      </Form>
      <PasswordPolicy password={password} username={user?.username} />
    </Modal>
  );
}
