import { App, Form, Input, Typography } from 'antd';
import type { BulletinDetail, Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { useRejectDraft } from './bulletins.api.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import type { FieldMapping } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';

interface Values {
  reason?: string;
}
const FIELDS: FieldMapping = { fields: ['reason'] };

/** 舍弃: the item is not recorded; the reason is optional. */
export function RejectDraftModal({ draft, onClose, onDone }: { draft: Draft | null; onClose: () => void; onDone: (doc: BulletinDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reject = useRejectDraft();
  return (
    <FormModal<Values>
      open={!!draft}
      title={t('bulletin.rejectTitle')}
      testId="reject-form"
      submitTestId="reject-submit"
      okText={t('bulletin.reject')}
      fields={FIELDS}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!draft) return;
        const doc = await reject.run(draft.id, v.reason?.trim() || null);
        message.success(t('bulletin.rejected'));
        onDone(doc);
      }}
    >
      <Typography.Paragraph type="secondary">{draft?.title}</Typography.Paragraph>
      <Form.Item name="reason" label={t('bulletin.rejectReason')} extra={t('bulletin.rejectHint')}>
        <Input.TextArea data-testid="reject-form-reason" rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
