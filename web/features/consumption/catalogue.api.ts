import type { CatalogueQuery, catalogue, catalogueItem } from '../../../src/modules/products/products.contract.ts';
import type { z } from 'zod';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiQuery } from '../../ui/useApi.ts';

export type Catalogue = z.infer<typeof catalogue>;
export type CatalogueItem = z.infer<typeof catalogueItem>;
export type CatalogueParams = Partial<CatalogueQuery>;

/** GET /public/catalogue — no login: certified, valid products and the county/category facets. */
export function useCatalogue(params: CatalogueParams) {
  return useApiQuery<Catalogue>(keyOf('/public/catalogue', params), (signal) => api.get<Catalogue>('/public/catalogue', params as Query, signal));
}

export const CATALOGUE_EXPORT_PATH = '/public/catalogue/export.xlsx';
