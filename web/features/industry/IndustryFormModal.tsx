import { App } from 'antd';
import { useSaveIndustryRecord, type IndustryKind, type IndustryRecord } from './industry.api.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';

interface Props<R extends IndustryRecord, V> {
  kind: IndustryKind<R, V>;
  open: boolean;
  record: R | null;
  onClose: () => void;
  onSaved: (r: R) => void;
}

/** 登记/编辑 one 产业合作 record; the API's field errors mark the form's fields (money in 万元/元 mapped back from fen). */
export function IndustryFormModal<R extends IndustryRecord, V extends object>({ kind, open, record, onClose, onSaved }: Props<R, V>) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveIndustryRecord<R>(kind.path);
  const { Fields } = kind;
  return (
    <FormModal<V>
      open={open}
      width={780}
      title={t(record ? 'industry.editTitle' : 'industry.createTitle', { what: t(kind.title) })}
      testId={`${kind.testId}-form`}
      submitTestId={`${kind.testId}-form-submit`}
      fields={kind.fields}
      initialValues={kind.valuesOf(record)}
      onClose={onClose}
      onSubmit={async (v) => {
        const saved = await save.run(record?.id ?? null, kind.toInput(v));
        message.success(t('industry.saved'));
        onSaved(saved);
      }}
    >
      {(form) => <Fields form={form} record={record} />}
    </FormModal>
  );
}
