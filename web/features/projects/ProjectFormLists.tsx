import type { ReactNode } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { budgetFenOf, plannedFenOf, type ProjectFormValues } from './projectForm.ts';
import { useT } from '../../ui/i18n.tsx';
import { formatFenAsYuan } from '../../ui/money.ts';

interface ListProps {
  name: 'budgetItems' | 'outputs' | 'milestones';
  /** Test ids: `project-form-{testId}-add`, `…-remove-{i}`. */
  testId: string;
  title: string;
  footer?: ReactNode;
  row: (index: number) => ReactNode;
}

/** One editable list: its rows, a remove button per row, an add button, and errors on the list itself. */
function EditableList({ name, testId, title, footer, row }: ListProps) {
  const t = useT();
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Form.List name={name}>
        {(fields, { add, remove }, { errors }) => (
          <div data-testid={`project-form-${testId}`}>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                {row(field.name)}
                <MinusCircleOutlined data-testid={`project-form-${testId}-remove-${index}`} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} data-testid={`project-form-${testId}-add`} onClick={() => add({})} style={{ marginBottom: 8 }}>
              {t('project.addRow')}
            </Button>
            <Form.ErrorList errors={errors} />
            {footer}
          </div>
        )}
      </Form.List>
    </>
  );
}

/** 资金使用计划 (with its running total against the planned total), 产出, 工期节点. */
export function ProjectFormLists({ form }: { form: FormInstance<ProjectFormValues> }) {
  const t = useT();
  const funds = Form.useWatch('funds', form);
  const items = Form.useWatch('budgetItems', form);
  const planned = plannedFenOf(funds);
  const sum = budgetFenOf(items);
  const yuan = (fen: number) => formatFenAsYuan(fen, t('money.yuan'));
  const budgetFooter = (
    <Typography.Paragraph data-testid="project-form-budget-sum" data-matches={String(sum === planned)} type={sum === planned ? 'success' : 'warning'}>
      {t('project.budgetSum', { sum: yuan(sum), planned: yuan(planned) })}
      {' · '}
      {sum === planned ? t('project.budgetMatches') : t('project.budgetDiffers', { diff: yuan(Math.abs(planned - sum)) })}
    </Typography.Paragraph>
  );

  return (
    <>
      <EditableList
        name="budgetItems"
        testId="budget"
        title={t('project.budgetItems')}
        footer={budgetFooter}
        row={(i) => (
          <>
            <Form.Item name={[i, 'item']} label={t('project.budgetItem')}>
              <Input data-testid={`project-form-budget-item-${i}`} maxLength={200} style={{ width: 320 }} />
            </Form.Item>
            <Form.Item name={[i, 'amountYuan']} label={t('project.budgetAmount')}>
              <InputNumber<number> data-testid={`project-form-budget-amount-${i}`} min={0} precision={2} step={10000} style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
      />
      <EditableList
        name="outputs"
        testId="output"
        title={t('project.outputs')}
        row={(i) => (
          <>
            <Form.Item name={[i, 'description']} label={t('project.outputDescription')}>
              <Input data-testid={`project-form-output-description-${i}`} maxLength={200} style={{ width: 300 }} />
            </Form.Item>
            <Form.Item name={[i, 'quantity']} label={t('project.quantity')}>
              <InputNumber data-testid={`project-form-output-quantity-${i}`} min={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={[i, 'unit']} label={t('project.unit')}>
              <Input data-testid={`project-form-output-unit-${i}`} maxLength={20} style={{ width: 90 }} />
            </Form.Item>
          </>
        )}
      />
      <EditableList
        name="milestones"
        testId="milestone"
        title={t('project.milestones')}
        row={(i) => (
          <>
            <Form.Item name={[i, 'name']} label={t('project.milestoneName')}>
              <Input data-testid={`project-form-milestone-name-${i}`} maxLength={200} style={{ width: 320 }} />
            </Form.Item>
            <Form.Item name={[i, 'dueOn']} label={t('project.dueOn')}>
              <DatePicker data-testid={`project-form-milestone-due-${i}`} />
            </Form.Item>
            <Form.Item name={[i, 'doneOn']} hidden>
              <Input />
            </Form.Item>
          </>
        )}
      />
    </>
  );
}
