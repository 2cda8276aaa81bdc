import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { ALL, orgInScope, type Scope } from '../../platform/access/scope.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import * as orgsRepo from '../orgs/orgs.repository.ts';
import * as repo from './pairings.repository.ts';
import type { Agreement, AgreementInput, OrgGraph, Pairing, PairingInput, PairingListQuery, PairingPatch, PairingType } from './pairings.contract.ts';
import { PAIRING_TYPES } from './pairings.contract.ts';

async function present(q: Queryable, rows: repo.PairingRow[]): Promise<Pairing[]> {
  const codes = [...new Set(rows.flatMap((r) => [r.east_region, r.west_region]).filter((c): c is string => !!c))];
  const names = new Map((await regionsRepo.findByCodes(q, codes)).map((r) => [r.code, r.name]));
  const side = (id: number, name: string, type: string, region: string | null) => ({
    id, name, type, regionCode: region, regionName: region ? (names.get(region) ?? null) : null,
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.type as PairingType,
    eastOrg: side(r.east_id, r.east_name, r.east_type, r.east_region),
    westOrg: side(r.west_id, r.west_name, r.west_type, r.west_region),
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    note: r.note,
    isDemo: r.is_demo,
    agreementCount: Number(r.agreement_count),
    pledgedFen: Number(r.pledged_fen),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** One pairing; outside the caller's scope (neither side in it) it does not exist. */
export async function getPairing(q: Queryable, id: number, scope: Scope = ALL): Promise<Pairing> {
  const row = await repo.findById(q, id, scope);
  if (!row) throw notFound('结对关系', id);
  return (await present(q, [row]))[0];
}

export async function listPairings(q: Queryable, scope: Scope, f: PairingListQuery): Promise<Page<Pairing>> {
  const orgIds = f.org ? (await orgsRepo.subtree(q, f.org)).map((u) => u.id) : undefined;
  const { rows, total } = await repo.list(
    q,
    { scope, type: f.type, status: f.status, orgIds, region: f.region, year: f.year, q: f.q },
    { offset: (f.page - 1) * f.pageSize, limit: f.pageSize, sort: f.sort, order: f.order },
  );
  return { items: await present(q, rows), total, page: f.page, pageSize: f.pageSize };
}

/**
 * The rules of a pairing: an east (帮扶方) unit with a west (受援方) unit, and never the same two
 * units twice with the same type over overlapping dates. Both org rows are locked so two
 * concurrent requests cannot both pass the overlap check.
 */
async function checkPairing(trx: Queryable, scope: Scope, p: { type: string; eastOrgId: number; westOrgId: number; startDate: string; endDate: string | null }, exceptId?: number) {
  if (p.endDate && p.endDate < p.startDate) throw invalidField('endDate', '结束日期不能早于开始日期');
  if (!orgInScope(scope, p.eastOrgId) && !orgInScope(scope, p.westOrgId)) {
    throw new AppError('FORBIDDEN', '结对的帮扶方和受援方都不在您的数据范围内', [{ path: 'eastOrgId', message: '超出数据范围' }]);
  }
  const orgs = await orgsRepo.lockById(trx, [p.eastOrgId, p.westOrgId]);
  const east = orgs.find((o) => o.id === p.eastOrgId);
  const west = orgs.find((o) => o.id === p.westOrgId);
  if (!east) throw invalidField('eastOrgId', `帮扶方组织 ${p.eastOrgId} 不存在`);
  if (!west) throw invalidField('westOrgId', `受援方组织 ${p.westOrgId} 不存在`);
  if (east.side !== 'east') throw invalidField('eastOrgId', `「${east.name}」是受援方组织，不能作为帮扶方`);
  if (west.side !== 'west') throw invalidField('westOrgId', `「${west.name}」是帮扶方组织，不能作为受援方（两个帮扶方单位不能结对）`);
  const overlapping = await repo.findOverlapping(trx, p, exceptId);
  if (overlapping.length > 0) {
    const o = overlapping[0];
    throw new AppError(
      'CONFLICT',
      `「${east.name}」与「${west.name}」已有${PAIRING_TYPES[p.type as PairingType]}结对（编号 ${o.id}，${o.start_date} 至 ${o.end_date ?? '今'}），日期重叠`,
      [{ path: 'startDate', message: '与已有结对的日期重叠' }],
      { existingId: o.id },
    );
  }
}

export async function createPairing(db: Db, ctx: RequestContext, input: PairingInput, opts: { isDemo?: boolean } = {}): Promise<Pairing> {
  return db.transaction().execute(async (trx) => {
    const endDate = input.endDate ?? null;
    await checkPairing(trx, ctx.scope, { ...input, endDate });
    const id = await repo.insert(trx, {
      type: input.type,
      east_org_id: input.eastOrgId,
      west_org_id: input.westOrgId,
      start_date: input.startDate,
      end_date: endDate,
      status: input.status,
      note: input.note ?? null,
      is_demo: opts.isDemo ?? false,
    });
    const created = await getPairing(trx, id);
    await writeAudit(trx, ctx, { entity: 'pairing', entityId: id, action: 'create', after: created });
    return created;
  });
}

export async function updatePairing(db: Db, ctx: RequestContext, id: number, patch: PairingPatch): Promise<Pairing> {
  return db.transaction().execute(async (trx) => {
    const before = await getPairing(trx, id, ctx.scope);
    const next = {
      type: patch.type ?? before.type,
      eastOrgId: patch.eastOrgId ?? before.eastOrg.id,
      westOrgId: patch.westOrgId ?? before.westOrg.id,
      startDate: patch.startDate ?? before.startDate,
      endDate: patch.endDate === undefined ? before.endDate : patch.endDate,
    };
    await checkPairing(trx, ctx.scope, next, id);
    await repo.update(trx, id, {
      type: next.type,
      east_org_id: next.eastOrgId,
      west_org_id: next.westOrgId,
      start_date: next.startDate,
      end_date: next.endDate,
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.note !== undefined && { note: patch.note }),
    });
    const after = await getPairing(trx, id);
    await writeAudit(trx, ctx, { entity: 'pairing', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deletePairing(db: Db, ctx: RequestContext, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getPairing(trx, id, ctx.scope);
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'pairing', entityId: id, action: 'delete', before });
  });
}

// ---- agreements (协议) ----

const presentAgreement = (a: repo.AgreementRow): Agreement => ({
  id: a.id,
  pairingId: a.pairing_id,
  year: a.year,
  title: a.title,
  signedOn: a.signed_on,
  pledgedFen: Number(a.pledged_fen),
  documentNo: a.document_no,
  note: a.note,
});

export async function listAgreements(q: Queryable, scope: Scope, pairingId: number): Promise<Agreement[]> {
  await getPairing(q, pairingId, scope);
  return (await repo.listAgreements(q, pairingId)).map(presentAgreement);
}

/** An agreement is in scope when its pairing is. */
async function getAgreement(q: Queryable, id: number, scope: Scope): Promise<Agreement> {
  const row = await repo.findAgreement(q, id);
  if (!row || !(await repo.findById(q, row.pairing_id, scope))) throw notFound('协议', id);
  return presentAgreement(row);
}

function checkSignedInYear(a: { year?: number; signedOn?: string | null }) {
  if (a.year && a.signedOn && Math.abs(Number(a.signedOn.slice(0, 4)) - a.year) > 1) {
    throw invalidField('signedOn', `签订日期 ${a.signedOn} 与协议年度 ${a.year} 相差过大`);
  }
}

/** An agreement under a pairing, in the caller's transaction (a bulletin's 签约 item is recorded with its activity). */
export async function createAgreementIn(q: Queryable, ctx: RequestContext, pairingId: number, input: AgreementInput): Promise<Agreement> {
  checkSignedInYear(input);
  await getPairing(q, pairingId, ctx.scope);
  const id = await repo.insertAgreement(q, {
    pairing_id: pairingId,
    year: input.year,
    title: input.title ?? null,
    signed_on: input.signedOn ?? null,
    pledged_fen: input.pledgedFen,
    document_no: input.documentNo ?? null,
    note: input.note ?? null,
  });
  const created = await getAgreement(q, id, ctx.scope);
  await writeAudit(q, ctx, { entity: 'agreement', entityId: id, action: 'create', after: created });
  return created;
}

export const createAgreement = (db: Db, ctx: RequestContext, pairingId: number, input: AgreementInput): Promise<Agreement> =>
  db.transaction().execute((trx) => createAgreementIn(trx, ctx, pairingId, input));

export async function updateAgreement(db: Db, ctx: RequestContext, id: number, patch: Partial<AgreementInput>): Promise<Agreement> {
  return db.transaction().execute(async (trx) => {
    const before = await getAgreement(trx, id, ctx.scope);
    checkSignedInYear({ year: patch.year ?? before.year, signedOn: patch.signedOn === undefined ? before.signedOn : patch.signedOn });
    await repo.updateAgreement(trx, id, {
      ...(patch.year !== undefined && { year: patch.year }),
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.signedOn !== undefined && { signed_on: patch.signedOn }),
      ...(patch.pledgedFen !== undefined && { pledged_fen: patch.pledgedFen }),
      ...(patch.documentNo !== undefined && { document_no: patch.documentNo }),
      ...(patch.note !== undefined && { note: patch.note }),
    });
    const after = await getAgreement(trx, id, ctx.scope);
    await writeAudit(trx, ctx, { entity: 'agreement', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteAgreement(db: Db, ctx: RequestContext, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getAgreement(trx, id, ctx.scope);
    await repo.removeAgreement(trx, id);
    await writeAudit(trx, ctx, { entity: 'agreement', entityId: id, action: 'delete', before });
  });
}

// ---- the pairing graph of an east unit ----

export async function orgGraphOf(q: Queryable, scope: Scope, orgId: number, year?: number): Promise<OrgGraph> {
  const units = await orgsRepo.subtree(q, orgId);
  if (units.length === 0 || !orgInScope(scope, orgId)) throw notFound('组织', orgId);
  const ids = new Set(units.map((u) => u.id));
  const pairings = await present(q, await repo.all(q, { scope, orgIds: [...ids], year }));
  const counterparts = new Map<number, OrgGraph['counterparts'][number]>();
  for (const p of pairings) {
    const other = ids.has(p.eastOrg.id) ? p.westOrg : p.eastOrg;
    const entry = counterparts.get(other.id) ?? { orgId: other.id, name: other.name, regionCode: other.regionCode, regionName: other.regionName, pairingTypes: [] };
    if (!entry.pairingTypes.includes(p.type)) entry.pairingTypes.push(p.type);
    counterparts.set(other.id, entry);
  }
  return {
    org: { id: units[0].id, name: units[0].name },
    units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id, depth: u.depth })),
    pairings,
    counterparts: [...counterparts.values()],
  };
}
