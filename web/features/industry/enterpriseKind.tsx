import { Form, Input, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Enterprise, EnterpriseInput } from '../../../src/modules/industry/industry.contract.ts';
import { INDUSTRY_CODES, cleanText, fenToWan, industryLabel, wanToFen, type IndustryKind } from './industry.api.ts';
import { ActivityField, CountField, DateField, MoneyField, OrgOrNameField, PairingNoteFields, PlaceFields } from './industryFields.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { fenToWanText } from '../../ui/money.ts';
import { useT } from '../../ui/i18n.tsx';

type Values = Omit<EnterpriseInput, 'signedOn' | 'signedFen' | 'actualFen'> & { signedOn: Dayjs | null; signedWan: number | null; actualWan?: number | null };

function Fields({ record }: { form: FormInstance<Values>; record: Enterprise | null }) {
  const t = useT();
  return (
    <>
      <Form.Item name="name" label={t('industry.enterpriseName')} rules={[{ required: true, message: t('industry.required') }]}>
        <Input data-testid="enterprise-form-name" maxLength={200} />
      </Form.Item>
      <OrgOrNameField stem="enterprise" orgName="originOrgId" textName="originName" testId="origin" label="industry.origin" side="east" seed={record?.originOrgId ? { id: record.originOrgId, name: record.originOrgName ?? `#${record.originOrgId}` } : null} />
      <Form.Item name="originRegion" label={t('industry.originRegion')} extra={t('industry.originRegionHint')}>
        <RegionSearchSelect testId="enterprise-form-origin-region" levels={[1, 2, 3]} seed={record?.originRegion ? { code: record.originRegion, fullName: record.originRegionName ?? record.originRegion } : null} style={{ width: 300 }} />
      </Form.Item>
      <PlaceFields stem="enterprise" record={record} />
      <Space wrap align="start">
        <Form.Item name="industry" label={t('industry.industry')} rules={[{ required: true, message: t('industry.required') }]}>
          <Select data-testid="enterprise-form-industry" virtual={false} style={{ width: 180 }} options={optionsOf(INDUSTRY_CODES, (c) => industryLabel(t, c), 'enterprise-form-industry')} />
        </Form.Item>
        <DateField stem="enterprise" name="signedOn" testId="signed-on" label="industry.signedOn" required />
      </Space>
      <Space wrap align="start">
        <MoneyField stem="enterprise" name="signedWan" testId="signed" label="industry.signedInvestment" unit="wan" />
        <MoneyField stem="enterprise" name="actualWan" testId="actual" label="industry.actualInvestment" unit="wan" required={false} extra={t('industry.actualHint')} />
      </Space>
      <Space wrap align="start">
        <CountField stem="enterprise" name="jobs" testId="jobs" label="industry.jobs" />
        <CountField stem="enterprise" name="poorEmployed" testId="poor" label="industry.poorEmployed" />
        <CountField stem="enterprise" name="monitoredEmployed" testId="monitored" label="industry.monitoredEmployed" />
      </Space>
      <ActivityField stem="enterprise" />
      <PairingNoteFields stem="enterprise" />
    </>
  );
}

const wan = (fen: number) => fenToWanText(fen);

/** 引进企业: who brought it from where, the county (and place), industry, investment signed and to date (万元), jobs and of them poor / monitored people. */
export const ENTERPRISE_KIND: IndustryKind<Enterprise, Values> = {
  tab: 'enterprises',
  testId: 'enterprise',
  path: '/industry/enterprises',
  fileStem: '引进企业',
  title: 'industry.enterprises',
  createLabel: 'industry.createEnterprise',
  columns: (t) => [
    { key: 'name', title: t('industry.enterpriseName'), width: 220, render: (_, r) => r.name },
    { key: 'origin', title: t('industry.origin'), width: 170, render: (_, r) => r.origin || '—' },
    { key: 'county', title: t('industry.county'), width: 170, render: (_, r) => [r.countyName ?? r.countyCode, r.placeName].filter(Boolean).join(' · ') },
    { key: 'industry', title: t('industry.industry'), render: (_, r) => industryLabel(t, r.industry) },
    { key: 'signedOn', title: t('industry.signedOn'), width: 110, render: (_, r) => r.signedOn },
    { key: 'signed', title: t('industry.signedWan'), align: 'right', render: (_, r) => <span data-testid={`enterprise-signed-${r.id}`} data-fen={r.signedFen}>{wan(r.signedFen)}</span> },
    { key: 'actual', title: t('industry.actualWan'), align: 'right', render: (_, r) => wan(r.actualFen) },
    { key: 'jobs', title: t('industry.jobs'), align: 'right', render: (_, r) => r.jobs },
    { key: 'poor', title: t('industry.poorEmployed'), align: 'right', render: (_, r) => r.poorEmployed },
    { key: 'monitored', title: t('industry.monitoredEmployed'), align: 'right', render: (_, r) => r.monitoredEmployed },
    { key: 'owner', title: t('industry.owner'), render: (_, r) => r.owningOrgName ?? '—' },
  ],
  fields: {
    fields: ['name', 'originOrgId', 'originName', 'originRegion', 'countyCode', 'placeCode', 'industry', 'signedOn', 'signedWan', 'actualWan', 'jobs', 'poorEmployed', 'monitoredEmployed', 'activityId', 'pairingId', 'note'],
    rename: { signedFen: 'signedWan', actualFen: 'actualWan' },
  },
  valuesOf: (r) => (r ? { ...r, signedOn: fromIsoDate(r.signedOn), signedWan: fenToWan(r.signedFen), actualWan: fenToWan(r.actualFen) } : { jobs: 0, poorEmployed: 0, monitoredEmployed: 0 }),
  toInput: ({ signedWan, actualWan, ...v }) => ({
    ...cleanText(v, ['originName', 'note']), name: v.name?.trim(), signedOn: toIsoDate(v.signedOn), signedFen: wanToFen(signedWan), actualFen: wanToFen(actualWan),
    originOrgId: v.originOrgId ?? null, originRegion: v.originRegion ?? null, placeCode: v.placeCode ?? null, activityId: v.activityId ?? null, pairingId: v.pairingId ?? null,
  }),
  Fields,
};
