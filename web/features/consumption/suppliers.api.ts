import type { Page } from '../../../src/platform/contract.ts';
import type { Supplier, SupplierInput, SupplierListQuery, SupplierPatch } from '../../../src/modules/suppliers/suppliers.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import type { Choice } from '../../ui/RecordSelect.tsx';

export type SupplierListParams = Partial<SupplierListQuery>;

/** GET /suppliers */
export function useSupplierList(params: SupplierListParams) {
  return useApiQuery<Page<Supplier>>(keyOf('/suppliers', params), (signal) => api.get<Page<Supplier>>('/suppliers', params as Query, signal));
}

/** GET /suppliers/:id */
export function useSupplier(id: number | null) {
  return useApiQuery<Supplier>(id ? keyOf(`/suppliers/${id}`) : null, (signal) => api.get<Supplier>(`/suppliers/${id}`, undefined, signal));
}

/** POST /suppliers, or PATCH /suppliers/:id when editing. */
export function useSaveSupplier() {
  return useApiMutation((id: number | null, body: SupplierInput | SupplierPatch) => (id ? api.patch<Supplier>(`/suppliers/${id}`, body) : api.post<Supplier>('/suppliers', body)));
}

/** DELETE /suppliers/:id */
export function useDeleteSupplier() {
  return useApiMutation((id: number) => api.delete(`/suppliers/${id}`));
}

/** A supplier as a pickable record: name, with its county as the hint. */
const supplierChoice = (s: Supplier): Choice => ({ id: s.id, label: s.name, hint: s.countyName ?? s.countyCode });

/** Suppliers whose name or registration number matches (for pickers). */
export const searchSuppliers = (text: string, signal: AbortSignal) =>
  api.get<Page<Supplier>>('/suppliers', { q: text || undefined, pageSize: 30 }, signal).then((p) => p.items.map(supplierChoice));
export const resolveSupplier = (id: number, signal: AbortSignal) => api.get<Supplier>(`/suppliers/${id}`, undefined, signal).then(supplierChoice, () => null);
