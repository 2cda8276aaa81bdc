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
