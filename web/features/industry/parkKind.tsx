import { Form, Input, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Park, ParkInput } from '../../../src/modules/industry/industry.contract.ts';
import { PARK_KIND_CODES, cleanText, parkKindLabel, type IndustryKind } from './industry.api.ts';
import { CountField, DateField, MuField, PairingNoteFields, PlaceFields } from './industryFields.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';

type Values = Omit<ParkInput, 'establishedOn'> & { establishedOn: Dayjs | null };

function Fields({ record }: { form: FormInstance<Values>; record: Park | null }) {
  const t = useT();
  return (
    <>
      <Space wrap align="start">
        <Form.Item name="name" label={t('industry.parkName')} rules={[{ required: true, message: t('industry.required') }]}>
          <Input data-testid="park-form-name" maxLength={200} style={{ width: 380 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('industry.parkKind')} rules={[{ required: true, message: t('industry.required') }]}>
          <Select data-testid="park-form-kind" virtual={false} style={{ width: 150 }} options={optionsOf(PARK_KIND_CODES, (c) => parkKindLabel(t, c), 'park-form-kind')} />
        </Form.Item>
      </Space>
      <PlaceFields stem="park" record={record} />
      <Space wrap align="start">
        <MuField stem="park" name="areaMu" testId="area" label="industry.area" />
        <DateField stem="park" name="establishedOn" testId="established-on" label="industry.establishedOn" required />
        <CountField stem="park" name="enterprises" testId="enterprises" label="industry.settled" />
        <CountField stem="park" name="jobs" testId="jobs" label="industry.jobs" />
      </Space>
      <PairingNoteFields stem="park" />
    </>
  );
}

/** 产业园区 / 种植基地 / 养殖基地: kind, place, area (亩), established, enterprises settled, jobs. */
export const PARK_KIND: IndustryKind<Park, Values> = {
  tab: 'parks',
  testId: 'park',
  path: '/industry/parks',
  fileStem: '产业园区和基地',
  title: 'industry.parks',
  createLabel: 'industry.createPark',
  columns: (t) => [
    { key: 'name', title: t('industry.parkName'), width: 260, render: (_, r) => r.name },
    { key: 'kind', title: t('industry.parkKind'), render: (_, r) => parkKindLabel(t, r.kind) },
    { key: 'county', title: t('industry.county'), width: 170, render: (_, r) => [r.countyName ?? r.countyCode, r.placeName].filter(Boolean).join(' · ') },
    { key: 'area', title: t('industry.areaMu'), align: 'right', render: (_, r) => r.areaMu },
    { key: 'established', title: t('industry.establishedOn'), width: 120, render: (_, r) => r.establishedOn },
    { key: 'enterprises', title: t('industry.settled'), align: 'right', render: (_, r) => r.enterprises },
    { key: 'jobs', title: t('industry.jobs'), align: 'right', render: (_, r) => r.jobs },
    { key: 'owner', title: t('industry.owner'), render: (_, r) => r.owningOrgName ?? '—' },
  ],
  fields: { fields: ['name', 'kind', 'countyCode', 'placeCode', 'areaMu', 'establishedOn', 'enterprises', 'jobs', 'pairingId', 'note'] },
  valuesOf: (r) => (r ? { ...r, establishedOn: fromIsoDate(r.establishedOn) } : { enterprises: 0, jobs: 0 }),
  toInput: (v) => ({ ...cleanText(v, ['note']), name: v.name?.trim(), establishedOn: toIsoDate(v.establishedOn), placeCode: v.placeCode ?? null, pairingId: v.pairingId ?? null }),
  Fields,
};
