import type { CLAIM_STATUSES, Page } from '../../../src/platform/contract.ts';
import type { Claim, ClaimKind, ClaimListQuery } from '../../../src/modules/claims/claims.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';
import type { Action } from '../../ui/access.ts';

export type { Claim, ClaimKind };
export type ClaimStatus = keyof typeof CLAIM_STATUSES;
export type ClaimDirection = ClaimListQuery['direction'];

/** The codes of the contract, listed here so the bundle does not pull in zod; `Record<Code, true>` fails the compiler when the backend changes them. */
const kindSet: Record<ClaimKind, true> = { sale: true, donation: true, training: true };
const statusSet: Record<ClaimStatus, true> = { pending: true, confirmed: true, refused: true };
const directionSet: Record<ClaimDirection, true> = { incoming: true, outgoing: true };
export const CLAIM_KIND_CODES = Object.keys(kindSet) as ClaimKind[];
export const CLAIM_STATUS_CODES = Object.keys(statusSet) as ClaimStatus[];
export const CLAIM_DIRECTIONS = Object.keys(directionSet) as ClaimDirection[];
export const CLAIM_STATUS_COLORS: Record<ClaimStatus, string> = { pending: 'warning', confirmed: 'success', refused: 'error' };

/** Deciding is a change to that kind of record: the server asks for the kind's write permission (claims.service.ts), so the buttons do too. */
export const CLAIM_WRITE: Record<ClaimKind, Action> = { sale: 'consumption:write', donation: 'activity:write', training: 'activity:write' };

export const claimKindLabel = (t: Translate, code: string) => label(t, 'claimKind', code);
export const claimStatusLabel = (t: Translate, code: string) => label(t, 'claimStatus', code);
/** A claim's key in lists: ids are per kind. */
export const claimKey = (c: Pick<Claim, 'kind' | 'id'>) => `${c.kind}-${c.id}`;

/** The list as loaded: every claim of the direction (up to LIST_LIMIT) and how many the API counts. */
export interface ClaimList {
  items: Claim[];
  total: number;
}
const PAGE_SIZE = 200;
export const LIST_LIMIT = 5_000;

/**
 * Every page of GET /claims?direction= (newest first). The list is loaded whole and filtered by status here:
 * without `status` the API answers exactly what belongs on the tab (incoming: pending; outgoing: pending or decided),
 * while `status=confirmed` would also list the records confirmed at creation, never put to another unit.
 */
async function loadClaims(direction: ClaimDirection, signal: AbortSignal): Promise<ClaimList> {
  const seen = new Map<string, Claim>();
  let total = 0;
  for (let page = 1; seen.size < LIST_LIMIT; page++) {
    const got = await api.get<Page<Claim>>('/claims', { direction, page, pageSize: PAGE_SIZE }, signal);
    total = got.total;
    for (const c of got.items) seen.set(claimKey(c), c);
    if (got.items.length < PAGE_SIZE || page * PAGE_SIZE >= got.total) break;
  }
  return { items: [...seen.values()], total };
}

/** GET /claims?direction= (all pages) */
export function useClaimList(direction: ClaimDirection) {
  return useApiQuery<ClaimList>(keyOf('/claims', { direction }), (signal) => loadClaims(direction, signal));
}

/** GET /claims?direction=incoming&pageSize=1 — how many wait for me (the tab's badge). */
export function useIncomingCount() {
  const query = { direction: 'incoming', pageSize: 1 };
  return useApiQuery<number>(keyOf('/claims', query), (signal) => api.get<Page<Claim>>('/claims', query, signal).then((p) => p.total));
}

/** POST /claims/:kind/:id/confirm */
export function useConfirmClaim() {
  return useApiMutation((c: Pick<Claim, 'kind' | 'id'>) => api.post<Claim>(`/claims/${c.kind}/${c.id}/confirm`, {}));
}

/** POST /claims/:kind/:id/refuse with the reason (required) */
export function useRefuseClaim() {
  return useApiMutation((c: Pick<Claim, 'kind' | 'id'>, reason: string) => api.post<Claim>(`/claims/${c.kind}/${c.id}/refuse`, { reason }));
}
