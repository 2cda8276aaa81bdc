import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { itemsFenOf, type DonationFormValues } from './donationForm.ts';
import { useT } from '../../ui/i18n.tsx';
import { formatFenAsYuan, yuanToFen } from '../../ui/money.ts';

/** 物资清单: item, quantity, unit, value (元); the items' total is shown against the declared value. */
export function DonationItemsField({ form }: { form: FormInstance<DonationFormValues> }) {
  const t = useT();
  const items = Form.useWatch('items', form);
  const declared = Form.useWatch('valueYuan', form);
  const sum = itemsFenOf(items);
  const matches = sum === null || declared == null || yuanToFen(declared) === sum;
  return (
    <>
      <Typography.Text strong>{t('donation.items')}</Typography.Text>
      <Form.List name="items">
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="donation-form-items" style={{ marginTop: 8 }}>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'item']} rules={[{ required: true, message: t('donation.itemRequired') }]}>
                  <Input data-testid={`donation-form-item-name-${i}`} placeholder={t('donation.item')} style={{ width: 160 }} maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: t('donation.quantityRequired') }]}>
                  <InputNumber<number> data-testid={`donation-form-item-quantity-${i}`} placeholder={t('donation.quantity')} min={0} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} rules={[{ required: true, message: t('donation.unitRequired') }]}>
                  <Input data-testid={`donation-form-item-unit-${i}`} placeholder={t('donation.unit')} style={{ width: 70 }} maxLength={20} />
                </Form.Item>
                <Form.Item name={[field.name, 'valueYuan']}>
                  <InputNumber<number> data-testid={`donation-form-item-value-${i}`} placeholder={t('donation.itemValue')} min={0} precision={2} style={{ width: 150 }} suffix={t('money.yuan')} />
                </Form.Item>
                <MinusCircleOutlined data-testid={`donation-form-items-remove-${i}`} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} data-testid="donation-form-items-add" onClick={() => add({})} style={{ marginBottom: 8 }}>
              {t('donation.addItem')}
            </Button>
            <Form.ErrorList errors={errors} />
            {sum !== null ? (
              <Typography.Paragraph data-testid="donation-form-items-sum" data-fen={sum} data-matches={String(matches)} type={matches ? 'secondary' : 'warning'}>
                {t('donation.itemsSum', { sum: formatFenAsYuan(sum, t('money.yuan')) })}
                {matches ? '' : ` · ${t('donation.itemsDiffer')}`}
              </Typography.Paragraph>
            ) : null}
          </div>
        )}
      </Form.List>
    </>
  );
}
