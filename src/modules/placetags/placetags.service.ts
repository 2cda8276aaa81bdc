import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import { withPaths } from '../regions/regions.service.ts';
import * as repo from './placetags.repository.ts';
import { isCountyTag, PLACE_TAGS, type PlaceTag, type PlaceTagCode, type PlaceTagInput, type PlaceTagListQuery } from './placetags.contract.ts';

const years = (from: number, to: number | null) => (to === null ? `${from} 年起` : from === to ? `${from} 年` : `${from}–${to} 年`);

async function present(q: Queryable, rows: repo.PlaceTagRow[]): Promise<PlaceTag[]> {
  const paths = new Map((await withPaths(q, rows.map((r) => ({ code: r.region_code, name: r.region_name, level: r.region_level, short_name: r.region_name, parent_code: null })))).map((p) => [p.code, p.fullName]));
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    regionFullName: paths.get(r.region_code) ?? r.region_name,
    tag: r.tag as PlaceTagCode,
    yearFrom: r.year_from,
    yearTo: r.year_to,
    sourceDocument: r.source_document,
    createdBy: r.created_by,
    isDemo: r.is_demo,
  }));
}

/** Places are reference data: every logged-in user reads every tag. */
export async function listPlaceTags(q: Queryable, f: PlaceTagListQuery): Promise<Page<PlaceTag>> {
  const { rows, total } = await repo.list(q, f);
  return { items: await present(q, rows), total, page: f.page, pageSize: f.pageSize };
}

export async function getPlaceTag(q: Queryable, id: number): Promise<PlaceTag> {
  const row = await repo.findById(q, id);
  if (!row) throw notFound('地区标识', id);
  return (await present(q, [row]))[0];
}

/** Tags are facts from city-wide (official) lists: only a city-wide scope records or removes them. */
export function assertCityWide(ctx: RequestContext) {
  if (!ctx.scope.all) throw new AppError('FORBIDDEN', '地区标识（脱贫县、脱贫村等）依据官方名单登记，只能由市级（全市范围）用户维护');
}

export async function createPlaceTagIn(q: Queryable, ctx: RequestContext, input: PlaceTagInput, opts: { isDemo?: boolean } = {}): Promise<PlaceTag> {
  assertCityWide(ctx);
  const region = await regionsRepo.findByCode(q, input.regionCode);
  if (!region) throw invalidField('regionCode', `未知的区划代码 ${input.regionCode}`);
  const county = isCountyTag(input.tag);
  if (county ? region.level !== 3 : region.level !== 5) {
    throw invalidField('regionCode', `「${PLACE_TAGS[input.tag]}」须标在${county ? '县级' : '村级'}区划上，${region.code}「${region.name}」不是${county ? '县级' : '村级'}区划`);
  }
  const yearTo = input.yearTo ?? null;
  const overlap = await repo.findOverlapping(q, input.regionCode, input.tag, input.yearFrom, yearTo);
  if (overlap) {
    throw new AppError('CONFLICT', `「${region.name}」已有${years(overlap.year_from, overlap.year_to)}的「${PLACE_TAGS[input.tag]}」标识（依据：${overlap.source_document}），年度不能重叠`, [
      { path: 'yearFrom', message: '与已有标识的年度重叠' },
    ]);
  }
  const id = await repo.insert(q, {
    region_code: input.regionCode, tag: input.tag, year_from: input.yearFrom, year_to: yearTo, source_document: input.sourceDocument, created_by: ctx.actor.name, is_demo: opts.isDemo ?? false,
  });
  const created = await getPlaceTag(q, id);
  await writeAudit(q, ctx, { entity: 'place_tag', entityId: id, action: 'create', after: created });
  return created;
}

export const createPlaceTag = (db: Db, ctx: RequestContext, input: PlaceTagInput, opts: { isDemo?: boolean } = {}) =>
  db.transaction().execute((trx) => createPlaceTagIn(trx, ctx, input, opts));

export async function deletePlaceTag(db: Db, ctx: RequestContext, id: number) {
  assertCityWide(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await getPlaceTag(trx, id);
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'place_tag', entityId: id, action: 'delete', before });
  });
}
