import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useT } from './i18n.tsx';
import { errorText, useErrorReporter, type FieldMapping } from './errors.tsx';
import { buttonWithTestId } from './testIds.ts';
import { ApiError } from './api.ts';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  /** data-testid of the form; the OK button gets `submitTestId`. */
  testId: string;
  submitTestId: string;
  okText?: string;
  /** Which API issue paths land on which fields (useErrorReporter). */
  fields: FieldMapping;
  initialValues?: Partial<V>;
  onClose: () => void;
  /** Sends the values; a thrown error is reported and marks the fields, the modal stays open. */
  onSubmit: (values: V) => Promise<void>;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  width?: number;
}

/**
 * A small form in a modal: destroyed when hidden (clearOnDestroy), a loading OK button, API errors
 * reported with the fields marked; an error that is not only about fields (e.g. 422 “四个明确”尚未满足…) or a scope refusal
 * (403, whose message says what would bring the record into scope) is also shown in the modal as `{testId}-refusal`. The caller closes it from `onSubmit` on success.
 */
export function FormModal<V extends object>({ open, title, testId, submitTestId, okText, fields, initialValues, onClose, onSubmit, children, width }: Props<V>) {
  const t = useT();
  const report = useErrorReporter();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  /** A refusal that is not about one field (a rule of the lifecycle, money limits…) stays visible in the modal. */
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: V) => {
    setSaving(true);
    setRefusal(null);
    try {
      await onSubmit(values);
    } catch (err) {
      const shown = report(err, form, fields);
      if (shown && (!shown.all || (err instanceof ApiError && err.status === 403))) setRefusal(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      afterClose={() => setRefusal(null)}
      destroyOnHidden
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonWithTestId(submitTestId, { loading: saving })}
      onOk={() => form.submit()}
    >
      {refusal ? <Alert type="error" showIcon data-testid={`${testId}-refusal`} title={refusal} style={{ marginBottom: 16 }} /> : null}
      <Form<V> form={form} clearOnDestroy layout="vertical" initialValues={initialValues} onFinish={submit} data-testid={testId}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
