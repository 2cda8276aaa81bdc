import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { BUYER_TYPE_CODES, CATEGORY_CODES, CHANNEL_CODES, buyerTypeLabel, categoryLabel, channelLabel } from '../consumption/consumptionEnums.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { DESTINATION_CODES, destinationLabel } from '../labor/labor.api.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useT, type MessageKey } from '../../ui/i18n.tsx';
import { formatFenAsWan, yuanToFen } from '../../ui/money.ts';

/** 同时登记, continued: the agreement a 签约 item reports (under the activity's pairing), the sale of a 消费帮扶 item, a 劳务协作 item's placements. */
export function AcceptDealFields() {
  const t = useT();
  const withAgreement = Form.useWatch<boolean | undefined>('withAgreement');
  const withSale = Form.useWatch<boolean | undefined>('withSale');
  const withPlacement = Form.useWatch<boolean | undefined>('withPlacement');
  const pledged = Form.useWatch<number | null | undefined>(['agreement', 'pledgedYuan']);
  const amount = Form.useWatch<number | null | undefined>(['sale', 'amountYuan']);
  const required = (key: MessageKey) => [{ required: true, message: t(key) }];
  const wan = (yuan: number | null | undefined) => (yuan ? t('sale.wanPreview', { amount: formatFenAsWan(yuanToFen(yuan), t('money.wan')) }) : undefined);
  return (
    <>
      <Form.Item name="withAgreement" valuePropName="checked" style={{ marginBottom: 8 }} extra={withAgreement ? t('bulletin.agreementHint') : undefined}>
        <Checkbox data-testid="accept-form-with-agreement">{t('bulletin.withAgreement')}</Checkbox>
      </Form.Item>
      {withAgreement ? (
        <div data-testid="accept-form-agreement">
          <Form.Item name={['agreement', 'title']} label={t('agreement.title')}>
            <Input data-testid="accept-form-agreement-title" maxLength={200} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name={['agreement', 'pledgedYuan']} label={t('agreement.pledgedYuan')} extra={wan(pledged)}>
              <InputNumber<number> data-testid="accept-form-agreement-pledged" min={0} precision={2} step={10000} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['agreement', 'signedOn']} label={t('agreement.signedOn')}>
              <DatePicker data-testid="accept-form-agreement-signed" placeholder={t('bulletin.sameAsActivity')} />
            </Form.Item>
            <Form.Item name={['agreement', 'documentNo']} label={t('agreement.documentNo')}>
              <Input data-testid="accept-form-agreement-doc" maxLength={100} style={{ width: 180 }} />
            </Form.Item>
          </Space>
        </div>
      ) : null}
      <Form.Item name="withSale" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="accept-form-with-sale">{t('bulletin.withSale')}</Checkbox>
      </Form.Item>
      {withSale ? (
        <div data-testid="accept-form-sale">
          <Space wrap align="start">
            <Form.Item name={['sale', 'amountYuan']} label={t('sale.amountYuan')} rules={required('bulletin.saleAmountRequired')} extra={wan(amount)}>
              <InputNumber<number> data-testid="accept-form-sale-amount" min={0} precision={2} step={10000} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['sale', 'channel']} label={t('sale.channel')} rules={required('bulletin.saleChannelRequired')}>
              <Select data-testid="accept-form-sale-channel" virtual={false} options={optionsOf(CHANNEL_CODES, (c) => channelLabel(t, c), 'accept-form-sale-channel')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name={['sale', 'buyerType']} label={t('sale.buyerType')} rules={required('bulletin.saleBuyerRequired')}>
              <Select data-testid="accept-form-sale-buyer" virtual={false} options={optionsOf(BUYER_TYPE_CODES, (c) => buyerTypeLabel(t, c), 'accept-form-sale-buyer')} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name={['sale', 'supplierName']} label={t('bulletin.saleSupplier')} rules={required('bulletin.saleSupplierRequired')}>
              <Input data-testid="accept-form-sale-supplier" maxLength={200} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name={['sale', 'category']} label={t('bulletin.saleCategory')} rules={required('bulletin.saleCategoryRequired')}>
              <Select data-testid="accept-form-sale-category" virtual={false} options={optionsOf(CATEGORY_CODES, (c) => categoryLabel(t, c), 'accept-form-sale-category')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['sale', 'households']} label={t('sale.households')}>
              <InputNumber<number> data-testid="accept-form-sale-households" min={0} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Form.Item label={t('sale.credited')} extra={t('sale.creditedHint')}>
            <Space wrap>
              <Form.Item name={['sale', 'creditedOrgId']} noStyle>
                <OrgSearchSelect testId="accept-form-sale-credited-org" placeholder={t('sale.credited')} />
              </Form.Item>
              <Form.Item name={['sale', 'creditedName']} noStyle>
                <Input data-testid="accept-form-sale-credited-name" placeholder={t('sale.creditedName')} style={{ width: 220 }} maxLength={200} />
              </Form.Item>
            </Space>
          </Form.Item>
        </div>
      ) : null}
      <Form.Item name="withPlacement" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="accept-form-with-placement">{t('bulletin.withPlacement')}</Checkbox>
      </Form.Item>
      {withPlacement ? (
        <Space wrap align="start" data-testid="accept-form-placement">
          <Form.Item name={['placement', 'destination']} label={t('labor.destination')} rules={required('bulletin.placementDestinationRequired')}>
            <Select data-testid="accept-form-placement-destination" virtual={false} options={optionsOf(DESTINATION_CODES, (c) => destinationLabel(t, c), 'accept-form-placement-destination')} style={{ width: 190 }} />
          </Form.Item>
          <Form.Item name={['placement', 'poorCount']} label={t('labor.poorCount')} rules={required('training.countRequired')}>
            <InputNumber<number> data-testid="accept-form-placement-poor" min={0} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name={['placement', 'monitoredCount']} label={t('labor.monitoredCount')}>
            <InputNumber<number> data-testid="accept-form-placement-monitored" min={0} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Space>
      ) : null}
    </>
  );
}
