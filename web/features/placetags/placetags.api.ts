import type { Page } from '../../../src/platform/contract.ts';
import type { PlaceTag, PlaceTagCode, PlaceTagListQuery, VillageTagCode } from '../../../src/modules/placetags/placetags.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';

/** The tag codes (listed here so the bundle pulls in no zod; the compiler checks them against the contract). */
const tagSet: Record<PlaceTagCode, true> = { poverty_county: true, key_county: true, poverty_village: true, deep_poverty_village: true, relocation_site: true };
const villageTagSet: Record<VillageTagCode, true> = { poverty_village: true, deep_poverty_village: true, relocation_site: true };
export const PLACE_TAG_CODES = Object.keys(tagSet) as PlaceTagCode[];
export const VILLAGE_TAG_CODES = Object.keys(villageTagSet) as VillageTagCode[];
export const placeTagLabel = (t: Translate, code: string) => label(t, 'placeTag', code);

export type PlaceTagListParams = Partial<PlaceTagListQuery>;

/** GET /place-tags */
export function usePlaceTagList(params: PlaceTagListParams) {
  return useApiQuery<Page<PlaceTag>>(keyOf('/place-tags', params), (signal) => api.get<Page<PlaceTag>>('/place-tags', params as Query, signal));
}

export function useDeletePlaceTag() {
  return useApiMutation((id: number) => api.delete(`/place-tags/${id}`));
}
