import { Checkbox, DatePicker, Divider, Form, Input, InputNumber, Select, Space } from 'antd';
import { TARGET_GROUP_CODES, targetGroupLabel } from '../training/training.api.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT, type MessageKey } from '../../ui/i18n.tsx';
import { formatFenAsWan, yuanToFen } from '../../ui/money.ts';
import { AcceptDealFields } from './AcceptDealFields.tsx';

/** 同时登记: the donation, training, agreement and sale the item reports, each behind its checkbox, prefilled from the facts. */
export function AcceptRecordFields() {
  const t = useT();
  // Inside the accept form: the watches read its context.
  const withDonation = Form.useWatch<boolean | undefined>('withDonation');
  const withTraining = Form.useWatch<boolean | undefined>('withTraining');
  const value = Form.useWatch<number | null | undefined>(['donation', 'valueYuan']);
  const required = (key: MessageKey) => [{ required: true, message: t(key) }];
  const sameAsActivity = t('bulletin.sameAsActivity');
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
        {t('bulletin.records')}
      </Divider>
      <Form.Item name="withDonation" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="accept-form-with-donation">{t('bulletin.withDonation')}</Checkbox>
      </Form.Item>
      {withDonation ? (
        <div data-testid="accept-form-donation">
          <Space wrap align="start">
            <Form.Item name={['donation', 'valueYuan']} label={t('donation.amountYuan')} rules={required('donation.amountRequired')} extra={value ? t('donation.wanPreview', { amount: formatFenAsWan(yuanToFen(value), t('money.wan')) }) : undefined}>
              <InputNumber<number> data-testid="accept-form-donation-value" min={0} precision={2} step={10000} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['donation', 'donatedOn']} label={t('donation.date')}>
              <DatePicker data-testid="accept-form-donation-date" placeholder={sameAsActivity} />
            </Form.Item>
          </Space>
          <Form.Item label={t('donation.donor')} style={{ marginBottom: 8 }} required>
            <Space wrap>
              <Form.Item name={['donation', 'donorOrgId']} noStyle>
                <OrgSearchSelect testId="accept-form-donation-donor-org" placeholder={t('donation.donorOrg')} />
              </Form.Item>
              <Form.Item name={['donation', 'donorName']} noStyle>
                <Input data-testid="accept-form-donation-donor-name" placeholder={t('donation.donorName')} style={{ width: 220 }} maxLength={200} />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name={['donation', 'recipientRegion']} label={t('bulletin.recipientRegion')} extra={t('bulletin.recipientHint')}>
            <RegionSearchSelect testId="accept-form-donation-region" placeholder={sameAsActivity} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['donation', 'purpose']} label={t('donation.purpose')} extra={t('bulletin.purposeHint')}>
            <Input data-testid="accept-form-donation-purpose" maxLength={1000} />
          </Form.Item>
        </div>
      ) : null}
      <Form.Item name="withTraining" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="accept-form-with-training">{t('bulletin.withTraining')}</Checkbox>
      </Form.Item>
      {withTraining ? (
        <div data-testid="accept-form-training">
          <Form.Item name={['training', 'title']} label={t('training.title')}>
            <Input data-testid="accept-form-training-title" placeholder={sameAsActivity} maxLength={200} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name={['training', 'targetGroup']} label={t('training.targetGroup')} rules={required('training.targetRequired')}>
              <Select data-testid="accept-form-training-target" virtual={false} options={optionsOf(TARGET_GROUP_CODES, (c) => targetGroupLabel(t, c), 'accept-form-training-target')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name={['training', 'participants']} label={t('training.participants')} rules={required('training.countRequired')}>
              <InputNumber<number> data-testid="accept-form-training-participants" min={0} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={['training', 'personTimes']} label={t('training.personTimes')} rules={required('training.countRequired')}>
              <InputNumber<number> data-testid="accept-form-training-person-times" min={0} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name={['training', 'startDate']} label={t('training.startDate')}>
              <DatePicker data-testid="accept-form-training-start" placeholder={sameAsActivity} />
            </Form.Item>
            <Form.Item name={['training', 'endDate']} label={t('training.endDate')}>
              <DatePicker data-testid="accept-form-training-end" placeholder={sameAsActivity} />
            </Form.Item>
          </Space>
          <Form.Item name={['training', 'countyCode']} label={t('training.county')} extra={t('bulletin.countyHint')}>
            <RegionSearchSelect testId="accept-form-training-county" levels={[3]} placeholder={sameAsActivity} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      ) : null}
      <AcceptDealFields />
    </>
  );
}
