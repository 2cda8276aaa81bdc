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
  /**
   * The form's fields: top-level names, or dotted paths into nested values and lists with `*` for a list index
   * ('funds.shanghaiYuan', 'budgetItems.*.amountYuan'). An issue marks the deepest listed field its path starts with;
   * issues on other paths are only shown in the message.
   */
  fields: readonly string[];
  /**
   * API path → form path, when the form edits a different shape ('pledgedFen' → 'pledgedYuan'). A key may be a prefix of
   * the issue's path, and `*` matches a list index that is carried over ('budgetItems.*.amountFen' → 'budgetItems.*.amountYuan').
   */
  rename?: Record<string, string>;
}

const isIndex = (part: string | undefined) => part !== undefined && /^\d+$/.test(part);

/** Indices matched by `pattern` (its `*`s) at the start of `parts`, or null when it does not match. */
function matchPrefix(pattern: string[], parts: string[]): string[] | null {
  if (pattern.length > parts.length) return null;
  const indices: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '*' && isIndex(parts[i])) indices.push(parts[i]);
    else if (pattern[i] !== parts[i]) return null;
  }
  return indices;
}

function renamed(parts: string[], rename: Record<string, string> = {}): string[] {
  const entries = Object.entries(rename).map(([from, to]) => [from.split('.'), to.split('.')] as const);
  entries.sort((a, b) => b[0].length - a[0].length);
  for (const [from, to] of entries) {
    const indices = matchPrefix(from, parts);
    if (!indices) continue;
    let k = 0;
    return [...to.map((p) => (p === '*' ? (indices[k++] ?? p) : p)), ...parts.slice(from.length)];
  }
  return parts;
}

/** The form name path an API issue path lands on, or null. */
function formNameOf(form: FormInstance, path: string, mapping: FieldMapping): (string | number)[] | null {
  const parts = renamed(path.split('.'), mapping.rename);
  const patterns = mapping.fields.map((f) => f.split('.'));
  for (let n = parts.length; n > 0; n--) {
    const head = parts.slice(0, n);
    if (!patterns.some((p) => p.length === n && matchPrefix(p, head))) continue;
    const name = head.map((p) => (isIndex(p) ? Number(p) : p));
    // A list entry the form no longer shows (removed meanwhile) is not a visible field.
    const listed = name.every((p, i) => typeof p !== 'number' || form.getFieldValue(name.slice(0, i + 1)) !== undefined);
    return listed ? name : null;
  }
  return null;
}

export interface IssuesShown {
  /** How many fields were marked. */
  fields: number;
  /** Every issue of the error landed on a field of the form. */
  all: boolean;
}

/** Marks the fields named by `issues[].path`. */
export function applyIssuesToForm(form: FormInstance, err: unknown, mapping: FieldMapping): IssuesShown {
  if (!(err instanceof ApiError) || err.issues.length === 0) return { fields: 0, all: false };
  const errorsByField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  let placed = 0;
  for (const issue of err.issues) {
    const name = formNameOf(form, issue.path, mapping);
    if (!name) continue;
    placed++;
    const key = name.join('.');
    const entry = errorsByField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    errorsByField.set(key, entry);
  }
  const entries = [...errorsByField.values()];
  form.setFields(entries.map(({ name, errors }) => ({ name, errors })));
  if (entries.length > 0) form.scrollToField(entries[0].name, { block: 'center' });
  return { fields: entries.length, all: placed === err.issues.length };
}

/**
 * `report(err)` shows the message; `report(err, form, mapping)` also marks the wrong fields — and when every issue
 * landed on a field, the toast says 请检查标红的字段 instead of the API message (which names internal fields).
 * Returns what was marked (null for an aborted request, which is ignored).
 */
export function useErrorReporter() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (err: unknown, form?: FormInstance, mapping?: FieldMapping): IssuesShown | null => {
      if (isAbort(err)) return null;
      if (!(err instanceof ApiError)) console.error(err);
      const shown = form && mapping ? applyIssuesToForm(form, err, mapping) : null;
      // A scope refusal (403) names a field but its message says what would bring the record into scope: keep it.
      const scope = err instanceof ApiError && err.status === 403;
      message.error({ content: shown?.all && !scope ? t('error.checkFields') : errorText(t, err), key: 'api-error', duration: 6 });
      return shown ?? { fields: 0, all: false };
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
