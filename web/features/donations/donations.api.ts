import type { Page } from '../../../src/platform/contract.ts';
import type { Donation, DonationInput, DonationListQuery, DonationPatch, DONATION_KINDS } from '../../../src/modules/donations/donations.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';
import { fenToWanText } from '../../ui/money.ts';
import { filterChoices, type Choice } from '../../ui/RecordSelect.tsx';

export type DonationKind = keyof typeof DONATION_KINDS;
const kindSet: Record<DonationKind, true> = { cash: true, goods: true };
export const DONATION_KIND_CODES = Object.keys(kindSet) as DonationKind[];
export const donationKindLabel = (t: Translate, code: string) => label(t, 'donationKind', code);

export type DonationListParams = Partial<DonationListQuery>;
/** One row of GET /donations/totals: cash and goods summed apart, never added together. */
export type DonationTotalsRow = { key: string; label: string; cashFen: number; goodsFen: number; count: number };

/** GET /donations */
export function useDonationList(params: DonationListParams) {
  return useApiQuery<Page<Donation>>(keyOf('/donations', params), (signal) => api.get<Page<Donation>>('/donations', params as Query, signal));
}

/** GET /donations/:id */
export function useDonation(id: number | null) {
  return useApiQuery<Donation>(id ? keyOf(`/donations/${id}`) : null, (signal) => api.get<Donation>(`/donations/${id}`, undefined, signal));
}

/** GET /donations/totals?by=&county=&year= */
export function useDonationTotals(by: 'pairing' | 'county' | 'year', filters: { county?: string; year?: number } = {}, enabled = true) {
  const query = { by, ...filters };
  return useApiQuery<DonationTotalsRow[]>(enabled ? keyOf('/donations/totals', query) : null, (signal) => api.get<DonationTotalsRow[]>('/donations/totals', query, signal));
}

export function useCreateDonation() {
  return useApiMutation((input: DonationInput) => api.post<Donation>('/donations', input));
}
export function useUpdateDonation() {
  return useApiMutation((id: number, patch: DonationPatch) => api.patch<Donation>(`/donations/${id}`, patch));
}
export function useDeleteDonation() {
  return useApiMutation((id: number) => api.delete(`/donations/${id}`));
}

/** A donation as a pickable record: donor → recipient, with kind, value and date as the hint. */
export function donationChoice(t: Translate, d: Donation): Choice {
  return { id: d.id, label: `${d.donor} → ${d.recipient}${d.purpose ? `（${d.purpose}）` : ''}`, hint: `${donationKindLabel(t, d.kind)} ${fenToWanText(d.valueFen)}${t('money.wan')} · ${d.donatedOn}` };
}

/** The donations of a pairing (or the latest ones), filtered by the text; a number also finds the donation with that id. */
export async function searchDonations(t: Translate, text: string, pairing: number | null | undefined, signal: AbortSignal): Promise<Choice[]> {
  const page = await api.get<Page<Donation>>('/donations', { pairing: pairing ?? undefined, pageSize: 100 }, signal);
  const choices = filterChoices(page.items.map((d) => donationChoice(t, d)), text);
  if (!/^\d+$/.test(text) || choices.some((c) => String(c.id) === text)) return choices;
  const byId = await api.get<Donation>(`/donations/${text}`, undefined, signal).catch(() => null);
  return byId ? [donationChoice(t, byId), ...choices] : choices;
}
