import { Form, Input, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Farming, FarmingInput } from '../../../src/modules/industry/industry.contract.ts';
import { cleanText, type IndustryKind } from './industry.api.ts';
import { ActivityField, CountField, DateField, MoneyField, MuField, OrgOrNameField, PairingNoteFields, PlaceFields } from './industryFields.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { fenToYuan, fenToYuanText, yuanToFen } from '../../ui/money.ts';
import { useT } from '../../ui/i18n.tsx';

type Values = Omit<FarmingInput, 'signedOn' | 'contractFen'> & { signedOn: Dayjs | null; contractYuan: number | null };

function Fields({ record }: { form: FormInstance<Values>; record: Farming | null }) {
  const t = useT();
  return (
    <>
      <Form.Item name="product" label={t('industry.product')} rules={[{ required: true, message: t('industry.required') }]}>
        <Input data-testid="farming-form-product" maxLength={200} style={{ width: 300 }} />
      </Form.Item>
      <OrgOrNameField stem="farming" orgName="buyerOrgId" textName="buyerName" testId="buyer" label="industry.buyer" seed={record?.buyerOrgId ? { id: record.buyerOrgId, name: record.buyerOrgName ?? `#${record.buyerOrgId}` } : null} />
      <PlaceFields stem="farming" record={record} />
      <Space wrap align="start">
        <MuField stem="farming" name="acreageMu" testId="acreage" label="industry.acreage" />
        <CountField stem="farming" name="households" testId="households" label="industry.households" />
        <MoneyField stem="farming" name="contractYuan" testId="contract" label="industry.contractValue" unit="yuan" />
        <DateField stem="farming" name="signedOn" testId="signed-on" label="industry.signedOn" required />
      </Space>
      <ActivityField stem="farming" />
      <PairingNoteFields stem="farming" />
    </>
  );
}

/** 订单农业: product, buyer, county, acreage (亩), households, contract value (元), signed on. */
export const FARMING_KIND: IndustryKind<Farming, Values> = {
  tab: 'farming',
  testId: 'farming',
  path: '/industry/contract-farming',
  fileStem: '订单农业',
  title: 'industry.farming',
  createLabel: 'industry.createFarming',
  columns: (t) => [
    { key: 'product', title: t('industry.product'), render: (_, r) => r.product },
    { key: 'buyer', title: t('industry.buyer'), width: 220, render: (_, r) => r.buyer || '—' },
    { key: 'county', title: t('industry.county'), width: 170, render: (_, r) => [r.countyName ?? r.countyCode, r.placeName].filter(Boolean).join(' · ') },
    { key: 'acreage', title: t('industry.acreageMu'), align: 'right', render: (_, r) => r.acreageMu },
    { key: 'households', title: t('industry.households'), align: 'right', render: (_, r) => r.households },
    { key: 'contract', title: t('industry.contractYuan'), align: 'right', render: (_, r) => fenToYuanText(r.contractFen) },
    { key: 'signedOn', title: t('industry.signedOn'), width: 110, render: (_, r) => r.signedOn },
    { key: 'owner', title: t('industry.owner'), render: (_, r) => r.owningOrgName ?? '—' },
  ],
  fields: { fields: ['product', 'buyerOrgId', 'buyerName', 'countyCode', 'placeCode', 'acreageMu', 'households', 'contractYuan', 'signedOn', 'activityId', 'pairingId', 'note'], rename: { contractFen: 'contractYuan' } },
  valuesOf: (r) => (r ? { ...r, signedOn: fromIsoDate(r.signedOn), contractYuan: fenToYuan(r.contractFen) } : { households: 0 }),
  toInput: ({ contractYuan, ...v }) => ({
    ...cleanText(v, ['buyerName', 'note']), product: v.product?.trim(), signedOn: toIsoDate(v.signedOn), contractFen: yuanToFen(contractYuan), buyerOrgId: v.buyerOrgId ?? null, placeCode: v.placeCode ?? null,
    activityId: v.activityId ?? null, pairingId: v.pairingId ?? null,
  }),
  Fields,
};
