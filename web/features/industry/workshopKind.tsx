import { Form, Input, Space, Tag } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Workshop, WorkshopInput } from '../../../src/modules/industry/industry.contract.ts';
import { cleanText, type IndustryKind } from './industry.api.ts';
import { CountField, DateField, OrgOrNameField, PairingNoteFields, PlaceFields } from './industryFields.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

type Values = Omit<WorkshopInput, 'openedOn' | 'closedOn'> & { openedOn: Dayjs | null; closedOn?: Dayjs | null };

function Fields({ record }: { form: FormInstance<Values>; record: Workshop | null }) {
  const t = useT();
  return (
    <>
      <Form.Item name="name" label={t('industry.workshopName')} rules={[{ required: true, message: t('industry.required') }]}>
        <Input data-testid="workshop-form-name" maxLength={200} />
      </Form.Item>
      <PlaceFields stem="workshop" record={record} />
      <OrgOrNameField stem="workshop" orgName="operatorOrgId" textName="operatorName" testId="operator" label="industry.operator" seed={record?.operatorOrgId ? { id: record.operatorOrgId, name: record.operatorOrgName ?? `#${record.operatorOrgId}` } : null} />
      <Space wrap align="start">
        <DateField stem="workshop" name="openedOn" testId="opened-on" label="industry.openedOn" required />
        <DateField stem="workshop" name="closedOn" testId="closed-on" label="industry.closedOn" />
      </Space>
      <Space wrap align="start">
        <CountField stem="workshop" name="employees" testId="employees" label="industry.employees" />
        <CountField stem="workshop" name="poorEmployed" testId="poor" label="industry.poorEmployed" />
        <CountField stem="workshop" name="monitoredEmployed" testId="monitored" label="industry.monitoredEmployed" />
      </Space>
      <PairingNoteFields stem="workshop" />
    </>
  );
}

/** 帮扶车间: place, operator, opened (and closed), employees and of them poor / monitored people. */
export const WORKSHOP_KIND: IndustryKind<Workshop, Values> = {
  tab: 'workshops',
  testId: 'workshop',
  path: '/industry/workshops',
  fileStem: '帮扶车间',
  title: 'industry.workshops',
  createLabel: 'industry.createWorkshop',
  columns: (t) => [
    { key: 'name', title: t('industry.workshopName'), width: 220, render: (_, r) => r.name },
    { key: 'county', title: t('industry.county'), width: 170, render: (_, r) => [r.countyName ?? r.countyCode, r.placeName].filter(Boolean).join(' · ') },
    { key: 'operator', title: t('industry.operator'), render: (_, r) => r.operator || '—' },
    { key: 'opened', title: t('industry.openedOn'), width: 110, render: (_, r) => r.openedOn },
    { key: 'closed', title: t('industry.closedOn'), width: 110, render: (_, r) => r.closedOn ?? <Tag color="green">{t('industry.running')}</Tag> },
    { key: 'employees', title: t('industry.employees'), align: 'right', render: (_, r) => r.employees },
    { key: 'poor', title: t('industry.poorEmployed'), align: 'right', render: (_, r) => r.poorEmployed },
    { key: 'monitored', title: t('industry.monitoredEmployed'), align: 'right', render: (_, r) => r.monitoredEmployed },
    { key: 'owner', title: t('industry.owner'), render: (_, r) => r.owningOrgName ?? '—' },
  ],
  fields: { fields: ['name', 'countyCode', 'placeCode', 'operatorOrgId', 'operatorName', 'openedOn', 'closedOn', 'employees', 'poorEmployed', 'monitoredEmployed', 'pairingId', 'note'] },
  valuesOf: (r) => (r ? { ...r, openedOn: fromIsoDate(r.openedOn), closedOn: fromIsoDate(r.closedOn) } : { employees: 0, poorEmployed: 0, monitoredEmployed: 0 }),
  toInput: (v) => ({
    ...cleanText(v, ['operatorName', 'note']), name: v.name?.trim(), openedOn: toIsoDate(v.openedOn), closedOn: toIsoDate(v.closedOn), operatorOrgId: v.operatorOrgId ?? null, placeCode: v.placeCode ?? null, pairingId: v.pairingId ?? null,
  }),
  Fields,
};
