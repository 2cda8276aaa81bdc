import { useCallback } from 'react';
import { Alert, App, Button } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, isAbort } from './api.ts';
import { useT, type Translate } from './i18n.tsx';

/** The text to show for any failure: the API's own (Chinese) message, or a catalog text when there is none. */
export function errorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.message) return err.message;
    if (err.code === 'NETWORK') return t('error.network');
    return t('error.status', { status: err.status });
  }
  return t('error.unknown');
}

export interface FieldMapping {
  /** The form's top-level field names; issues on other paths are only shown in the message. */
  fields: readonly string[];
  /** API path → form field, when the form edits a different shape (pledgedFen → pledgedYuan). */
  rename?: Record<string, string>;
}

/** Marks the fields named by `issues[].path`; returns how many fields were marked. */
export function applyIssuesToForm(form: FormInstance, err: unknown, mapping: FieldMapping): number {
  if (!(err instanceof ApiError) || err.issues.length === 0) return 0;
  const errorsByField = new Map<string, string[]>();
  for (const issue of err.issues) {
    const head = issue.path.split('.')[0] ?? '';
    const field = mapping.rename?.[issue.path] ?? mapping.rename?.[head] ?? head;
    if (!mapping.fields.includes(field)) continue;
    errorsByField.set(field, [...(errorsByField.get(field) ?? []), issue.message]);
  }
  form.setFields([...errorsByField].map(([name, errors]) => ({ name, errors })));
  if (errorsByField.size > 0) {
    const first = [...errorsByField.keys()][0];
    form.scrollToField(first, { block: 'center' });
  }
  return errorsByField.size;
}

/**
 * `report(err)` shows the message; `report(err, form, mapping)` also marks the wrong fields.
 * Aborted requests are ignored.
 */
export function useErrorReporter() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (err: unknown, form?: FormInstance, mapping?: FieldMapping) => {
      if (isAbort(err)) return;
      if (!(err instanceof ApiError)) console.error(err);
      if (form && mapping) applyIssuesToForm(form, err, mapping);
      message.error({ content: errorText(t, err), key: 'api-error', duration: 6 });
    },
    [message, t],
  );
}

/** Inline display of a failed load, with a retry button. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      title={t('error.loadFailed')}
      description={errorText(t, error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
