import { App, DatePicker, Form, Input, InputNumber, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import type { FundKind } from '../../../src/modules/funds/funds.contract.ts';
import { useAddFund } from './projects.api.ts';
import { fundKindLabel } from './projectEnums.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';
import { toIsoDate } from '../../ui/dates.ts';
import { formatFenAsWan, yuanToFen } from '../../ui/money.ts';

/** 下达 (fund:allocate) or 登记 拨付/支出/退回 (fund:record). */
export type FundFormMode = 'allocate' | 'record';
const RECORD_KINDS: FundKind[] = ['disburse', 'spend', 'return'];

interface Values {
  kind: FundKind;
  onDate: Dayjs;
  amountYuan: number | null;
  documentNo?: string;
  note?: string;
}

const FIELDS = { fields: ['kind', 'onDate', 'amountYuan', 'documentNo', 'note'], rename: { amountFen: 'amountYuan' } };
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

export function FundFormModal({ project, mode, onClose, onSaved }: { project: Project; mode: FundFormMode | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const add = useAddFund();
  const wan = (fen: number) => formatFenAsWan(fen, t('money.wan'));

  const submit = async (v: Values) => {
    const kind = mode === 'allocate' ? 'allocate' : v.kind;
    const amountFen = yuanToFen(v.amountYuan);
    await add.run(project.id, { kind, amountFen, onDate: toIsoDate(v.onDate) ?? '', documentNo: blankToNull(v.documentNo), note: blankToNull(v.note) });
    message.success(t('fund.saved', { kind: fundKindLabel(t, kind), amount: wan(amountFen) }));
    onSaved();
  };

  return (
    <FormModal<Values>
      open={mode !== null}
      title={mode === 'allocate' ? t('fund.allocateTitle') : t('fund.recordTitle')}
      testId="fund-form"
      submitTestId="fund-submit"
      fields={FIELDS}
      initialValues={{ kind: mode === 'allocate' ? 'allocate' : 'disburse', onDate: dayjs(), amountYuan: null }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => (
        <>
          {mode === 'record' ? (
            <Form.Item name="kind" label={t('fund.kind')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="fund-form-kind"
                optionType="button"
                options={RECORD_KINDS.map((k) => ({ value: k, label: <span data-testid={`fund-form-kind-${k}`}>{fundKindLabel(t, k)}</span> }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.kind !== b.kind}>
            {() => (form.getFieldValue('kind') === 'disburse' && mode === 'record' ? <Typography.Paragraph type="secondary">{t('fund.disburseHint')}</Typography.Paragraph> : null)}
          </Form.Item>
          <Form.Item name="onDate" label={t('fund.onDate')} rules={[{ required: true, message: t('project.required', { field: t('fund.onDate') }) }]}>
            <DatePicker data-testid="fund-form-date" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.amountYuan !== b.amountYuan}>
            {() => (
              <Form.Item
                name="amountYuan"
                label={t('fund.amountYuan')}
                extra={form.getFieldValue('amountYuan') ? wan(yuanToFen(form.getFieldValue('amountYuan'))) : undefined}
                rules={[{ required: true, message: t('project.required', { field: t('fund.amount') }) }]}
              >
                <InputNumber<number> data-testid="fund-form-amount" min={0} precision={2} step={10000} style={{ width: 240 }} suffix={t('money.yuan')} />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item name="documentNo" label={t('fund.documentNo')}>
            <Input data-testid="fund-form-document-no" maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label={t('fund.note')}>
            <Input.TextArea data-testid="fund-form-note" rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
