import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Agreement, AgreementInput } from '../../../src/modules/pairings/pairings.contract.ts';
import { useCreateAgreement, useUpdateAgreement } from './pairings.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { useErrorReporter, type FieldMapping } from '../../ui/errors.tsx';
import { currentYear, fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { fenToYuan, formatFenAsWan, yuanToFen } from '../../ui/money.ts';
import { buttonWithTestId } from '../../ui/testIds.ts';

interface FormValues {
  year: number;
  title?: string | null;
  signedOn?: Dayjs | null;
  /** Entered in 元; sent as integer fen. */
  pledgedYuan?: number | null;
  documentNo?: string | null;
  note?: string | null;
}

const FIELDS: FieldMapping = { fields: ['year', 'title', 'signedOn', 'pledgedYuan', 'documentNo', 'note'], rename: { pledgedFen: 'pledgedYuan' } };

interface Props {
  pairingId: number;
  open: boolean;
  /** null = a new agreement. */
  agreement: Agreement | null;
  onClose: () => void;
  onSaved: (agreement: Agreement) => void;
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function AgreementFormModal({ pairingId, open, agreement, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const pledgedYuan = Form.useWatch('pledgedYuan', form);

  const initialValues: Partial<FormValues> = agreement
    ? { year: agreement.year, title: agreement.title, signedOn: fromIsoDate(agreement.signedOn), pledgedYuan: fenToYuan(agreement.pledgedFen), documentNo: agreement.documentNo, note: agreement.note }
    : { year: currentYear(), pledgedYuan: null };

  const submit = async (v: FormValues) => {
    const input: AgreementInput = {
      year: v.year,
      title: blankToNull(v.title),
      signedOn: toIsoDate(v.signedOn),
      pledgedFen: yuanToFen(v.pledgedYuan),
      documentNo: blankToNull(v.documentNo),
      note: blankToNull(v.note),
    };
    try {
      const saved = agreement ? await update.run(agreement.id, input) : await create.run(pairingId, input);
      message.success(t('agreement.saved'));
      onSaved(saved);
    } catch (err) {
      report(err, form, FIELDS);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      title={agreement ? t('agreement.editTitle') : t('agreement.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonWithTestId('agreement-form-submit', { loading: create.loading || update.loading })}
      onOk={() => form.submit()}
    >
      <Form<FormValues> form={form} clearOnDestroy layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="agreement-form">
        <Form.Item name="year" label={t('agreement.year')} rules={[{ required: true, message: t('agreement.yearRequired') }]}>
          <InputNumber data-testid="agreement-form-year" min={1990} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="title" label={t('agreement.title')}>
          <Input data-testid="agreement-form-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="signedOn" label={t('agreement.signedOn')}>
          <DatePicker data-testid="agreement-form-signed-on" />
        </Form.Item>
        <Form.Item
          name="pledgedYuan"
          label={t('agreement.pledgedYuan')}
          extra={pledgedYuan ? t('agreement.pledgedPreview', { amount: formatFenAsWan(yuanToFen(pledgedYuan), t('money.wan')) }) : t('agreement.pledgedHint')}
        >
          <InputNumber<number> data-testid="agreement-form-pledged" min={0} precision={2} step={10000} style={{ width: 240 }} suffix={t('money.yuan')} />
        </Form.Item>
        <Form.Item name="documentNo" label={t('agreement.documentNo')}>
          <Input data-testid="agreement-form-document-no" maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('agreement.note')}>
          <Input.TextArea data-testid="agreement-form-note" rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
