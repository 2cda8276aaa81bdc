import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import { assertOwner, chooseOwner } from '../../platform/access/ownership.ts';
import { checkRef } from '../references/references.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import * as repo from './labor.repository.ts';
import { rateOf, type KindSpec, type Names } from './labor.kinds.ts';
import { DESTINATIONS, type Destination, type LaborListQuery, type LaborSummary, type LaborTotals } from './labor.contract.ts';

/** The same list / read / create / update / delete for every labor record kind, each change in one transaction with its audit row. */
type AnySpec = KindSpec<any, any, any>;

/** Rows of the spec's own table (the generic repository returns them untyped by kind). */
async function present<S extends AnySpec>(q: Queryable, spec: S, rows: unknown[]): Promise<ReturnType<S['present']>[]> {
  const refs = rows.map((r) => spec.refs(r as never));
  const codes = [...new Set(refs.flatMap((x) => x.regions))];
  const names: Names = {
    regions: new Map((await regionsRepo.findByCodes(q, codes)).map((r) => [r.code, r.name])),
    orgs: await repo.orgNames(q, [...new Set([...refs.flatMap((x) => x.orgs), ...rows.map((r) => (r as { owning_org_id: number | null }).owning_org_id)].filter((x): x is number => !!x))]),
  };
  return rows.map((r) => spec.present(r as never, names));
}

export async function listRecords<S extends AnySpec>(q: Queryable, spec: S, scope: Scope, f: LaborListQuery): Promise<Page<ReturnType<S['present']>>> {
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

/** A change must land in the caller's scope: its county, its organisation, its place in Shanghai, or its pairing. */
async function checkScope(q: Queryable, scope: Scope, spec: AnySpec, v: { pairingId?: number | null }) {
  if (scope.all) return;
  const p = spec.place(v);
  if (regionInScope(scope, p.county) || (p.orgId && orgInScope(scope, p.orgId)) || regionInScope(scope, p.shanghai)) return;
  const pairing = v.pairingId ? await repo.findPairing(q, v.pairingId) : undefined;
  if (pairing && (orgInScope(scope, pairing.east_org_id) || orgInScope(scope, pairing.west_org_id))) return;
  throw new AppError('FORBIDDEN', `该${spec.label}不在您的数据范围内：受援县、单位或结对关系须属于您的范围`, [{ path: 'countyCode', message: '超出数据范围' }]);
}

export async function createRecord<S extends AnySpec>(db: Db, ctx: RequestContext, spec: S, input: Parameters<S['check']>[1], opts: { isDemo?: boolean } = {}): Promise<ReturnType<S['present']>> {
  return db.transaction().execute((trx) => createRecordIn(trx, ctx, spec, input, opts));
}

/** The same inside a caller's transaction (imports run many of these, each under a savepoint). */
export async function createRecordIn<S extends AnySpec>(trx: Queryable, ctx: RequestContext, spec: S, input: Parameters<S['check']>[1], opts: { isDemo?: boolean } = {}): Promise<ReturnType<S['present']>> {
  await checkRef(trx, ctx.scope, 'pairing', input.pairingId, 'pairingId');
  await checkScope(trx, ctx.scope, spec, input);
  const v = await spec.check(trx, input);
  const pairing = input.pairingId ? await repo.findPairing(trx, input.pairingId) : undefined;
  const owner = chooseOwner(ctx, input.owningOrgId, [spec.place(v).orgId, pairing?.east_org_id]);
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
    await checkRef(trx, ctx.scope, 'pairing', patch.pairingId as number | null | undefined, 'pairingId');
    if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId as number | null, []);
    const merged = { ...spec.fromRow(row), ...Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined)) };
    await checkScope(trx, ctx.scope, spec, merged);
    await repo.update(trx, spec.kind, id, { ...spec.toValues(await spec.check(trx, merged, id)), owning_org_id: merged.owningOrgId ?? null });
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

// ---- totals per county and year (劳务协作 in the assessment) ----

function blank(): LaborTotals {
  const destinations = Object.fromEntries(Object.keys(DESTINATIONS).map((d) => [d, { poor: 0, monitored: 0 }])) as Record<Destination, { poor: number; monitored: number }>;
  return {
    placements: { byDestination: destinations, total: { poor: 0, monitored: 0 } },
    fairs: { count: 0, employers: 0, jobsOffered: 0, attendees: 0, placed: 0 },
    retention: { cohorts: 0, placed: 0, employedAfter6m: 0, rate: null },
    workstations: 0,
  };
}

/** Adds b into a (rates are recomputed from the sums, never averaged). */
function add(a: LaborTotals, b: Omit<Partial<LaborTotals>, 'placements'> & { placements?: { destination: Destination; poor: number; monitored: number } }) {
  if (b.placements) {
    const { destination, poor, monitored } = b.placements;
    a.placements.byDestination[destination].poor += poor;
    a.placements.byDestination[destination].monitored += monitored;
    a.placements.total.poor += poor;
    a.placements.total.monitored += monitored;
  }
  if (b.fairs) for (const k of Object.keys(b.fairs) as (keyof LaborTotals['fairs'])[]) a.fairs[k] += b.fairs[k];
  if (b.retention) {
    a.retention.cohorts += b.retention.cohorts;
    a.retention.placed += b.retention.placed;
    a.retention.employedAfter6m += b.retention.employedAfter6m;
    a.retention.rate = rateOf(a.retention.employedAfter6m, a.retention.placed);
  }
  if (b.workstations) a.workstations += b.workstations;
}

/** Per county (in scope) and overall for the year: placements by destination, job fairs, retention rate, workstations open. */
export async function laborSummary(q: Queryable, scope: Scope, f: { county?: string; year: number }): Promise<LaborSummary> {
  const t = await repo.totals(q, scope, f.year, f.county);
  const counties = new Map<string, LaborTotals>();
  const total = blank();
  const into = (county: string, part: Parameters<typeof add>[1]) => {
    add(counties.get(county) ?? counties.set(county, blank()).get(county)!, part);
    add(total, part);
  };
  for (const r of t.placements) into(r.county_code, { placements: { destination: r.destination as Destination, poor: r.poor, monitored: r.monitored } });
  for (const r of t.fairs) into(r.county_code, { fairs: { count: r.count, employers: r.employers, jobsOffered: r.jobs_offered, attendees: r.attendees, placed: r.placed } });
  for (const r of t.retention) into(r.county_code, { retention: { cohorts: r.cohorts, placed: r.placed, employedAfter6m: r.employed, rate: null } });
  for (const r of t.workstations) into(r.county_code, { workstations: r.count });
  const names = new Map((await regionsRepo.findByCodes(q, [...counties.keys()])).map((r) => [r.code, r.name]));
  return {
    year: f.year,
    county: f.county ?? null,
    counties: [...counties.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([countyCode, c]) => ({ countyCode, countyName: names.get(countyCode) ?? null, ...c })),
    total,
  };
}
