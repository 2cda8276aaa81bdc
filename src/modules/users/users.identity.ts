import type { Queryable } from '../../platform/db/database.ts';
import { ACTION_CODES, type Action } from '../../platform/access/actions.ts';
import { ALL, type Scope } from '../../platform/access/scope.ts';
import type { Identity } from '../../platform/access/authenticated.ts';
import * as repo from './users.repository.ts';

export type { Identity } from '../../platform/access/authenticated.ts';

/** A user's roles → permissions (from role_permissions) and scope entries → the set of organisations they cover. */
export async function loadIdentity(q: Queryable, userId: number): Promise<Identity | null> {
  const user = await repo.findById(q, userId);
  if (!user || user.status === 'disabled') return null;
  const roleCodes = (await repo.rolesOf(q, [userId])).map((r) => r.role_code);
  const allRoles = await repo.roles(q);
  const global = allRoles.some((r) => r.global_scope && roleCodes.includes(r.code));
  const actions = (await repo.permissionsOfRoles(q, roleCodes)).map((p) => p.action).filter((a): a is Action => (ACTION_CODES as string[]).includes(a));
  let scope: Scope = ALL;
  if (!global) {
    const entries = await repo.scopesOf(q, [userId]);
    const regionPrefixes = entries.map((e) => e.region_code).filter((c): c is string => !!c);
    const orgIds = await repo.orgIdsUnder(q, entries.map((e) => e.org_id).filter((x): x is number => !!x), regionPrefixes);
    scope = { all: false, orgIds: new Set(orgIds), regionPrefixes };
  }
  return {
    userId,
    username: user.username,
    displayName: user.display_name,
    orgId: user.org_id,
    roles: roleCodes,
    permissions: new Set(actions),
    scope,
    mustChangePassword: user.must_change_password,
  };
}
