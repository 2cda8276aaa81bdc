import { Form, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Destination, Placement, PlacementInput } from '../../../src/modules/labor/labor.contract.ts';
import { DESTINATION_CODES, destinationLabel, type LaborKind } from './labor.api.ts';
import { CountField, CountyField, PairingNoteFields, YearMonthFields } from './laborFields.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { currentYear } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

type Values = Omit<PlacementInput, 'destination'> & { destination: Destination };

function Fields({ record }: { form: FormInstance<Values>; record: Placement | null }) {
  const t = useT();
  return (
    <>
      <CountyField stem="placement" label="labor.county" seed={record ? { code: record.countyCode, fullName: record.countyName ?? record.countyCode } : null} />
      <Space wrap align="start">
        <YearMonthFields stem="placement" year="year" month="month" />
        <Form.Item name="destination" label={t('labor.destination')} rules={[{ required: true, message: t('labor.required') }]}>
          <Select data-testid="placement-form-destination" virtual={false} options={optionsOf(DESTINATION_CODES, (c) => destinationLabel(t, c), 'placement-form-destination')} style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <CountField stem="placement" name="poorCount" testId="poor" label="labor.poorCount" />
        <CountField stem="placement" name="monitoredCount" testId="monitored" label="labor.monitoredCount" />
      </Space>
      <PairingNoteFields stem="placement" />
    </>
  );
}

/** 劳务输出: per county, month and destination, the 脱贫人口 and 监测对象 who found work (one record per county, month, destination). */
export const PLACEMENT_KIND: LaborKind<Placement, Values> = {
  tab: 'placements',
  testId: 'placement',
  path: '/labor/placements',
  title: 'labor.placements',
  createLabel: 'labor.createPlacement',
  columns: (t) => [
    { key: 'county', title: t('labor.county'), render: (_, r) => r.countyName ?? r.countyCode },
    { key: 'period', title: t('labor.period'), render: (_, r) => t('labor.yearMonth', { year: r.year, month: r.month }) },
    { key: 'destination', title: t('labor.destination'), render: (_, r) => destinationLabel(t, r.destination) },
    { key: 'poor', title: t('labor.poorCount'), align: 'right', render: (_, r) => r.poorCount },
    { key: 'monitored', title: t('labor.monitoredCount'), align: 'right', render: (_, r) => r.monitoredCount },
    { key: 'total', title: t('labor.total'), align: 'right', render: (_, r) => <span data-testid={`placement-total-${r.id}`}>{r.poorCount + r.monitoredCount}</span> },
  ],
  fields: { fields: ['countyCode', 'year', 'month', 'destination', 'poorCount', 'monitoredCount', 'pairingId', 'note'] },
  valuesOf: (r) => (r ? { countyCode: r.countyCode, year: r.year, month: r.month, destination: r.destination, poorCount: r.poorCount, monitoredCount: r.monitoredCount, pairingId: r.pairingId, note: r.note } : { year: currentYear(), poorCount: 0, monitoredCount: 0 }),
  toInput: (v) => ({ ...v, pairingId: v.pairingId ?? null, note: v.note?.trim() || null }),
  Fields,
};
