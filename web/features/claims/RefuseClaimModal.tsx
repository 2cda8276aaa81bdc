import { App, Form, Input, Typography } from 'antd';
import { claimKindLabel, useRefuseClaim, type Claim } from './claims.api.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import type { FieldMapping } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';

interface Values {
  reason: string;
}
const FIELDS: FieldMapping = { fields: ['reason'] };

/** 拒绝计入: the reason is required (the API refuses an empty one on `reason`); a refusal of the API (already decided…) stays in the modal. */
export function RefuseClaimModal({ claim, onClose, onDone }: { claim: Claim | null; onClose: () => void; onDone: (c: Claim) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const refuse = useRefuseClaim();
  return (
    <FormModal<Values>
      open={!!claim}
      title={t('claim.refuseTitle')}
      testId="refuse-form"
      submitTestId="refuse-submit"
      okText={t('claim.refuse')}
      fields={FIELDS}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!claim) return;
        const done = await refuse.run(claim, v.reason.trim());
        message.success(t('claim.refused', { title: claim.title }));
        onDone(done);
      }}
    >
      {claim ? (
        <Typography.Paragraph type="secondary" data-testid="refuse-form-what">
          {t('claim.refuseWhat', { kind: claimKindLabel(t, claim.kind), title: claim.title, date: claim.onDate, org: claim.owningOrgName ?? '—' })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="reason" label={t('claim.refuseReason')} extra={t('claim.refuseHint')} rules={[{ required: true, whitespace: true, message: t('claim.refuseReasonRequired') }]}>
        <Input.TextArea data-testid="refuse-form-reason" rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
