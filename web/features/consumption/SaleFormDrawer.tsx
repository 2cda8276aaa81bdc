import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { Sale } from '../../../src/modules/sales/sales.contract.ts';
import { useSaveSale } from './sales.api.ts';
import { BUYER_TYPE_CODES, CHANNEL_CODES, buyerTypeLabel, channelLabel } from './consumptionEnums.ts';
import { SALE_FORM_FIELDS, saleFormValues, toSaleInput, type SaleFormValues } from './saleForm.ts';
import { SaleProductFields } from './SaleProductFields.tsx';
import { searchActivities } from '../activities/activities.api.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { useCan } from '../auth/session.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';
import { RecordSelect } from '../../ui/RecordSelect.tsx';
import { api } from '../../ui/api.ts';
import { useErrorReporter } from '../../ui/errors.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import { formatFenAsWan, yuanToFen } from '../../ui/money.ts';

interface Props {
  open: boolean;
  /** null = a new sale. */
  sale: Sale | null;
  onClose: () => void;
  onSaved: (s: Sale) => void;
}

/** 登记/编辑销售: date (or period), what was sold, channel, buyer, the unit it counts for, amount (元), quantity, households, activity. */
export function SaleFormDrawer({ open, sale, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<SaleFormValues>();
  const save = useSaveSale();
  const canSeeActivities = useCan('activity:read');
  const amount = Form.useWatch('amountYuan', form);
  const required = [{ required: true, message: t('consumption.required') }];

  const submit = async (v: SaleFormValues) => {
    try {
      const saved = await save.run(sale?.id ?? null, toSaleInput(v));
      message.success(t(saved.dupStatus === 'flagged' ? 'sale.savedFlagged' : 'sale.saved'));
      onSaved(saved);
    } catch (err) {
      report(err, form, SALE_FORM_FIELDS);
    }
  };

  return (
    <FormDrawer open={open} onClose={onClose} size={720} title={sale ? t('sale.editTitle') : t('sale.createTitle')} saving={save.loading} submitTestId="sale-form-submit" onSave={() => form.submit()}>
      <Form<SaleFormValues> form={form} clearOnDestroy layout="vertical" initialValues={saleFormValues(sale)} onFinish={submit} data-testid="sale-form">
        <Space wrap align="start">
          <Form.Item name="soldOn" label={t('sale.soldOn')} rules={required}>
            <DatePicker data-testid="sale-form-sold-on" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('sale.periodEnd')} extra={t('sale.periodEndHint')}>
            <DatePicker data-testid="sale-form-period-end" />
          </Form.Item>
        </Space>
        <SaleProductFields form={form} sale={sale} />
        <Space wrap align="start">
          <Form.Item name="channel" label={t('sale.channel')} rules={required}>
            <Select data-testid="sale-form-channel" virtual={false} options={optionsOf(CHANNEL_CODES, (c) => channelLabel(t, c), 'sale-form-channel')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="buyerType" label={t('sale.buyerType')} rules={required}>
            <Select data-testid="sale-form-buyer-type" virtual={false} options={optionsOf(BUYER_TYPE_CODES, (c) => buyerTypeLabel(t, c), 'sale-form-buyer-type')} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('sale.credited')} extra={t('sale.creditedHint')} style={{ marginBottom: 8 }}>
          <Space wrap>
            <Form.Item name="creditedOrgId" noStyle>
              <OrgSearchSelect testId="sale-form-credited-org" side="east" seed={sale?.creditedOrgId ? { id: sale.creditedOrgId, name: sale.credited } : null} />
            </Form.Item>
            <Form.Item name="creditedName" noStyle>
              <Input data-testid="sale-form-credited-name" placeholder={t('sale.creditedName')} maxLength={200} style={{ width: 220 }} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="amountYuan" label={t('sale.amountYuan')} rules={required} extra={amount ? t('sale.wanPreview', { amount: formatFenAsWan(yuanToFen(amount), t('money.wan')) }) : undefined}>
            <InputNumber<number> data-testid="sale-form-amount" min={0.01} precision={2} step={1000} style={{ width: 200 }} suffix={t('money.yuan')} />
          </Form.Item>
          <Form.Item name="quantity" label={t('sale.quantity')}>
            <InputNumber<number> data-testid="sale-form-quantity" min={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="unit" label={t('product.unit')}>
            <Input data-testid="sale-form-unit" maxLength={20} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="households" label={t('sale.households')}>
            <InputNumber<number> data-testid="sale-form-households" min={0} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        {canSeeActivities ? (
          <Form.Item name="activityId" label={t('sale.activity')}>
            <RecordSelect
              testId="sale-form-activity"
              searchKey="/activities#pick-sale"
              search={(text, signal) => searchActivities(text, null, signal)}
              resolve={(id, signal) => api.get<{ id: number; title: string }>(`/activities/${id}`, undefined, signal).then((a) => ({ id: a.id, label: a.title }))}
              placeholder={t('donation.activityPlaceholder')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('sale.note')}>
          <Input.TextArea data-testid="sale-form-note" rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
