import { Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Retention, RetentionInput } from '../../../src/modules/labor/labor.contract.ts';
import { type LaborKind } from './labor.api.ts';
import { CountField, CountyField, DateField, PairingNoteFields, YearMonthFields } from './laborFields.tsx';
import { currentYear, fromIsoDate, toIsoDate } from '../../ui/dates.ts';

type Values = Omit<RetentionInput, 'followedUpOn'> & { followedUpOn?: Dayjs | null };

/** 6 months after a month's placements: how many are still employed (≤ placed); one record per county and month. */
function Fields({ record }: { form: FormInstance<Values>; record: Retention | null }) {
  return (
    <>
      <CountyField stem="retention" label="labor.county" seed={record ? { code: record.countyCode, fullName: record.countyName ?? record.countyCode } : null} />
      <Space wrap align="start">
        <YearMonthFields stem="retention" year="cohortYear" month="cohortMonth" />
        <CountField stem="retention" name="placed" testId="placed" label="labor.cohortPlaced" />
        <CountField stem="retention" name="employedAfter6m" testId="employed" label="labor.employedAfter6m" />
      </Space>
      <DateField stem="retention" name="followedUpOn" testId="followed-up-on" label="labor.followedUpOn" />
      <PairingNoteFields stem="retention" />
    </>
  );
}

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 稳岗跟踪. */
export const RETENTION_KIND: LaborKind<Retention, Values> = {
  tab: 'retention',
  testId: 'retention',
  path: '/labor/retention',
  title: 'labor.retention',
  createLabel: 'labor.createRetention',
  columns: (t) => [
    { key: 'county', title: t('labor.county'), render: (_, r) => r.countyName ?? r.countyCode },
    { key: 'cohort', title: t('labor.cohort'), render: (_, r) => t('labor.yearMonth', { year: r.cohortYear, month: r.cohortMonth }) },
    { key: 'placed', title: t('labor.cohortPlaced'), align: 'right', render: (_, r) => r.placed },
    { key: 'employed', title: t('labor.employedAfter6m'), align: 'right', render: (_, r) => r.employedAfter6m },
    { key: 'rate', title: t('labor.rate'), align: 'right', render: (_, r) => <span data-testid={`retention-rate-${r.id}`} data-rate={r.rate ?? ''}>{formatRate(r.rate)}</span> },
    { key: 'followedUpOn', title: t('labor.followedUpOn'), render: (_, r) => r.followedUpOn ?? '—' },
  ],
  fields: { fields: ['countyCode', 'cohortYear', 'cohortMonth', 'placed', 'employedAfter6m', 'followedUpOn', 'pairingId', 'note'] },
  valuesOf: (r) => (r ? { ...r, followedUpOn: fromIsoDate(r.followedUpOn) } : { cohortYear: currentYear() }),
  toInput: (v) => ({ ...v, followedUpOn: toIsoDate(v.followedUpOn), pairingId: v.pairingId ?? null, note: v.note?.trim() || null }),
  Fields,
};
