import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Product } from '../../../src/modules/products/products.contract.ts';
import { useAddOpinion } from './products.api.ts';
import { DEPARTMENT_CODES, departmentLabel, type Department } from './consumptionEnums.ts';
import { BooleanRadio } from './BooleanRadio.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { toIsoDate } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

interface Values {
  department: Department;
  agree: boolean;
  comment?: string | null;
  givenOn: Dayjs | null;
}

interface Props {
  open: boolean;
  product: Product;
  onClose: () => void;
  onDone: (p: Product) => void;
}

/** 初审意见 of one department (同意/不同意, 说明, 日期); the first department still missing is preselected. */
export function OpinionModal({ open, product, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const add = useAddOpinion();
  const required = [{ required: true, message: t('consumption.required') }];
  const options = DEPARTMENT_CODES.map((d) => ({
    value: d,
    label: product.missingOpinions.includes(d) ? t('opinion.departmentPending', { department: departmentLabel(t, d) }) : departmentLabel(t, d),
    'data-testid': `opinion-form-department-option-${d}`,
  }));
  return (
    <FormModal<Values>
      open={open}
      title={t('step.title', { step: t('productAction.opinion'), name: product.name })}
      testId="opinion-form"
      submitTestId="opinion-submit"
      fields={{ fields: ['department', 'agree', 'comment', 'givenOn'] }}
      initialValues={{ department: product.missingOpinions[0], givenOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        const saved = await add.run(product.id, { department: v.department, agree: v.agree, comment: v.comment?.trim() || null, givenOn: toIsoDate(v.givenOn) ?? undefined });
        message.success(t('opinion.saved', { department: departmentLabel(t, v.department) }));
        onDone(saved);
      }}
    >
      <Form.Item name="department" label={t('opinion.department')} rules={required}>
        <Select data-testid="opinion-form-department" virtual={false} options={options} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="agree" label={t('opinion.opinion')} rules={required}>
        <BooleanRadio testId="opinion-form-agree" yes={t('opinion.agree')} no={t('opinion.disagree')} />
      </Form.Item>
      <Form.Item name="comment" label={t('opinion.comment')}>
        <Input.TextArea data-testid="opinion-form-comment" rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="givenOn" label={t('opinion.givenOn')}>
        <DatePicker data-testid="opinion-form-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
