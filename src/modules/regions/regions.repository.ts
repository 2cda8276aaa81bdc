import { sql } from 'kysely';
import { startingWith } from '../../platform/db/like.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { RegionsTable } from '../../platform/db/schema.ts';

export type RegionRow = RegionsTable;

export async function findByCodes(q: Queryable, codes: string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return q.selectFrom('regions').selectAll().where('code', 'in', codes).execute();
}

export async function findByCode(q: Queryable, code: string): Promise<RegionRow | undefined> {
  return q.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listChildren(q: Queryable, parentCode: string | null, offset: number, limit: number) {
  const base = q
    .selectFrom('regions')
    .where((eb) => (parentCode === null ? eb('parent_code', 'is', null) : eb('parent_code', '=', parentCode)));
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('code').offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countChildren(q: Queryable, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await q
    .selectFrom('regions')
    .select(['parent_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_code', 'in', codes)
    .groupBy('parent_code')
    .execute();
  return new Map(rows.map((r) => [r.parent_code as string, Number(r.n)]));
}

/** Every region whose full or short name equals one of the given strings (two index lookups, not an OR scan). */
export async function findByNames(q: Queryable, names: string[], shortNames: string[], within?: string): Promise<RegionRow[]> {
  if (names.length === 0 && shortNames.length === 0) return [];
  const byName = q.selectFrom('regions').selectAll().where('name', 'in', names.length ? names : ['']);
  const byShort = q.selectFrom('regions').selectAll().where('short_name', 'in', shortNames.length ? shortNames : ['']);
  let query = q.selectFrom(byName.union(byShort).as('r')).selectAll();
  if (within) query = query.where('r.code', 'like', `${within}%`);
  return query.limit(2000).execute();
}

export async function findByPrefix(q: Queryable, prefix: string, limit: number, within?: string) {
  let query = q
    .selectFrom('regions')
    .selectAll()
    .where((eb) => eb.or([eb('name', 'like', startingWith(prefix)), eb('short_name', 'like', startingWith(prefix))]));
  if (within) query = query.where('code', 'like', `${within}%`);
  return query.orderBy('level').orderBy('code').limit(limit).execute();
}

/** Regions at a level under a code prefix (the townships of a county, its villages …). */
export async function listUnder(q: Queryable, prefix: string, level: number): Promise<RegionRow[]> {
  return q
    .selectFrom('regions')
    .selectAll()
    .where('code', 'like', `${prefix}%`)
    .where('level', '=', level)
    .orderBy('code')
    .execute();
}

export async function existingCodes(q: Queryable, codes: string[]): Promise<Set<string>> {
  const rows = await q.selectFrom('regions').select('code').where('code', 'in', codes.length ? codes : ['']).execute();
  return new Set(rows.map((r) => r.code));
}

export async function regionCount(q: Queryable): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from regions`.execute(q);
  return r.rows[0].n;
}

