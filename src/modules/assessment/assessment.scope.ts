import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { resolveScope, type ResolvedScope } from '../indicators/indicators.scope.ts';
import type { ScopeInfo } from '../indicators/indicators.contract.ts';
import type { StoredScope } from './assessment.repository.ts';

/** Which scope a request names: the indicators' query fields (none = the caller's own). */
export type ScopeFields = { district?: number; pairing?: number; region?: string };

/** A resolved scope as its row keeps it: the kind and the one column of that kind. */
export function storedOf(info: ScopeInfo): StoredScope {
  return {
    kind: info.kind,
    orgId: info.kind === 'district' ? info.id : null,
    pairingId: info.kind === 'pairing' ? info.id : null,
    region: info.kind === 'region' ? info.code : null,
  };
}

/** A kept scope as the query that names it again. */
export function fieldsOf(s: StoredScope): ScopeFields {
  if (s.kind === 'district') return { district: s.orgId! };
  if (s.kind === 'pairing') return { pairing: s.pairingId! };
  if (s.kind === 'region') return { region: s.region! };
  return {};
}

/** The kept scope if the caller may see it; else the same 404 as an unknown record (`what`, `id`). */
export async function seeStored(q: Queryable, ctx: RequestContext, s: StoredScope, what: string, id: number): Promise<ResolvedScope> {
  // Without scope fields resolveScope answers the caller's own scope: the city is for a city-wide caller only.
  if (s.kind === 'city' && !ctx.scope.all) throw notFound(what, id);
  try {
    return await resolveScope(q, ctx, fieldsOf(s));
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound(what, id);
    throw err;
  }
}

export const isNotFound = (err: unknown): err is AppError => err instanceof AppError && err.code === 'NOT_FOUND';
