import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { useSaveLaborRecord, type LaborKind, type LaborRecord } from './labor.api.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { ApiError } from '../../ui/api.ts';
import { useT } from '../../ui/i18n.tsx';

interface Props<R extends LaborRecord, V> {
  kind: LaborKind<R, V>;
  open: boolean;
  record: R | null;
  onClose: () => void;
  onSaved: (r: R) => void;
  /** A 409 names the record already registered for the same county and month: open it instead. */
  onOpenExisting: (id: number) => void;
}

/** 登记/编辑 one labor record; a duplicate (409) is shown with its message and a button to the existing record. */
export function LaborFormModal<R extends LaborRecord, V extends object>({ kind, open, record, onClose, onSaved, onOpenExisting }: Props<R, V>) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveLaborRecord<R>(kind.path);
  const [duplicate, setDuplicate] = useState<{ message: string; existingId: number | null } | null>(null);
  const { Fields } = kind;
  return (
    <FormModal<V>
      open={open}
      width={720}
      title={t(record ? 'labor.editTitle' : 'labor.createTitle', { what: t(kind.title) })}
      testId={`${kind.testId}-form`}
      submitTestId={`${kind.testId}-form-submit`}
      fields={kind.fields}
      initialValues={kind.valuesOf(record)}
      onClose={() => {
        setDuplicate(null);
        onClose();
      }}
      onSubmit={async (v) => {
        setDuplicate(null);
        try {
          const saved = await save.run(record?.id ?? null, kind.toInput(v));
          message.success(t('labor.saved'));
          onSaved(saved);
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) setDuplicate({ message: err.message, existingId: typeof err.details?.existingId === 'number' ? err.details.existingId : null });
          throw err;
        }
      }}
    >
      {(form) => (
        <>
          {duplicate ? (
            <Alert
              type="warning"
              showIcon
              data-testid={`${kind.testId}-form-duplicate`}
              title={t('labor.duplicate')}
              description={duplicate.message}
              style={{ marginBottom: 16 }}
              action={
                duplicate.existingId ? (
                  <Button size="small" data-testid={`${kind.testId}-form-duplicate-open`} onClick={() => { setDuplicate(null); onOpenExisting(duplicate.existingId!); }}>
                    {t('labor.openExisting')}
                  </Button>
                ) : undefined
              }
            />
          ) : null}
          <Fields form={form} record={record} />
        </>
      )}
    </FormModal>
  );
}
