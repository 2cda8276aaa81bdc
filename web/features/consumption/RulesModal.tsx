import { App, Checkbox, Form, InputNumber, Space } from 'antd';
import type { Rules } from '../../../src/modules/products/products.contract.ts';
import { useSaveRules } from './products.api.ts';
import { DEPARTMENT_CODES, departmentLabel } from './consumptionEnums.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  open: boolean;
  rules: Rules | undefined;
  onClose: () => void;
  onSaved: (rules: Rules) => void;
}

/** 认定规则 (consumption:certify): which departments' 初审 opinions are required, the 公示 days, the longest validity. */
export function RulesModal({ open, rules, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveRules();
  const required = [{ required: true, message: t('consumption.required') }];
  return (
    <FormModal<Rules>
      open={open}
      title={t('rules.title')}
      testId="rules-form"
      submitTestId="rules-submit"
      fields={{ fields: ['requiredDepartments', 'noticeDays', 'maxValidMonths'] }}
      initialValues={rules}
      onClose={onClose}
      onSubmit={async (v) => {
        const saved = await save.run(v);
        message.success(t('rules.saved'));
        onSaved(saved);
      }}
    >
      <Form.Item name="requiredDepartments" label={t('rules.requiredDepartments')} rules={[{ required: true, type: 'array', min: 1, message: t('rules.departmentsRequired') }]}>
        <Checkbox.Group data-testid="rules-form-departments" options={DEPARTMENT_CODES.map((d) => ({ value: d, label: <span data-testid={`rules-form-department-${d}`}>{departmentLabel(t, d)}</span> }))} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="noticeDays" label={t('rules.noticeDays')} rules={required}>
          <InputNumber<number> data-testid="rules-form-notice-days" min={1} max={90} precision={0} suffix={t('rules.days')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="maxValidMonths" label={t('rules.maxValidMonths')} rules={required}>
          <InputNumber<number> data-testid="rules-form-max-valid-months" min={1} max={120} precision={0} suffix={t('rules.months')} style={{ width: 140 }} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** One line: 初审部门 …；公示 N 天；有效期最长 N 个月. */
export function RulesSummary({ rules }: { rules: Rules | undefined }) {
  const t = useT();
  if (!rules) return null;
  return (
    <span data-testid="certification-rules-summary">
      {t('rules.summary', { departments: rules.requiredDepartments.map((d) => departmentLabel(t, d)).join(t('consumption.listSeparator')), days: rules.noticeDays, months: rules.maxValidMonths })}
    </span>
  );
}
