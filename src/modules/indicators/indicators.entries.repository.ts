import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/access/scope.ts';
import type { EntryKind, EntryListQuery } from './indicators.entries.contract.ts';

/** All SQL of targets and reported figures (indicator_entries, migration 0018). */
export interface EntryRow {
  id: number;
  kind: EntryKind;
  indicator_code: string;
  scope_kind: 'city' | 'district' | 'pairing' | 'region';
  scope_org_id: number | null;
  scope_pairing_id: number | null;
  scope_region_code: string | null;
  year: number;
  quarter: number | null;
  month: number | null;
  value: string;
  document: string;
  reported_on: string | null;
  note: string | null;
  owning_org_id: number | null;
  created_by: string;
  is_demo: boolean;
}
export type EntryValues = Omit<EntryRow, 'id' | 'value'> & { value: number };

/** An entry is visible when the caller may see its scope (the same rule as the figures'). */
function visible(scope: Scope) {
  if (scope.all) return sql<boolean>`true`;
  const orgs = [...scope.orgIds];
  const prefixes = scope.regionPrefixes.map((p) => `${p}%`);
  return sql<boolean>`((e.scope_kind = 'district' and e.scope_org_id = any(${orgs}::bigint[]))
    or (e.scope_kind = 'pairing' and exists (select 1 from pairings p where p.id = e.scope_pairing_id and (p.east_org_id = any(${orgs}::bigint[]) or p.west_org_id = any(${orgs}::bigint[]))))
    or (e.scope_kind = 'region' and e.scope_region_code like any(${prefixes}::text[])))`;
}

export async function list(q: Queryable, scope: Scope, kind: EntryKind, f: Partial<EntryListQuery>, page?: { limit: number; offset: number }) {
  const where = sql`e.kind = ${kind} and ${visible(scope)}
    ${f.indicator ? sql`and e.indicator_code = ${f.indicator}` : sql``}
    ${f.year ? sql`and e.year = ${f.year}` : sql``}
    ${f.scopeKind ? sql`and e.scope_kind = ${f.scopeKind}` : sql``}`;
  const { rows } = await sql<EntryRow>`select e.*, e.reported_on::text as reported_on from indicator_entries e where ${where}
    order by e.year desc, e.indicator_code, e.id ${sql.raw(f.order === 'desc' ? 'desc' : 'asc')}
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`.execute(q);
  const { rows: n } = await sql<{ n: string }>`select count(*) as n from indicator_entries e where ${where}`.execute(q);
  return { rows, total: Number(n[0].n) };
}

export async function find(q: Queryable, kind: EntryKind, id: number) {
  const { rows } = await sql<EntryRow>`select e.*, e.reported_on::text as reported_on from indicator_entries e where e.id = ${id} and e.kind = ${kind}`.execute(q);
  return rows[0];
}

const COLS = ['kind', 'indicator_code', 'scope_kind', 'scope_org_id', 'scope_pairing_id', 'scope_region_code', 'year', 'quarter', 'month', 'value', 'document', 'reported_on', 'note', 'owning_org_id', 'created_by', 'is_demo'] as const;

export async function insert(q: Queryable, v: EntryValues): Promise<number> {
  const { rows } = await sql<{ id: string }>`insert into indicator_entries (${sql.join(COLS.map((c) => sql.ref(c)))})
    values (${sql.join(COLS.map((c) => v[c]))}) returning id`.execute(q);
  return Number(rows[0].id);
}

export async function update(q: Queryable, id: number, v: EntryValues) {
  const sets = COLS.filter((c) => c !== 'kind' && c !== 'created_by' && c !== 'is_demo').map((c) => sql`${sql.ref(c)} = ${v[c]}`);
  await sql`update indicator_entries set ${sql.join(sets)}, updated_at = now() where id = ${id}`.execute(q);
}

export async function remove(q: Queryable, id: number) {
  await sql`delete from indicator_entries where id = ${id}`.execute(q);
}

/** Another target for the same indicator, scope and year (one each). */
export async function sameTarget(q: Queryable, v: EntryValues, exceptId?: number) {
  const { rows } = await sql<{ id: string; document: string }>`select id, document from indicator_entries
    where kind = 'target' and indicator_code = ${v.indicator_code} and scope_kind = ${v.scope_kind} and year = ${v.year}
      and coalesce(scope_org_id, 0) = ${v.scope_org_id ?? 0} and coalesce(scope_pairing_id, 0) = ${v.scope_pairing_id ?? 0} and coalesce(scope_region_code, '') = ${v.scope_region_code ?? ''}
      ${exceptId ? sql`and id <> ${exceptId}` : sql``}`.execute(q);
  return rows[0];
}

/** The targets and reported figures of one scope and year, for the indicators shown beside them. */
export async function forScope(q: Queryable, s: { kind: string; id: number | null; code: string | null }, year: number, codes: string[]) {
  const { rows } = await sql<EntryRow>`select e.*, e.reported_on::text as reported_on from indicator_entries e
    where e.year = ${year} and e.indicator_code = any(${codes}::text[]) and e.scope_kind = ${s.kind}
      and coalesce(e.scope_org_id, e.scope_pairing_id, 0) = ${s.kind === 'district' || s.kind === 'pairing' ? s.id ?? 0 : 0}
      and coalesce(e.scope_region_code, '') = ${s.kind === 'region' ? s.code ?? '' : ''}
    order by e.reported_on desc nulls last, e.id desc`.execute(q);
  return rows;
}

export async function names(q: Queryable, rows: EntryRow[]) {
  const orgIds = [...new Set(rows.map((r) => r.scope_org_id).filter((x): x is number => x !== null))];
  const pairingIds = [...new Set(rows.map((r) => r.scope_pairing_id).filter((x): x is number => x !== null))];
  const codes = [...new Set(rows.map((r) => r.scope_region_code).filter((x): x is string => x !== null))];
  const orgs = orgIds.length ? (await sql<{ id: string; name: string }>`select id, name from orgs where id = any(${orgIds}::bigint[])`.execute(q)).rows : [];
  const pairings = pairingIds.length
    ? (await sql<{ id: string; name: string }>`select p.id, e.name || ' — ' || w.name as name from pairings p join orgs e on e.id = p.east_org_id join orgs w on w.id = p.west_org_id where p.id = any(${pairingIds}::bigint[])`.execute(q)).rows
    : [];
  const regions = codes.length ? (await sql<{ code: string; name: string }>`select code, name from regions where code = any(${codes}::text[])`.execute(q)).rows : [];
  return {
    org: new Map(orgs.map((r) => [Number(r.id), r.name])),
    pairing: new Map(pairings.map((r) => [Number(r.id), r.name])),
    region: new Map(regions.map((r) => [r.code, r.name])),
  };
}
