import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { PlaceTagFilters, PlaceTagListQuery } from './placetags.contract.ts';

function filtered(q: Queryable, f: PlaceTagFilters) {
  let query = q.selectFrom('place_tags as t').innerJoin('regions as r', 'r.code', 't.region_code');
  if (f.region) query = query.where('t.region_code', 'like', `${f.region}%`);
  if (f.tag) query = query.where('t.tag', '=', f.tag);
  if (f.year !== undefined) query = query.where('t.year_from', '<=', f.year).where((eb) => eb.or([eb('t.year_to', 'is', null), eb('t.year_to', '>=', f.year!)]));
  return query;
}

const columns = ['t.id', 't.region_code', 't.tag', 't.year_from', 't.year_to', 't.source_document', 't.created_by', 't.is_demo', 'r.name as region_name', 'r.level as region_level'] as const;

export async function list(q: Queryable, f: PlaceTagListQuery) {
  const query = filtered(q, f);
  const [rows, count] = await Promise.all([
    query.select(columns).orderBy('t.region_code', f.order).orderBy('t.tag').orderBy('t.year_from', f.order).offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findById(q: Queryable, id: number) {
  return q.selectFrom('place_tags as t').innerJoin('regions as r', 'r.code', 't.region_code').select(columns).where('t.id', '=', id).executeTakeFirst();
}
export type PlaceTagRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** A tag of the same place whose years overlap [from, to] (to null = open-ended). */
export async function findOverlapping(q: Queryable, regionCode: string, tag: string, from: number, to: number | null) {
  return q
    .selectFrom('place_tags')
    .select(['id', 'year_from', 'year_to', 'source_document'])
    .where('region_code', '=', regionCode)
    .where('tag', '=', tag)
    .where((eb) => eb.or([eb('year_to', 'is', null), eb('year_to', '>=', from)]))
    .$if(to !== null, (qb) => qb.where('year_from', '<=', to!))
    .executeTakeFirst();
}

export async function insert(q: Queryable, v: { region_code: string; tag: string; year_from: number; year_to: number | null; source_document: string; created_by: string; is_demo?: boolean }) {
  return (await q.insertInto('place_tags').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('place_tags').where('id', '=', id).execute();
}

/** The village tags in force in a year under a county (or township) prefix: one row per village and tag. */
export async function villageTagsInForce(q: Queryable, prefix: string, year: number) {
  return q
    .selectFrom('place_tags')
    .select(['region_code', 'tag'])
    .distinct()
    .where('region_code', 'like', `${prefix}%`)
    .where(sql<boolean>`length(region_code) = 12`)
    .where('year_from', '<=', year)
    .where((eb) => eb.or([eb('year_to', 'is', null), eb('year_to', '>=', year)]))
    .execute();
}

/** The tags a place itself holds in a year. */
export async function tagsInForce(q: Queryable, regionCode: string, year: number) {
  return (
    await q
      .selectFrom('place_tags')
      .select('tag')
      .distinct()
      .where('region_code', '=', regionCode)
      .where('year_from', '<=', year)
      .where((eb) => eb.or([eb('year_to', 'is', null), eb('year_to', '>=', year)]))
      .orderBy('tag')
      .execute()
  ).map((r) => r.tag);
}
