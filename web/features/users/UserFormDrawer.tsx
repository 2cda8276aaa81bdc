import { Alert, App, Form, Input, Radio, Select } from 'antd';
import { useCreateUser, useUpdateUser, type User, type UserPatch } from './users.api.ts';
import { ScopeEditor, scopeChoicesOf, scopeKey, toScopeEntries, type ScopeChoice } from './ScopeEditor.tsx';
import { TempPasswordInput } from './TempPasswordInput.tsx';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { PasswordPolicy } from '../auth/PasswordPolicy.tsx';
import { useMe } from '../auth/session.tsx';
import { ROLE_CODES, USER_STATUS_CODES, roleLabel, userStatusLabel, type RoleCode, type UserStatus } from '../../ui/access.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useErrorReporter, type FieldMapping } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';

interface FormValues {
  username: string;
  displayName: string;
  orgId?: number | null;
  roles: RoleCode[];
  scopes: ScopeChoice[];
  password: string;
  status: UserStatus;
}
const FIELDS: FieldMapping = { fields: ['username', 'displayName', 'orgId', 'roles', 'scopes', 'password', 'status'] };
const sameScopes = (a: ScopeChoice[], b: ScopeChoice[]) => a.map(scopeKey).sort().join() === b.map(scopeKey).sort().join();

/** Create (username + temporary password) or edit (plus status) a user; API refusals land on their fields. */
export function UserFormDrawer({ open, user, onClose, onSaved }: { open: boolean; user: User | null; onClose: () => void; onSaved: (user: User) => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const username = Form.useWatch('username', form);
  const password = Form.useWatch('password', form);
  const isSelf = user?.id === me.user.id;

  const initialValues: Partial<FormValues> = user
    ? { displayName: user.displayName, orgId: user.orgId, roles: user.roles, scopes: scopeChoicesOf(user), status: user.status }
    : { roles: [], scopes: [] };

  const submit = async (values: FormValues) => {
    try {
      let saved: User;
      if (user) {
        const patch: UserPatch = { displayName: values.displayName.trim(), orgId: values.orgId ?? null, roles: values.roles, status: values.status };
        // Scopes are sent only when changed: nobody may change their own, even to the same list.
        if (!sameScopes(values.scopes, scopeChoicesOf(user))) patch.scopes = toScopeEntries(values.scopes);
        saved = await update.run(user.id, patch);
      } else {
        const { username: name, displayName, orgId, roles, scopes, password: pw } = values;
        saved = await create.run({ username: name.trim().toLowerCase(), displayName: displayName.trim(), orgId: orgId ?? null, roles, scopes: toScopeEntries(scopes), password: pw });
      }
      message.success(t(user ? 'common.saved' : 'common.created', { name: saved.displayName }));
      onSaved(saved);
    } catch (err) {
      report(err, form, FIELDS);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={600}
      title={user ? t('user.editTitle', { name: user.displayName }) : t('user.createTitle')}
      saving={create.loading || update.loading}
      submitTestId="user-form-submit"
      onSave={() => form.submit()}
    >
      {isSelf ? <Alert type="info" showIcon title={t('user.selfHint')} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues> form={form} clearOnDestroy layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="user-form">
        {user ? null : (
          <Form.Item name="username" label={t('user.username')} extra={t('user.usernameHint')} rules={[{ required: true, whitespace: true, message: t('user.usernameRequired') }]}>
            <Input data-testid="user-form-username" maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('user.displayNameRequired') }]}>
          <Input data-testid="user-form-display-name" maxLength={50} />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.org')}>
          <OrgSearchSelect testId="user-form-org" seed={user?.orgId ? { id: user.orgId, name: user.orgName ?? String(user.orgId) } : null} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('user.rolesRequired') }]}>
          <Select data-testid="user-form-roles" mode="multiple" virtual={false} options={optionsOf(ROLE_CODES, (c) => roleLabel(t, c), 'user-form-roles')} />
        </Form.Item>
        <Form.Item name="scopes" label={t('user.scopes')} extra={t('user.scopesHint')}>
          <ScopeEditor />
        </Form.Item>
        {user ? (
          <Form.Item name="status" label={t('user.status')}>
            <Radio.Group data-testid="user-form-status" optionType="button" options={USER_STATUS_CODES.map((s) => ({ value: s, label: <span data-testid={`user-form-status-${s}`}>{userStatusLabel(t, s)}</span> }))} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="password" label={t('user.tempPassword')} extra={t('user.tempPasswordHint')} rules={[{ required: true, message: t('user.passwordRequired') }]}>
              <TempPasswordInput testId="user-form-password" />
            </Form.Item>
            <PasswordPolicy password={password} username={username} />
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
