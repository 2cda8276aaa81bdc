import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCreateToken, type CreatedToken } from './account.api.ts';
import { useMe } from '../auth/session.tsx';
import { ACTION_CODES, actionLabel } from '../../ui/access.ts';
import { toIsoDate } from '../../ui/dates.ts';
import { useErrorReporter, type FieldMapping } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';

interface FormValues {
  name: string;
  actions: string[];
  expiresOn?: Dayjs | null;
}
const FIELDS: FieldMapping = { fields: ['name', 'actions', 'expiresOn'] };

/** Two steps in one modal: the form, then the plain token, shown once with a copy button and a warning. */
export function TokenCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const me = useMe();
  const report = useErrorReporter();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  /** Only the user's own permissions can be granted, in the order of ACTIONS. */
  const grantable = ACTION_CODES.filter((a) => me.permissions.includes(a));

  const close = () => {
    setCreated(null);
    onClose();
  };
  const submit = async (values: FormValues) => {
    try {
      const token = await create.run({ name: values.name.trim(), actions: values.actions, expiresOn: toIsoDate(values.expiresOn) });
      setCreated(token);
      onCreated();
    } catch (err) {
      report(err, form, FIELDS);
    }
  };

  const footer = created ? (
    <Button type="primary" onClick={close} data-testid="token-created-done">
      {t('token.done')}
    </Button>
  ) : (
    <Space>
      <Button onClick={close}>{t('common.cancel')}</Button>
      <Button type="primary" loading={create.loading} onClick={() => form.submit()} data-testid="token-form-submit">
        {t('token.create')}
      </Button>
    </Space>
  );

  return (
    <Modal open={open} title={created ? t('token.createdTitle', { name: created.name }) : t('token.createTitle')} onCancel={close} footer={footer} destroyOnHidden maskClosable={!created} width={560}>
      {created ? (
        <div data-testid="token-created">
          <Alert type="warning" showIcon title={t('token.createdWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph copyable={{ text: created.token }} code style={{ wordBreak: 'break-all', fontSize: 14 }} data-testid="token-created-value">
            {created.token}
          </Typography.Paragraph>
        </div>
      ) : (
        <Form<FormValues> form={form} clearOnDestroy layout="vertical" onFinish={submit} initialValues={{ actions: [] }} data-testid="token-form">
          <Form.Item name="name" label={t('token.name')} rules={[{ required: true, whitespace: true, message: t('token.nameRequired') }]}>
            <Input data-testid="token-form-name" maxLength={100} placeholder={t('token.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="actions" label={t('token.actions')} extra={t('token.actionsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('token.actionsRequired') }]}>
            <Checkbox.Group data-testid="token-form-actions" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              {grantable.map((a) => (
                <Checkbox key={a} value={a} data-testid={`token-form-action-${a}`}>
                  {actionLabel(t, a)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a}</Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="expiresOn" label={t('token.expiresOn')} extra={t('token.expiresHint')}>
            <DatePicker data-testid="token-form-expires" disabledDate={(d) => d.isBefore(dayjs().add(1, 'day'), 'day')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
