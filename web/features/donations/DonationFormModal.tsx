import { App, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Donation } from '../../../src/modules/donations/donations.contract.ts';
import { DONATION_KIND_CODES, donationKindLabel, useCreateDonation, useUpdateDonation } from './donations.api.ts';
import { DONATION_FORM_FIELDS, donationFormValues, itemsFenOf, toDonationInput, type DonationDefaults, type DonationFormValues } from './donationForm.ts';
import { DonationItemsField } from './DonationItemsField.tsx';
import { searchActivities } from '../activities/activities.api.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { usePairingOrgs } from '../pairings/pairings.api.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { RecordSelect } from '../../ui/RecordSelect.tsx';
import { api } from '../../ui/api.ts';
import { useT } from '../../ui/i18n.tsx';
import { formatFenAsWan, yuanToFen } from '../../ui/money.ts';

interface Props {
  open: boolean;
  /** null = a new donation. */
  donation: Donation | null;
  /** For a new donation: the pairing, activity and date it is recorded under. */
  defaults?: DonationDefaults;
  onClose: () => void;
  onSaved: (donation: Donation) => void;
}

function DonationFields({ form, donation }: { form: FormInstance<DonationFormValues>; donation: Donation | null }) {
  const t = useT();
  const kind = Form.useWatch('kind', form);
  const value = Form.useWatch('valueYuan', form);
  const pairingId = Form.useWatch('pairingId', form);
  const itemsFen = itemsFenOf(Form.useWatch('items', form));
  const pairingOrgs = usePairingOrgs(pairingId);
  const goods = kind === 'goods';
  const valueHint = value ? t('donation.wanPreview', { amount: formatFenAsWan(yuanToFen(value), t('money.wan')) }) : goods && itemsFen !== null ? t('donation.valueFromItems') : undefined;
  return (
    <>
      <Form.Item name="kind" label={t('donation.kind')} rules={[{ required: true }]}>
        <Radio.Group data-testid="donation-form-kind">
          {DONATION_KIND_CODES.map((k) => (
            <Radio key={k} value={k} data-testid={`donation-form-kind-${k}`}>
              {donationKindLabel(t, k)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('donation.donor')} extra={t('donation.donorHint')} style={{ marginBottom: 8 }}>
        <Space wrap>
          <Form.Item name="donorOrgId" noStyle>
            <OrgSearchSelect testId="donation-form-donor-org" extra={pairingOrgs} seed={donation?.donorOrgId ? { id: donation.donorOrgId, name: donation.donor } : null} placeholder={t('donation.donorOrg')} />
          </Form.Item>
          <Form.Item name="donorName" noStyle>
            <Input data-testid="donation-form-donor-name" placeholder={t('donation.donorName')} style={{ width: 220 }} maxLength={200} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item label={t('donation.recipient')} extra={t('donation.recipientHint')} style={{ marginBottom: 8 }}>
        <Space wrap>
          <Form.Item name="recipientOrgId" noStyle>
            <OrgSearchSelect testId="donation-form-recipient-org" side="west" extra={pairingOrgs} seed={donation?.recipientOrgId ? { id: donation.recipientOrgId, name: donation.recipient } : null} placeholder={t('donation.recipientOrg')} />
          </Form.Item>
          <Form.Item name="recipientRegion" noStyle>
            <RegionSearchSelect testId="donation-form-recipient-region" seed={donation?.recipientRegion ? { code: donation.recipientRegion, fullName: donation.recipient } : null} placeholder={t('donation.recipientRegion')} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="valueYuan" label={goods ? t('donation.declaredYuan') : t('donation.amountYuan')} extra={valueHint} rules={goods ? [] : [{ required: true, message: t('donation.amountRequired') }]}>
        <InputNumber<number> data-testid="donation-form-value" min={0} precision={2} step={10000} style={{ width: 240 }} suffix={t('money.yuan')} />
      </Form.Item>
      {goods ? <DonationItemsField form={form} /> : null}
      <Form.Item name="purpose" label={t('donation.purpose')}>
        <Input data-testid="donation-form-purpose" maxLength={2000} />
      </Form.Item>
      <Form.Item name="donatedOn" label={t('donation.date')} rules={[{ required: true, message: t('donation.dateRequired') }]}>
        <DatePicker data-testid="donation-form-date" />
      </Form.Item>
      <Form.Item name="pairingId" label={t('donation.pairing')}>
        <PairingSearchSelect testId="donation-form-pairing" />
      </Form.Item>
      <Form.Item name="activityId" label={t('donation.activity')}>
        <RecordSelect
          testId="donation-form-activity"
          searchKey={`/activities#pick-${pairingId ?? ''}`}
          search={(text, signal) => searchActivities(text, pairingId, signal)}
          resolve={(id, signal) => api.get<{ id: number; title: string }>(`/activities/${id}`, undefined, signal).then((a) => ({ id: a.id, label: a.title }))}
          placeholder={t('donation.activityPlaceholder')}
        />
      </Form.Item>
    </>
  );
}

/** 登记/编辑捐赠: donor, recipient, 资金 (amount in 元) or 物资 (items that add up), purpose, date, pairing, activity. */
export function DonationFormModal({ open, donation, defaults, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateDonation();
  const update = useUpdateDonation();
  return (
    <FormModal<DonationFormValues>
      open={open}
      width={760}
      title={donation ? t('donation.editTitle') : t('donation.createTitle')}
      testId="donation-form"
      submitTestId="donation-form-submit"
      fields={DONATION_FORM_FIELDS}
      initialValues={donationFormValues(donation, defaults)}
      onClose={onClose}
      onSubmit={async (v) => {
        const input = toDonationInput(v);
        const saved = donation ? await update.run(donation.id, input) : await create.run(input);
        message.success(t('donation.saved'));
        onSaved(saved);
      }}
    >
      {(form) => <DonationFields form={form} donation={donation} />}
    </FormModal>
  );
}
