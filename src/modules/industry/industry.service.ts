import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import { assertOwner, chooseOwner } from '../../platform/access/ownership.ts';
import { checkRefs } from '../references/references.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import * as repo from './industry.repository.ts';
import type { KindSpec, Names } from './industry.kinds.ts';
import type { IndustryListQuery, IndustrySummary, IndustryTotals } from './industry.contract.ts';

/** The same list / read / create / update / delete for every 产业合作 record kind, each change in one transaction with its audit row. */
type AnySpec = KindSpec<any, any, any>;

/** Rows of the spec's own table, with the names of their places and organisations. */
async function present<S extends AnySpec>(q: Queryable, spec: S, rows: unknown[]): Promise<ReturnType<S['present']>[]> {
  const refs = rows.map((r) => spec.names(r as never));
  const codes = [...new Set(refs.flatMap((x) => x.regions).filter((c): c is string => !!c))];
  const names: Names = {
    regions: new Map((await regionsRepo.findByCodes(q, codes)).map((r) => [r.code, r.name])),
    orgs: await repo.orgsByIds(q, [...new Set(refs.flatMap((x) => x.orgs).filter((x): x is number => !!x))]),
  };
  return rows.map((r) => spec.present(r as never, names));
}

export async function listRecords<S extends AnySpec>(q: Queryable, spec: S, scope: Scope, f: IndustryListQuery): Promise<Page<ReturnType<S['present']>>> {
  const { rows, total } = await repo.list(q, spec.kind, scope, f);
  return { items: await present(q, spec, rows), total, page: f.page, pageSize: f.pageSize };
}

async function findRow(q: Queryable, spec: AnySpec, scope: Scope, id: number) {
  const row = await repo.find(q, spec.kind, scope, id);
  if (!row) throw notFound(spec.label, id);
  return row;
}

export async function getRecord<S extends AnySpec>(q: Queryable, spec: S, scope: Scope, id: number): Promise<ReturnType<S['present']>> {
  return (await present(q, spec, [await findRow(q, spec, scope, id)]))[0];
}

/** A change must land in the caller's scope: its county, its own organisation, or its pairing. */
async function checkScope(q: Queryable, scope: Scope, spec: AnySpec, v: { pairingId?: number | null }) {
  if (scope.all) return;
  const p = spec.place(v);
  if (regionInScope(scope, p.county) || (p.orgId && orgInScope(scope, p.orgId))) return;
  const pairing = v.pairingId ? await repo.findPairing(q, v.pairingId) : undefined;
  if (pairing && (orgInScope(scope, pairing.east_org_id) || orgInScope(scope, pairing.west_org_id))) return;
  throw new AppError('FORBIDDEN', `该${spec.label}不在您的数据范围内：受援县、单位或结对关系须属于您的范围`, [{ path: 'countyCode', message: '超出数据范围' }]);
}

export async function createRecord<S extends AnySpec>(db: Db, ctx: RequestContext, spec: S, input: Parameters<S['check']>[1], opts: { isDemo?: boolean } = {}): Promise<ReturnType<S['present']>> {
  return db.transaction().execute((trx) => createRecordIn(trx, ctx, spec, input, opts));
}

/** The same inside a caller's transaction (imports run many of these, each under a savepoint). */
export async function createRecordIn<S extends AnySpec>(trx: Queryable, ctx: RequestContext, spec: S, input: Parameters<S['check']>[1], opts: { isDemo?: boolean } = {}): Promise<ReturnType<S['present']>> {
  await checkRefs(trx, ctx.scope, spec.refs(input));
  await checkScope(trx, ctx.scope, spec, input);
  const v = await spec.check(trx, input);
  const pairing = input.pairingId ? await repo.findPairing(trx, input.pairingId) : undefined;
  const own = spec.place(v).orgId;
  const owner = chooseOwner(ctx, input.owningOrgId, spec.ownerFirst === 'org' ? [own, pairing?.east_org_id] : [pairing?.east_org_id, own]);
  const id = await repo.insert(trx, spec.kind, { ...spec.toValues(v), owning_org_id: owner, is_demo: opts.isDemo ?? false });
  const created = await getRecord(trx, spec, ctx.scope, id);
  await writeAudit(trx, ctx, { entity: spec.entity, entityId: id, action: 'create', after: created });
  return created;
}

