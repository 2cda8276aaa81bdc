import type { Db, Queryable } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import { chooseOwner, assertOwner } from '../../platform/access/ownership.ts';
import * as repo from './indicators.entries.repository.ts';
import { BY_CODE, UNITS } from './indicators.definitions.ts';
import { resolveScope } from './indicators.scope.ts';
import { ENTRY_KINDS, type Entry, type EntryInput, type EntryKind, type EntryListQuery, type EntryPatch } from './indicators.entries.contract.ts';

const ENTITY: Record<EntryKind, string> = { target: 'indicator_target', reported: 'reported_figure' };

function present(r: repo.EntryRow, n: Awaited<ReturnType<typeof repo.names>>): Entry {
  const def = BY_CODE.get(r.indicator_code);
  const scopeName =
    r.scope_kind === 'city' ? '全市'
    : r.scope_kind === 'district' ? n.org.get(r.scope_org_id!) ?? '区'
    : r.scope_kind === 'pairing' ? n.pairing.get(r.scope_pairing_id!) ?? '结对关系'
    : n.region.get(r.scope_region_code!) ?? r.scope_region_code!;
  return {
    id: Number(r.id), kind: r.kind, indicatorCode: r.indicator_code, indicatorName: def?.name ?? r.indicator_code, unit: def ? UNITS[def.unit].label : '',
    scopeKind: r.scope_kind, scopeName, districtId: r.scope_org_id === null ? null : Number(r.scope_org_id), pairingId: r.scope_pairing_id === null ? null : Number(r.scope_pairing_id),
    regionCode: r.scope_region_code, year: r.year, quarter: r.quarter, month: r.month, value: Number(r.value), document: r.document, reportedOn: r.reported_on, note: r.note, createdBy: r.created_by, isDemo: r.is_demo,
  };
}

async function presentAll(q: Queryable, rows: repo.EntryRow[]) {
  const n = await repo.names(q, rows);
  return rows.map((r) => present(r, n));
}

