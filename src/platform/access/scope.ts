import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * A user's data scope: everything (city office, system administrator), or the organisations in
 * their subtrees — listed organisations and all below them, plus every organisation located in a
 * listed region or below it. Computed once per request.
 */
export type Scope = { all: true } | { all: false; orgIds: ReadonlySet<number>; regionPrefixes: readonly string[] };

export const ALL: Scope = { all: true };

export function orgInScope(scope: Scope, orgId: number): boolean {
  return scope.all || scope.orgIds.has(orgId);
}

export function regionInScope(scope: Scope, code: string | null | undefined): boolean {
  return scope.all || (!!code && scope.regionPrefixes.some((p) => code.startsWith(p)));
}

/** SQL condition "this organisation id column is in scope" (true for a global scope). */
export function orgIdInScope(scope: Scope, column: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.orgIds.size === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} = any(${[...scope.orgIds]}::bigint[])`;
}

/** SQL condition "this region code column lies in one of the scope's regions" (false when it lists none). */
export function regionCodeInScope(scope: Scope, column: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.regionPrefixes.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} like any(${scope.regionPrefixes.map((p) => `${p}%`)}::text[])`;
}

/**
 * The scope condition of a fact record (a project, an activity, a donation …): in scope when one
 * of its organisation columns is, when its place column lies in a scope region, or when its
 * pairing is. Columns are qualified names, e.g. { orgs: ['d.donor_org_id'], region: 'd.county_code', pairing: 'd.pairing_id' }.
 */
export function recordInScope(scope: Scope, cols: { orgs: string[]; region?: string; pairing?: string; extra?: Expression<SqlBool>[] }): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const parts: Expression<SqlBool>[] = cols.orgs.map((c) => orgIdInScope(scope, c));
  if (cols.region) parts.push(regionCodeInScope(scope, cols.region));
  if (cols.pairing) {
    parts.push(sql<SqlBool>`exists (select 1 from pairings pr where pr.id = ${sql.ref(cols.pairing)} and (${orgIdInScope(scope, 'pr.east_org_id')} or ${orgIdInScope(scope, 'pr.west_org_id')}))`);
  }
  parts.push(...(cols.extra ?? []));
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
