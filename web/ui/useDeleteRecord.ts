import { useCallback } from 'react';
import { App } from 'antd';
import { useErrorReporter } from './errors.tsx';

/**
 * `run(call, done, after)`: sends a write, then toasts `done` and calls `after` (reload, close…); a failure goes to the
 * error toast instead. The one place list pages do “act on a row, say so, refresh”.
 */
export function useRunWithMessage() {
  const { message } = App.useApp();
  const report = useErrorReporter();
  return useCallback(
    async (call: () => Promise<unknown>, done: string, after?: () => void) => {
      try {
        await call();
        message.success(done);
        after?.();
      } catch (err) {
        report(err);
      }
    },
    [message, report],
  );
}

/**
 * A list's delete handler: `remove(record.id)`, the success toast (`done`, e.g. t('common.deleted', { name })), then
 * `after` (usually the list's reload); errors are reported.
 */
export function useDeleteRecord<R extends { id: number }>(remove: (id: number) => Promise<unknown>, done: string | ((record: R) => string), after: () => void) {
  const run = useRunWithMessage();
  return (record: R) => run(() => remove(record.id), typeof done === 'string' ? done : done(record), after);
}
