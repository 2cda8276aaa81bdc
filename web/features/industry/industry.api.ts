import type { ComponentType } from 'react';
import type { FormInstance, TableColumnsType } from 'antd';
import type { Industry, IndustryListQuery, IndustrySummary, ParkKind } from '../../../src/modules/industry/industry.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiQuery } from '../../ui/useApi.ts';
import { cleanText, useDeleteRecordAt, useRecordList, useSaveRecord } from '../../ui/recordKinds.ts';
import { label } from '../../ui/enums.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import type { MessageKey, Translate } from '../../ui/i18n.tsx';

/** The contract's codes, listed here so the bundle carries no zod; `Record<Code, true>` fails to compile when the backend changes them. */
const industrySet: Record<Industry, true> = {
  agri_processing: true, planting_breeding: true, culture_tourism: true, manufacturing: true, new_energy: true, trade_logistics: true, ecommerce: true, biomedicine: true, other: true,
};
const parkKindSet: Record<ParkKind, true> = { park: true, planting_base: true, breeding_base: true, other: true };
export const INDUSTRY_CODES = Object.keys(industrySet) as Industry[];
export const PARK_KIND_CODES = Object.keys(parkKindSet) as ParkKind[];
export const industryLabel = (t: Translate, c: string) => label(t, 'industryCode', c);
export const parkKindLabel = (t: Translate, c: string) => label(t, 'parkKind', c);

export type IndustryListParams = Partial<IndustryListQuery>;
export type IndustryRecord = { id: number; countyName: string | null; placeName: string | null; isDemo: boolean; owningOrgName: string | null };

/**
 * What differs between the four 产业合作 record kinds on screen: the API path, the test-id stem, the table's
 * columns, the form's fields and how its values become the request body. IndustryRecordsTab does the rest.
 */
export interface IndustryKind<R extends IndustryRecord, V> {
  tab: 'enterprises' | 'parks' | 'workshops' | 'farming';
  /** Test-id stem: `{testId}-create`, `{testId}-row-{id}`, `{testId}-form-…`. */
  testId: 'enterprise' | 'park' | 'workshop' | 'farming';
  path: string;
  /** The downloaded files' names (the server's sheet names). */
  fileStem: string;
  title: MessageKey;
  createLabel: MessageKey;
  columns: (t: Translate) => TableColumnsType<R>;
  fields: FieldMapping;
  valuesOf: (r: R | null) => Partial<V>;
  toInput: (v: V) => Record<string, unknown>;
  Fields: ComponentType<{ form: FormInstance<V>; record: R | null }>;
}

export const useIndustryList = <R>(path: string, params: IndustryListParams) => useRecordList<R>(path, params);

/** GET /industry/summary?county=&year= */
export function useIndustrySummary(year: number, county?: string) {
  const query = { year, county };
  return useApiQuery<IndustrySummary>(keyOf('/industry/summary', query), (signal) => api.get<IndustrySummary>('/industry/summary', query, signal));
}

export const useSaveIndustryRecord = useSaveRecord;
export const useDeleteIndustryRecord = useDeleteRecordAt;
export { cleanText };

/** 万元 typed in a form ↔ integer fen (exact: one 万元 is 1,000,000 fen). */
export const wanToFen = (wan: number | null | undefined) => (wan == null || !Number.isFinite(wan) ? 0 : Math.round(wan * 1_000_000));
export const fenToWan = (fen: number | null | undefined) => (fen == null ? null : fen / 1_000_000);