/** A PATCH is merged onto the stored record and the whole record checked again. */
export async function updateRecord<S extends AnySpec>(db: Db, ctx: RequestContext, spec: S, id: number, patch: Record<string, unknown>): Promise<ReturnType<S['present']>> {
  return db.transaction().execute(async (trx) => {
    const row = await findRow(trx, spec, ctx.scope, id);
    const before = (await present(trx, spec, [row]))[0];
    assertOwner(ctx, before, spec.label);
    await checkRefs(trx, ctx.scope, spec.refs(patch));
    if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId as number | null, []);
    const given = Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined));
    const merged = { ...spec.fromRow(row), ...spec.rederive?.(given), ...given };
    await checkScope(trx, ctx.scope, spec, merged);
    await repo.update(trx, spec.kind, id, { ...spec.toValues(await spec.check(trx, merged)), owning_org_id: merged.owningOrgId ?? null });
    const after = await getRecord(trx, spec, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: spec.entity, entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteRecord(db: Db, ctx: RequestContext, spec: AnySpec, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = (await present(trx, spec, [await findRow(trx, spec, ctx.scope, id)]))[0];
    assertOwner(ctx, before, spec.label);
    await repo.remove(trx, spec.kind, id);
    await writeAudit(trx, ctx, { entity: spec.entity, entityId: id, action: 'delete', before });
  });
}

// ---- totals per county and year (产业合作 in the assessment) ----

/** Areas are summed in hundredths of a 亩 (whole numbers), so no float drift creeps into the totals. */
type Sums = Omit<IndustryTotals, 'parks' | 'farming'> & { parks: Omit<IndustryTotals['parks'], 'areaMu'> & { area: number }; farming: Omit<IndustryTotals['farming'], 'acreageMu'> & { acreage: number } };

function blank(): Sums {
  return {
    enterprises: { count: 0, signedFen: 0, actualFen: 0, jobs: 0, poorEmployed: 0, monitoredEmployed: 0 },
    parks: { count: 0, area: 0, enterprises: 0, jobs: 0 },
    workshops: { count: 0, employees: 0, poorEmployed: 0, monitoredEmployed: 0 },
    farming: { count: 0, acreage: 0, households: 0, contractFen: 0 },
  };
}

function add(a: Sums, b: Partial<Sums>) {
  for (const part of Object.keys(b) as (keyof Sums)[]) {
    const from = b[part] as Record<string, number>;
    const into = a[part] as Record<string, number>;
    for (const k of Object.keys(from)) into[k] += from[k];
  }
}

const finish = (s: Sums): IndustryTotals => ({
  enterprises: s.enterprises,
  parks: { count: s.parks.count, areaMu: s.parks.area / 100, enterprises: s.parks.enterprises, jobs: s.parks.jobs },
  workshops: s.workshops,
  farming: { count: s.farming.count, acreageMu: s.farming.acreage / 100, households: s.farming.households, contractFen: s.farming.contractFen },
});

/**
 * Per county (in scope) and overall for the year: enterprises introduced (signed in the year) with
 * their investment and jobs, parks and bases established by its end, workshops open during it,
 * contract farming signed in it. `sources` names the lists that hold each figure's records.
 */
export async function industrySummary(q: Queryable, scope: Scope, f: { county?: string; year: number }): Promise<IndustrySummary> {
  const t = await repo.totals(q, scope, f.year, f.county);
  const counties = new Map<string, Sums>();
  const total = blank();
  const into = (county: string, part: Partial<Sums>) => {
    add(counties.get(county) ?? counties.set(county, blank()).get(county)!, part);
    add(total, part);
  };
  for (const r of t.enterprises) {
    into(r.county_code, { enterprises: { count: r.count, signedFen: Number(r.signed_fen), actualFen: Number(r.actual_fen), jobs: Number(r.jobs), poorEmployed: Number(r.poor), monitoredEmployed: Number(r.monitored) } });
  }
  for (const r of t.parks) into(r.county_code, { parks: { count: r.count, area: Number(r.area), enterprises: Number(r.enterprises), jobs: Number(r.jobs) } });
  for (const r of t.workshops) into(r.county_code, { workshops: { count: r.count, employees: Number(r.employees), poorEmployed: Number(r.poor), monitoredEmployed: Number(r.monitored) } });
  for (const r of t.farming) into(r.county_code, { farming: { count: r.count, acreage: Number(r.acreage), households: Number(r.households), contractFen: Number(r.contract_fen) } });
  const names = new Map((await regionsRepo.findByCodes(q, [...counties.keys()])).map((r) => [r.code, r.name]));
  const query = `?year=${f.year}${f.county ? `&county=${f.county}` : ''}`;
  return {
    year: f.year,
    county: f.county ?? null,
    counties: [...counties.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([countyCode, c]) => ({ countyCode, countyName: names.get(countyCode) ?? null, ...finish(c) })),
    total: finish(total),
    sources: {
      enterprises: `/industry/enterprises${query}`,
      parks: `/industry/parks${query}`,
      workshops: `/industry/workshops${query}`,
      farming: `/industry/contract-farming${query}`,
    },
  };
}
