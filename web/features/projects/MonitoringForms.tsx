import { App, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAddRecord, useCloseRectification, type Inspection, type InspectionInput, type Rectification, type RectificationInput } from './monitoring.api.ts';
import { INSPECTION_KIND_CODES, inspectionKindLabel, type InspectionKind } from './projectEnums.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';
import { toIsoDate } from '../../ui/dates.ts';

const todayOnly = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 登记检查 (抽检/督查). */
export function InspectionModal({ projectId, open, onClose, onSaved }: { projectId: number; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const add = useAddRecord<InspectionInput, Inspection>('inspections');
  const need = (field: string) => [{ required: true, whitespace: true, message: t('project.required', { field }) }];
  const submit = async (v: { kind: InspectionKind; onDate: Dayjs; inspector: string; findings: string }) => {
    await add.run(projectId, { kind: v.kind, onDate: toIsoDate(v.onDate) ?? '', inspector: v.inspector, findings: v.findings });
    message.success(t('inspection.saved'));
    onSaved();
  };
  return (
    <FormModal open={open} title={t('inspection.add')} testId="inspection-form" submitTestId="inspection-submit" fields={{ fields: ['kind', 'onDate', 'inspector', 'findings'] }} initialValues={{ kind: 'spot_check', onDate: dayjs() }} onClose={onClose} onSubmit={submit}>
      <Form.Item name="kind" label={t('inspection.kind')}>
        <Radio.Group data-testid="inspection-form-kind" optionType="button" options={INSPECTION_KIND_CODES.map((k) => ({ value: k, label: <span data-testid={`inspection-form-kind-${k}`}>{inspectionKindLabel(t, k)}</span> }))} />
      </Form.Item>
      <Form.Item name="onDate" label={t('inspection.onDate')} rules={[{ required: true, message: t('project.required', { field: t('inspection.onDate') }) }]}>
        <DatePicker data-testid="inspection-form-date" disabledDate={todayOnly} />
      </Form.Item>
      <Form.Item name="inspector" label={t('inspection.inspector')} rules={need(t('inspection.inspector'))}>
        <Input data-testid="inspection-form-inspector" maxLength={200} />
      </Form.Item>
      <Form.Item name="findings" label={t('inspection.findings')} rules={need(t('inspection.findings'))}>
        <Input.TextArea data-testid="inspection-form-findings" rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

interface RectValues {
  finding: string;
  deadline: Dayjs;
  owner: string;
  inspectionId?: number | null;
}

/** 登记整改: a problem, its deadline and who answers for it (optionally from an inspection). */
export function RectificationModal({ projectId, inspections, open, onClose, onSaved }: { projectId: number; inspections: Inspection[]; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const add = useAddRecord<RectificationInput, Rectification>('rectifications');
  const need = (field: string) => [{ required: true, message: t('project.required', { field }) }];
  const submit = async (v: RectValues) => {
    await add.run(projectId, { finding: v.finding, deadline: toIsoDate(v.deadline) ?? '', owner: v.owner, inspectionId: v.inspectionId ?? null });
    message.success(t('rect.saved'));
    onSaved();
  };
  return (
    <FormModal<RectValues> open={open} title={t('rect.add')} testId="rect-form" submitTestId="rect-submit" fields={{ fields: ['finding', 'deadline', 'owner', 'inspectionId'] }} onClose={onClose} onSubmit={submit}>
      <Form.Item name="finding" label={t('rect.finding')} rules={need(t('rect.finding'))}>
        <Input.TextArea data-testid="rect-form-finding" rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="deadline" label={t('rect.deadline')} rules={need(t('rect.deadline'))}>
        <DatePicker data-testid="rect-form-deadline" />
      </Form.Item>
      <Form.Item name="owner" label={t('rect.owner')} rules={need(t('rect.owner'))}>
        <Input data-testid="rect-form-owner" maxLength={200} />
      </Form.Item>
      <Form.Item name="inspectionId" label={t('rect.inspection')}>
        <Select
          data-testid="rect-form-inspection"
          allowClear
          virtual={false}
          options={inspections.map((i) => ({ value: i.id, label: `${i.onDate} ${inspectionKindLabel(t, i.kind)} · ${i.inspector}`, 'data-testid': `rect-form-inspection-option-${i.id}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** 销号: the date and the evidence that the problem was fixed. */
export function CloseRectificationModal({ rectification, onClose, onSaved }: { rectification: Rectification | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const close = useCloseRectification();
  const submit = async (v: { closedOn: Dayjs; evidence: string }) => {
    if (!rectification) return;
    await close.run(rectification.id, { closedOn: toIsoDate(v.closedOn) ?? '', evidence: v.evidence });
    message.success(t('rect.closed'));
    onSaved();
  };
  return (
    <FormModal
      open={rectification !== null}
      title={t('rect.closeTitle', { finding: rectification?.finding ?? '' })}
      testId="rect-close-form"
      submitTestId="rect-close-submit"
      okText={t('rect.close')}
      fields={{ fields: ['closedOn', 'evidence'] }}
      initialValues={{ closedOn: dayjs() }}
      onClose={onClose}
      onSubmit={submit}
    >
      <Form.Item name="closedOn" label={t('rect.closedOn')} rules={[{ required: true, message: t('project.required', { field: t('rect.closedOn') }) }]}>
        <DatePicker data-testid="rect-close-form-date" disabledDate={todayOnly} />
      </Form.Item>
      <Form.Item name="evidence" label={t('rect.evidence')} rules={[{ required: true, whitespace: true, message: t('project.required', { field: t('rect.evidence') }) }]}>
        <Input.TextArea data-testid="rect-close-form-evidence" rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}
