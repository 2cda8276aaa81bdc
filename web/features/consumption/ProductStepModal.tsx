import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { Product, Rules } from '../../../src/modules/products/products.contract.ts';
import { useProductStep } from './products.api.ts';
import { END_REASON_CODES, endReasonLabel, productStatusLabel } from './consumptionEnums.ts';
import { STEP_FIELDS, stepDefaults, stepFieldMapping, toStepInput, type StepField, type StepFormValues } from './stepForm.ts';
import type { StepModalAction } from './productTypes.ts';
import { BooleanRadio } from './BooleanRadio.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  product: Product;
  rules: Rules | undefined;
  /** null = closed. */
  action: StepModalAction | null;
  onClose: () => void;
  onDone: (p: Product) => void;
}

/** The fields one action asks for besides 日期, 文号 and 说明 (复核不通过 also asks for the reason). */
function ActionFields({ action, form }: { action: StepModalAction; form: FormInstance<StepFormValues> }) {
  const t = useT();
  const passed = Form.useWatch('passed', form);
  const required = [{ required: true, message: t('consumption.required') }];
  const field: Record<StepField, React.ReactNode> = {
    approve: (
      <Form.Item key="approve" name="approve" label={t('step.decision')} rules={required}>
        <BooleanRadio testId="step-form-approve" yes={t('step.approve')} no={t('step.reject')} />
      </Form.Item>
    ),
    reason: (
      <Form.Item key="reason" name="reason" label={t('step.reason')} rules={[{ required: true, whitespace: true, message: t('consumption.required') }]}>
        <Input.TextArea data-testid="step-form-reason" rows={3} maxLength={2000} />
      </Form.Item>
    ),
    noticeStart: (
      <Form.Item key="noticeStart" name="noticeStart" label={t('step.noticeStart')} rules={required}>
        <DatePicker data-testid="step-form-notice-start" />
      </Form.Item>
    ),
    noticeDays: (
      <Form.Item key="noticeDays" name="noticeDays" label={t('rules.noticeDays')}>
        <InputNumber<number> data-testid="step-form-notice-days" min={1} max={90} precision={0} suffix={t('rules.days')} style={{ width: 140 }} />
      </Form.Item>
    ),
    batchNo: (
      <Form.Item key="batchNo" name="batchNo" label={t('product.batchNo')} rules={[{ required: true, whitespace: true, message: t('consumption.required') }]}>
        <Input data-testid="step-form-batch-no" maxLength={50} style={{ width: 240 }} />
      </Form.Item>
    ),
    validUntil: (
      <Form.Item key="validUntil" name="validUntil" label={t('product.validUntil')} rules={required}>
        <DatePicker data-testid="step-form-valid-until" disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    ),
    passed: (
      <Form.Item key="passed" name="passed" label={t('step.reviewResult')} rules={required}>
        <BooleanRadio testId="step-form-passed" yes={t('step.passed')} no={t('step.failed')} />
      </Form.Item>
    ),
    endReason:
      action !== 'annual_review' || passed === false ? (
        <Form.Item key="endReason" name="endReason" label={t('step.endReason')} rules={required}>
          <Select data-testid="step-form-end-reason" virtual={false} options={optionsOf(END_REASON_CODES, (c) => endReasonLabel(t, c), 'step-form-end-reason')} style={{ width: 240 }} />
        </Form.Item>
      ) : null,
  };
  return <>{STEP_FIELDS[action].map((f) => field[f])}</>;
}

/** One workflow step (审定, 公示, 认定, 年度复核, 下架, 重新上架, 撤销): 日期 (today), its own fields, 文号, 说明. */
export function ProductStepModal({ product, rules, action, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const step = useProductStep();
  const name = action ? t(`productAction.${action}`) : '';
  return (
    <FormModal<StepFormValues>
      open={action !== null}
      title={t('step.title', { step: name, name: product.name })}
      testId="step-form"
      submitTestId="step-submit"
      okText={name}
      fields={action ? stepFieldMapping(action) : { fields: [] }}
      initialValues={stepDefaults(rules)}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!action) return;
        const saved = await step.run(product.id, toStepInput(action, v));
        message.success(t('product.stepDone', { step: name, status: productStatusLabel(t, saved.status) }));
        onDone(saved);
      }}
    >
      {(form) =>
        action ? (
          <>
            <ActionFields action={action} form={form} />
            <Space wrap align="start">
              <Form.Item name="actedOn" label={t('step.onDate')} rules={[{ required: true, message: t('consumption.required') }]}>
                <DatePicker data-testid="step-form-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="documentNo" label={t('step.documentNo')}>
                <Input data-testid="step-form-document-no" maxLength={100} style={{ width: 240 }} />
              </Form.Item>
            </Space>
            <Form.Item name="comment" label={t('step.comment')}>
              <Input.TextArea data-testid="step-form-comment" rows={2} maxLength={2000} />
            </Form.Item>
          </>
        ) : null
      }
    </FormModal>
  );
}
