import type { Page } from '../../../src/platform/contract.ts';
import type { ObjectionInput, OpinionInput, Product, ProductInput, ProductListQuery, ProductPatch, ResolveInput, Rules, StepInput } from '../../../src/modules/products/products.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import { fenToYuanText } from '../../ui/money.ts';
import type { Choice } from '../../ui/RecordSelect.tsx';
import type { ProductStatus } from './consumptionEnums.ts';

export type ProductListParams = Partial<ProductListQuery>;
export type StatusCount = { status: ProductStatus; label: string; count: number };

/** GET /products — `status` may list several, comma-separated (a stage of the queue). */
export function useProductList(params: ProductListParams | null) {
  return useApiQuery<Page<Product>>(params ? keyOf('/products', params) : null, (signal) => api.get<Page<Product>>('/products', params as Query, signal));
}

/** GET /products/:id — with opinions, objections, steps, missingOpinions and the nextActions the caller may take. */
export function useProduct(id: number | null) {
  return useApiQuery<Product>(id ? keyOf(`/products/${id}`) : null, (signal) => api.get<Product>(`/products/${id}`, undefined, signal));
}

/** GET /products/status-counts?county= */
export function useStatusCounts(county?: string) {
  const query = { county };
  return useApiQuery<StatusCount[]>(keyOf('/products/status-counts', query), (signal) => api.get<StatusCount[]>('/products/status-counts', query, signal));
}

/** GET /certification/rules */
export function useRules() {
  return useApiQuery<Rules>('/certification/rules', (signal) => api.get<Rules>('/certification/rules', undefined, signal));
}

/** PUT /certification/rules (consumption:certify) */
export function useSaveRules() {
  return useApiMutation((rules: Rules) => api.put<Rules>('/certification/rules', rules));
}

/** POST /products (申请), or PATCH /products/:id (only before the decision). */
export function useSaveProduct() {
  return useApiMutation((id: number | null, body: ProductInput | ProductPatch) => (id ? api.patch<Product>(`/products/${id}`, body) : api.post<Product>('/products', body)));
}

/** DELETE /products/:id (撤回, only while 'applied') */
export function useWithdrawProduct() {
  return useApiMutation((id: number) => api.delete(`/products/${id}`));
}

/** POST /products/:id/opinions (初审意见) */
export function useAddOpinion() {
  return useApiMutation((id: number, input: OpinionInput) => api.post<Product>(`/products/${id}/opinions`, input));
}

/** POST /products/:id/objections (公示异议) */
export function useAddObjection() {
  return useApiMutation((id: number, input: ObjectionInput) => api.post<Product>(`/products/${id}/objections`, input));
}

/** POST /products/:id/objections/:objectionId/resolve */
export function useResolveObjection() {
  return useApiMutation((id: number, objectionId: number, input: ResolveInput) => api.post<Product>(`/products/${id}/objections/${objectionId}/resolve`, input));
}

/** POST /products/:id/steps — 审定, 公示, 认定, 年度复核, 下架, 重新上架, 撤销. */
export function useProductStep() {
  return useApiMutation((id: number, input: StepInput) => api.post<Product>(`/products/${id}/steps`, input));
}

const productChoice = (p: Product): Choice => ({ id: p.id, label: `${p.name}（${p.supplierName}）`, hint: `${fenToYuanText(p.priceFen)}/${p.unit}` });

/** Certified products whose name matches (the sale form's product picker). */
export const searchCertifiedProducts = (text: string, signal: AbortSignal) =>
  api.get<Page<Product>>('/products', { q: text || undefined, status: 'certified', pageSize: 30 }, signal).then((p) => p.items.map(productChoice));
export const resolveProduct = (id: number, signal: AbortSignal) => api.get<Product>(`/products/${id}`, undefined, signal).then(productChoice, () => null);