export async function listEntries(q: Queryable, ctx: RequestContext, kind: EntryKind, f: EntryListQuery): Promise<Page<Entry>> {
  const { rows, total } = await repo.list(q, ctx.scope, kind, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  return { items: await presentAll(q, rows), total, page: f.page, pageSize: f.pageSize };
}

export async function getEntry(q: Queryable, ctx: RequestContext, kind: EntryKind, id: number): Promise<Entry> {
  const row = await repo.find(q, kind, id);
  if (!row) throw notFound(ENTRY_KINDS[kind], id);
  await visibleScope(q, ctx, row).catch(() => { throw notFound(ENTRY_KINDS[kind], id); });
  return (await presentAll(q, [row]))[0];
}

const scopeQueryOf = (r: Pick<repo.EntryRow, 'scope_kind' | 'scope_org_id' | 'scope_pairing_id' | 'scope_region_code'>) =>
  r.scope_kind === 'district' ? { district: Number(r.scope_org_id) } : r.scope_kind === 'pairing' ? { pairing: Number(r.scope_pairing_id) } : r.scope_kind === 'region' ? { region: r.scope_region_code! } : {};

async function visibleScope(q: Queryable, ctx: RequestContext, r: Pick<repo.EntryRow, 'scope_kind' | 'scope_org_id' | 'scope_pairing_id' | 'scope_region_code'>) {
  if (r.scope_kind === 'city') {
    if (!ctx.scope.all) throw invalidField('scopeKind', '全市范围的目标和填报数只能由市级（全市范围）用户登记');
    return;
  }
  await resolveScope(q, ctx, scopeQueryOf(r));
}

/** The input checked whole: a known indicator, a scope the caller may see, a period that fits the kind, a value in range. */
async function checked(q: Queryable, ctx: RequestContext, kind: EntryKind, input: EntryInput): Promise<repo.EntryValues> {
  const def = BY_CODE.get(input.indicatorCode);
  if (!def) throw invalidField('indicatorCode', `未知的指标代码「${input.indicatorCode}」`);
  if (def.unit === 'percent' && input.value > 100) throw invalidField('value', `「${def.name}」是百分比，数值应在 0–100 之间`);
  if (kind === 'target' && (input.quarter !== undefined || input.month !== undefined)) throw invalidField('quarter', '目标按年度设定，不填季度或月份');
  if (input.quarter !== undefined && input.month !== undefined) throw invalidField('quarter', '季度与月份只能填一个');
  const need = { district: 'districtId', pairing: 'pairingId', region: 'regionCode', city: null }[input.scopeKind];
  for (const f of ['districtId', 'pairingId', 'regionCode'] as const) {
    if (f === need && input[f] === undefined) throw invalidField(f, `范围为「${{ district: '区', pairing: '结对关系', region: '地区' }[input.scopeKind as 'district']}」时须填写`);
    if (f !== need && input[f] !== undefined) throw invalidField(f, '与所选范围类型不符，不应填写');
  }
  const v: repo.EntryValues = {
    kind, indicator_code: def.code, scope_kind: input.scopeKind, scope_org_id: input.districtId ?? null, scope_pairing_id: input.pairingId ?? null, scope_region_code: input.regionCode ?? null,
    year: input.year, quarter: input.quarter ?? null, month: input.month ?? null, value: Math.round(input.value * 1e6) / 1e6, document: input.document,
    reported_on: kind === 'reported' ? input.reportedOn ?? new Date().toISOString().slice(0, 10) : null, note: input.note ?? null,
    owning_org_id: chooseOwner(ctx, undefined, [input.districtId]), created_by: ctx.actor.name, is_demo: false,
  };
  try {
    await visibleScope(q, ctx, v);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw invalidField(need ?? 'scopeKind', '没有这个范围，或不在你的查看范围内');
    throw err;
  }
  return v;
}

async function noSecondTarget(q: Queryable, v: repo.EntryValues, exceptId?: number) {
  if (v.kind !== 'target') return;
  const other = await repo.sameTarget(q, v, exceptId);
  if (other) throw new AppError('CONFLICT', `该范围 ${v.year} 年已设定「${BY_CODE.get(v.indicator_code)!.name}」的目标（依据：${other.document}），请修改原目标`, [{ path: 'indicatorCode', message: '目标已存在' }]);
}

export async function createEntryIn(trx: Queryable, ctx: RequestContext, kind: EntryKind, input: EntryInput, opts: { isDemo?: boolean } = {}): Promise<Entry> {
  const v = { ...(await checked(trx, ctx, kind, input)), is_demo: !!opts.isDemo };
  await noSecondTarget(trx, v);
  const id = await repo.insert(trx, v);
  const created = (await presentAll(trx, [(await repo.find(trx, kind, id))!]))[0];
  await writeAudit(trx, ctx, { entity: ENTITY[kind], entityId: id, action: 'create', after: created });
  return created;
}

export const createEntry = (db: Db, ctx: RequestContext, kind: EntryKind, input: EntryInput) => inTransaction(db, (trx) => createEntryIn(trx, ctx, kind, input));

const inputOf = (r: repo.EntryRow): EntryInput => ({
  indicatorCode: r.indicator_code, scopeKind: r.scope_kind, districtId: r.scope_org_id ?? undefined, pairingId: r.scope_pairing_id ?? undefined, regionCode: r.scope_region_code ?? undefined,
  year: r.year, quarter: r.quarter ?? undefined, month: r.month ?? undefined, value: Number(r.value), document: r.document, reportedOn: r.reported_on ?? undefined, note: r.note ?? undefined,
});

export async function updateEntry(db: Db, ctx: RequestContext, kind: EntryKind, id: number, patch: EntryPatch): Promise<Entry> {
  return inTransaction(db, async (trx) => {
    const before = await getEntry(trx, ctx, kind, id);
    const row = (await repo.find(trx, kind, id))!;
    assertOwner(ctx, { owningOrgId: row.owning_org_id === null ? null : Number(row.owning_org_id) }, ENTRY_KINDS[kind], row.scope_region_code ? { regionCode: row.scope_region_code } : undefined);
    // A patch that changes the scope kind drops the old scope's id.
    const base = inputOf(row);
    const scoped = patch.scopeKind && patch.scopeKind !== base.scopeKind ? { ...base, districtId: undefined, pairingId: undefined, regionCode: undefined } : base;
    const merged = Object.fromEntries(Object.entries({ ...scoped, ...patch }).filter(([, x]) => x !== null)) as EntryInput;
    const v = { ...(await checked(trx, ctx, kind, merged)), owning_org_id: row.owning_org_id };
    await noSecondTarget(trx, v, id);
    await repo.update(trx, id, v);
    const after = (await presentAll(trx, [(await repo.find(trx, kind, id))!]))[0];
    await writeAudit(trx, ctx, { entity: ENTITY[kind], entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteEntry(db: Db, ctx: RequestContext, kind: EntryKind, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await getEntry(trx, ctx, kind, id);
    const row = (await repo.find(trx, kind, id))!;
    assertOwner(ctx, { owningOrgId: row.owning_org_id === null ? null : Number(row.owning_org_id) }, ENTRY_KINDS[kind], row.scope_region_code ? { regionCode: row.scope_region_code } : undefined);
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: ENTITY[kind], entityId: id, action: 'delete', before });
  });
}
