import { Form, Input, Typography } from 'antd';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Sends 退回 with the reason; a refusal keeps the modal open. */
  onReturn: (reason: string) => Promise<void>;
}

/** 退回修改: the edition goes back to 草稿; the reason is recorded with the step. */
export function ReturnEditionModal({ open, onClose, onReturn }: Props) {
  const t = useT();
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t('edition.returnTitle')}
      testId="return-form"
      submitTestId="return-submit"
      okText={t('edition.return')}
      fields={{ fields: ['reason'] }}
      onClose={onClose}
      onSubmit={(v) => onReturn(v.reason.trim())}
    >
      <Typography.Paragraph type="secondary">{t('edition.returnHint')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('edition.returnReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('edition.returnReasonRequired') }]}>
        <Input.TextArea data-testid="return-form-reason" rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
