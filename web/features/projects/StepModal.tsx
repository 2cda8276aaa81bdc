import { App, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Project, ProjectStatus } from '../../../src/modules/projects/projects.contract.ts';
import { stepBetween } from '../../../src/modules/projects/projects.contract.ts';
import { useTransition } from './projects.api.ts';
import { projectStatusLabel, stepLabel } from './projectEnums.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';
import { toIsoDate } from '../../ui/dates.ts';
import { fenToYuan, formatFenAsWan, yuanToFen } from '../../ui/money.ts';

interface Values {
  onDate: Dayjs;
  documentNo?: string;
  approvedYuan?: number | null;
  comment?: string;
}

interface Props {
  project: Project;
  /** The step's target status; null = closed. */
  to: ProjectStatus | null;
  onClose: () => void;
  onDone: (project: Project) => void;
}

/** One lifecycle step: 日期, plus exactly what the step requires in the lifecycle table (文号, 批复金额, 说明). */
export function StepModal({ project, to, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const transition = useTransition();
  const step = to ? stepBetween(project.status, to) : undefined;
  const requires = new Set(step?.requires ?? []);
  const name = to ? stepLabel(t, project.status, to, project.nextSteps.find((s) => s.to === to)?.label) : '';
  const mapping = {
    fields: ['onDate', ...(requires.has('documentNo') ? ['documentNo'] : []), ...(requires.has('approvedFen') ? ['approvedYuan'] : []), ...(requires.has('comment') ? ['comment'] : [])],
    rename: { approvedFen: 'approvedYuan' },
  };
  const needed = (field: string) => [{ required: true, whitespace: true, message: t('project.required', { field }) }];

  const submit = async (v: Values) => {
    if (!to) return;
    const saved = await transition.run(project.id, {
      to,
      onDate: toIsoDate(v.onDate) ?? '',
      ...(requires.has('documentNo') && { documentNo: v.documentNo?.trim() }),
      ...(requires.has('approvedFen') && { approvedFen: yuanToFen(v.approvedYuan) }),
      ...(requires.has('comment') && { comment: v.comment?.trim() }),
    });
    message.success(t('step.done', { step: name, status: projectStatusLabel(t, saved.status) }));
    onDone(saved);
  };

  return (
    <FormModal<Values>
      open={to !== null}
      title={t('step.title', { step: name, name: project.name })}
      testId="step-form"
      submitTestId="step-submit"
      okText={name}
      fields={mapping}
      initialValues={{ onDate: dayjs(), approvedYuan: fenToYuan(project.plannedFen) }}
      onClose={onClose}
      onSubmit={submit}
    >
      <Form.Item name="onDate" label={t('step.onDate')} rules={[{ required: true, message: t('project.required', { field: t('step.onDate') }) }]}>
        <DatePicker data-testid="step-form-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      {requires.has('documentNo') ? (
        <Form.Item name="documentNo" label={t('step.documentNo')} rules={needed(t('step.documentNo'))}>
          <Input data-testid="step-form-document-no" maxLength={100} />
        </Form.Item>
      ) : null}
      {requires.has('approvedFen') ? (
        <Form.Item
          name="approvedYuan"
          label={t('step.approvedYuan')}
          extra={t('step.approvedHint', { amount: formatFenAsWan(project.plannedFen, t('money.wan')) })}
          rules={[{ required: true, message: t('project.required', { field: t('step.approvedYuan') }) }]}
        >
          <InputNumber<number> data-testid="step-form-approved" min={0} precision={2} step={10000} style={{ width: 240 }} suffix={t('money.yuan')} />
        </Form.Item>
      ) : null}
      {requires.has('comment') ? (
        <Form.Item name="comment" label={t('step.comment')} rules={needed(t('step.comment'))}>
          <Input.TextArea data-testid="step-form-comment" rows={3} maxLength={2000} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
