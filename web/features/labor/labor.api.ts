import type { ComponentType } from 'react';
import type { FormInstance, TableColumnsType } from 'antd';
import type { Destination, LaborListQuery, LaborSummary } from '../../../src/modules/labor/labor.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiQuery } from '../../ui/useApi.ts';
import { cleanText, useDeleteRecordAt, useRecordList, useSaveRecord } from '../../ui/recordKinds.ts';
import { label } from '../../ui/enums.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import type { MessageKey, Translate } from '../../ui/i18n.tsx';

const destinationSet: Record<Destination, true> = { shanghai: true, other_east: true, local: true };
export const DESTINATION_CODES = Object.keys(destinationSet) as Destination[];
export const destinationLabel = (t: Translate, c: string) => label(t, 'destination', c);
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export type LaborListParams = Partial<LaborListQuery>;
export type LaborRecord = { id: number; countyName: string | null; isDemo: boolean };

/**
 * What differs between the four labor record kinds on screen: the API path, the test-id stem, the table's columns,
 * the form's fields and how its values become the request body. LaborRecordsTab does the rest the same way for all.
 */
export interface LaborKind<R extends LaborRecord, V> {
  tab: 'placements' | 'fairs' | 'workstations' | 'retention';
  /** Test-id stem: `{testId}-create`, `{testId}-row-{id}`, `{testId}-form-…`. */
  testId: 'placement' | 'fair' | 'workstation' | 'retention';
  path: string;
  title: MessageKey;
  createLabel: MessageKey;
  columns: (t: Translate) => TableColumnsType<R>;
  fields: FieldMapping;
  valuesOf: (r: R | null) => Partial<V>;
  toInput: (v: V) => Record<string, unknown>;
  Fields: ComponentType<{ form: FormInstance<V>; record: R | null }>;
}

export const useLaborList = <R>(path: string, params: LaborListParams) => useRecordList<R>(path, params);

/** GET /labor/summary?county=&year= */
export function useLaborSummary(year: number, county?: string) {
  const query = { year, county };
  return useApiQuery<LaborSummary>(keyOf('/labor/summary', query), (signal) => api.get<LaborSummary>('/labor/summary', query, signal));
}

export const useSaveLaborRecord = useSaveRecord;
export const useDeleteLaborRecord = useDeleteRecordAt;
export { cleanText };
