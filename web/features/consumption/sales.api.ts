import { useEffect } from 'react';
import type { z } from 'zod';
import type { Page } from '../../../src/platform/contract.ts';
import type { Sale, SaleFilters, SaleInput, SaleListQuery, SalePatch, SalesImport, SummaryQuery, summary } from '../../../src/modules/sales/sales.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../ui/sheets.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import { RUNNING_IMPORT } from './consumptionEnums.ts';

export type SaleListParams = Partial<SaleListQuery>;
export type SalesSummary = z.infer<typeof summary>;
export type SummaryBy = SummaryQuery['by'];

/** GET /sales */
export function useSaleList(params: SaleListParams) {
  return useApiQuery<Page<Sale>>(keyOf('/sales', params), (signal) => api.get<Page<Sale>>('/sales', params as Query, signal));
}

/** GET /sales/summary?by=…&filters — counted sales only; flagged duplicates apart. */
export function useSalesSummary(by: SummaryBy, filters: Partial<SaleFilters>) {
  const query = { by, ...filters };
  return useApiQuery<SalesSummary>(keyOf('/sales/summary', query), (signal) => api.get<SalesSummary>('/sales/summary', query as Query, signal));
}

/** POST /sales, or PATCH /sales/:id when editing. */
export function useSaveSale() {
  return useApiMutation((id: number | null, body: SaleInput | SalePatch) => (id ? api.patch<Sale>(`/sales/${id}`, body) : api.post<Sale>('/sales', body)));
}

/** DELETE /sales/:id */
export function useDeleteSale() {
  return useApiMutation((id: number) => api.delete(`/sales/${id}`));
}

/** POST /sales/:id/duplicate — a flagged sale is a duplicate (left out of the totals) or distinct after all. */
export function useDuplicateDecision() {
  return useApiMutation((id: number, decision: 'duplicate' | 'distinct') => api.post<Sale>(`/sales/${id}/duplicate`, { decision }));
}

/** The Content-Type of an import file by its extension, or null when it is neither .csv nor .xlsx. */
export function importTypeOf(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return CSV_TYPE;
  if (lower.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

/** POST /sales/imports?fileName=&skipInvalid= — the raw file as the body; answers 202 with the queued import. */
export function useUploadSales() {
  return useApiMutation((file: File, type: string, skipInvalid: boolean) => api.upload<SalesImport>('/sales/imports', file, type, { fileName: file.name, skipInvalid: String(skipInvalid) }));
}

/** GET /sales/imports — the user's imports, latest first. */
export function useSalesImports(enabled: boolean) {
  const query = { pageSize: 5 };
  return useApiQuery<Page<SalesImport>>(enabled ? keyOf('/sales/imports', query) : null, (signal) => api.get<Page<SalesImport>>('/sales/imports', query, signal));
}

/** GET /sales/imports/:id, asked again every second while the import is queued, checking or loading. */
export function useSalesImport(id: number | null) {
  const q = useApiQuery<SalesImport>(id ? keyOf(`/sales/imports/${id}`) : null, (signal) => api.get<SalesImport>(`/sales/imports/${id}`, undefined, signal));
  const running = !!q.data && q.data.id === id && RUNNING_IMPORT.includes(q.data.status);
  const { reload, loading, data, error } = q;
  useEffect(() => {
    if (!running || loading || error) return;
    const timer = window.setTimeout(reload, 1000);
    return () => window.clearTimeout(timer);
  }, [running, loading, error, data, reload]);
  return q;
}
