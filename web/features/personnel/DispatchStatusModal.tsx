import { App, DatePicker, Form, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Dispatch, DispatchStatus } from '../../../src/modules/personnel/personnel.contract.ts';
import { DISPATCH_STATUS_CODES, dispatchStatusLabel, useUpdateDispatch } from './personnel.api.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

interface Values {
  status: DispatchStatus;
  actualEnd?: Dayjs | null;
}

/** 状态变更: 期满轮换 or 提前返回 with the actual end date (the API checks it against the term), or back to 在岗. */
export function DispatchStatusModal({ dispatch, onClose, onSaved }: { dispatch: Dispatch | null; onClose: () => void; onSaved: (d: Dispatch) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const update = useUpdateDispatch();
  return (
    <FormModal<Values>
      open={dispatch !== null}
      title={dispatch ? t('dispatch.statusTitle', { name: dispatch.personName }) : ''}
      testId="dispatch-status-form"
      submitTestId="dispatch-status-submit"
      fields={{ fields: ['status', 'actualEnd'] }}
      initialValues={dispatch ? { status: dispatch.status === 'on_post' ? 'rotated' : dispatch.status, actualEnd: fromIsoDate(dispatch.actualEnd ?? dispatch.termEnd) } : undefined}
      onClose={onClose}
      onSubmit={async (v) => {
        const saved = await update.run(dispatch!.id, { status: v.status, actualEnd: v.status === 'on_post' ? null : toIsoDate(v.actualEnd) });
        message.success(t('dispatch.statusSaved', { status: dispatchStatusLabel(t, saved.status) }));
        onSaved(saved);
      }}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">{dispatch ? t('dispatch.termText', { start: dispatch.termStart, end: dispatch.termEnd }) : null}</Typography.Paragraph>
          <Form.Item name="status" label={t('dispatch.status')}>
            <Radio.Group data-testid="dispatch-status-form-status" onChange={(e) => e.target.value === 'on_post' && form.setFieldValue('actualEnd', null)}>
              {DISPATCH_STATUS_CODES.map((s) => (
                <Radio key={s} value={s} data-testid={`dispatch-status-form-status-${s}`}>
                  {dispatchStatusLabel(t, s)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="actualEnd" label={t('dispatch.actualEnd')} extra={t('dispatch.actualEndHint')}>
            <DatePicker data-testid="dispatch-status-form-actual-end" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
