import { AppError, invalidField } from '../errors.ts';
import type { RequestContext } from '../context.ts';
import { orgInScope, regionInScope, type Scope } from './scope.ts';

/**
 * Who owns a new record: the owner named in the input (it must lie in the caller's scope), else the
 * caller's own unit when in scope, else the first of the record's own units the caller covers.
 * City-wide users (and the system) record for the units a record names. Null: only a city-wide scope may change it.
 */
export function chooseOwner(ctx: RequestContext, named: number | null | undefined, candidates: (number | null | undefined)[]): number | null {
  if (named != null) {
    if (!orgInScope(ctx.scope, named)) throw invalidField('owningOrgId', `登记单位 ${named} 不存在或不在您的数据范围内`);
    return named;
  }
  const derived = candidates.find((id): id is number => !!id && orgInScope(ctx.scope, id)) ?? null;
  // City-wide users record on behalf of the units a record is about; everyone else for their own unit.
  if (ctx.scope.all) return derived ?? ctx.actor.orgId ?? null;
  if (ctx.actor.orgId && orgInScope(ctx.scope, ctx.actor.orgId)) return ctx.actor.orgId;
  return derived;
}

/** May this scope change or delete a record owned by that unit? Seeing a record is not enough. */
export const mayChange = (scope: Scope, owningOrgId: number | null): boolean => scope.all || (owningOrgId != null && orgInScope(scope, owningOrgId));

/** 403 unless the caller's scope covers the record's owning unit. */
export function assertOwner(ctx: RequestContext, rec: { owningOrgId: number | null; owningOrgName?: string | null }, what: string, unowned?: { regionCode: string }): void {
  if (mayChange(ctx.scope, rec.owningOrgId)) return;
  // A record registered before owners were kept (or by the system) belongs to the scope of its own place.
  if (rec.owningOrgId == null && unowned && regionInScope(ctx.scope, unowned.regionCode)) return;
  const owner = rec.owningOrgName ? `由${rec.owningOrgName}登记` : '未登记所属单位';
  throw new AppError('FORBIDDEN', `该${what}${owner}，只有登记单位范围内的用户可以修改或删除`, [{ path: 'owningOrgId', message: '不是本单位登记的记录' }]);
}

/**
 * The status a credited figure starts with: confirmed at once when the creator's scope covers the
 * named unit (both units are the creator's), else pending until the named unit confirms it.
 */
export function claimStatusFor(scope: Scope, named: { orgId?: number | null; regionCode?: string | null }): 'confirmed' | 'pending' {
  if (named.orgId == null && !named.regionCode) return 'confirmed';
  if (named.orgId != null && orgInScope(scope, named.orgId)) return 'confirmed';
  if (named.orgId == null && regionInScope(scope, named.regionCode)) return 'confirmed';
  return 'pending';
}
