import { containing } from '../../platform/db/like.ts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { orgIdInScope, recordInScope, type Scope } from '../../platform/access/scope.ts';
import type { ActivityListQuery } from './activities.contract.ts';

/** In scope through its lead unit, any participating unit, its county, or its pairing. */
export function activityInScope(scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  return recordInScope(scope, {
    orgs: ['a.owning_org_id', 'a.lead_org_id'],
    region: 'a.county_code',
    pairing: 'a.pairing_id',
    extra: [sql<SqlBool>`exists (select 1 from activity_orgs ao where ao.activity_id = a.id and ${orgIdInScope(scope, 'ao.org_id')})`],
  });
}

export async function list(q: Queryable, scope: Scope, f: ActivityListQuery) {
  let query = q.selectFrom('activities as a').where(activityInScope(scope));
  if (f.type) query = query.where('a.type', '=', f.type);
  if (f.pairing) query = query.where('a.pairing_id', '=', f.pairing);
  if (f.county) query = query.where('a.county_code', 'like', `${f.county.slice(0, 6)}%`);
  if (f.org) query = query.where((eb) => eb.or([eb('a.lead_org_id', '=', f.org!), eb.exists(eb.selectFrom('activity_orgs as o').select('o.org_id').whereRef('o.activity_id', '=', 'a.id').where('o.org_id', '=', f.org!))]));
  if (f.from) query = query.where('a.end_date', '>=', f.from);
  if (f.to) query = query.where('a.start_date', '<=', f.to);
  if (f.q) query = query.where((eb) => eb.or([eb('a.title', 'like', containing(f.q!)), eb('a.narrative', 'like', containing(f.q!))]));
  const [rows, count] = await Promise.all([
    query.select('a.id').orderBy('a.start_date', f.order).orderBy('a.id', f.order).offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

export async function load(q: Queryable, ids: number[]) {
  if (!ids.length) return { rows: [], places: [], orgs: [], photos: [], links: [] };
  const [rows, places, orgs, photos, links] = await Promise.all([
    q.selectFrom('activities as a').leftJoin('orgs as l', 'l.id', 'a.lead_org_id').leftJoin('orgs as ow', 'ow.id', 'a.owning_org_id').selectAll('a').select(['l.name as lead_name', 'ow.name as owning_org_name']).where('a.id', 'in', ids).execute(),
    q.selectFrom('activity_places as p').innerJoin('regions as r', 'r.code', 'p.region_code').select(['p.activity_id', 'r.code', 'r.name']).where('p.activity_id', 'in', ids).orderBy('r.code').execute(),
    q.selectFrom('activity_orgs as ao').innerJoin('orgs as o', 'o.id', 'ao.org_id').select(['ao.activity_id', 'o.id', 'o.name', 'o.side']).where('ao.activity_id', 'in', ids).orderBy('o.side').orderBy('o.id').execute(),
    q.selectFrom('activity_photos').select(['activity_id', 'file_name']).where('activity_id', 'in', ids).orderBy('id').execute(),
    q.selectFrom('activity_links').selectAll().where('activity_id', 'in', ids).orderBy('kind').orderBy('target_id').execute(),
  ]);
  return { rows, places, orgs, photos, links };
}

export async function inScope(q: Queryable, scope: Scope, id: number) {
  return !!(await q.selectFrom('activities as a').select('a.id').where('a.id', '=', id).where(activityInScope(scope)).executeTakeFirst());
}

export type ActivityValues = { type: string; title: string; start_date: string; end_date: string; county_code: string | null; lead_org_id: number | null; pairing_id: number | null; leader: string | null; delegation_size: number | null; narrative: string | null; owning_org_id?: number | null; is_demo?: boolean };

export async function insert(q: Queryable, v: ActivityValues) {
  return (await q.insertInto('activities').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function update(q: Queryable, id: number, v: Partial<ActivityValues>) {
  await q.updateTable('activities').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('activities').where('id', '=', id).execute();
}

export async function replaceChildren(q: Queryable, id: number, c: { regionCodes?: string[]; orgIds?: number[]; photos?: string[]; links?: { kind: 'agreement' | 'donation' | 'project' | 'training'; id: number }[] }) {
  if (c.regionCodes) {
    await q.deleteFrom('activity_places').where('activity_id', '=', id).execute();
    if (c.regionCodes.length) await q.insertInto('activity_places').values([...new Set(c.regionCodes)].map((region_code) => ({ activity_id: id, region_code }))).execute();
  }
  if (c.orgIds) {
    await q.deleteFrom('activity_orgs').where('activity_id', '=', id).execute();
    if (c.orgIds.length) await q.insertInto('activity_orgs').values([...new Set(c.orgIds)].map((org_id) => ({ activity_id: id, org_id }))).execute();
  }
  if (c.photos) {
    await q.deleteFrom('activity_photos').where('activity_id', '=', id).execute();
    if (c.photos.length) await q.insertInto('activity_photos').values(c.photos.map((file_name) => ({ activity_id: id, file_name }))).execute();
  }
  if (c.links) {
    await q.deleteFrom('activity_links').where('activity_id', '=', id).execute();
    const unique = [...new Map(c.links.map((l) => [`${l.kind}:${l.id}`, l])).values()];
    if (unique.length) await q.insertInto('activity_links').values(unique.map((l) => ({ activity_id: id, kind: l.kind, target_id: l.id }))).execute();
  }
}

/** Labels of linked records, visible only when the record itself is in the caller's scope. */
export async function linkLabels(q: Queryable, links: { kind: string; target_id: number }[]) {
  const byKind = (k: string) => links.filter((l) => l.kind === k).map((l) => l.target_id);
  const ids = (k: string) => (byKind(k).length ? byKind(k) : [0]);
  const [agreements, donations, projects, trainings] = await Promise.all([
    q.selectFrom('agreements').select(['id', sql<string>`coalesce(title, year || '年协议')`.as('label')]).where('id', 'in', ids('agreement')).execute(),
    q.selectFrom('donations').select(['id', sql<string>`coalesce(donor_name, '') || coalesce(purpose, '捐赠')`.as('label')]).where('id', 'in', ids('donation')).execute(),
    q.selectFrom('projects').select(['id', 'name as label']).where('id', 'in', ids('project')).execute(),
    q.selectFrom('trainings').select(['id', 'title as label']).where('id', 'in', ids('training')).execute(),
  ]);
  const found = new Map<string, string>();
  for (const [k, rows] of [['agreement', agreements], ['donation', donations], ['project', projects], ['training', trainings]] as const) for (const r of rows) found.set(`${k}:${r.id}`, r.label);
  return found;
}
