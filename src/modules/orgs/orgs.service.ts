import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { ALL, orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import { withPaths } from '../regions/regions.service.ts';
import * as repo from './orgs.repository.ts';
import type { Org, OrgInput, OrgListQuery, OrgLookupItem, OrgPatch, OrgType } from './orgs.contract.ts';

async function present(q: Queryable, rows: repo.OrgRow[]): Promise<Org[]> {
  const codes = [...new Set(rows.map((r) => r.region_code).filter((c): c is string => !!c))];
  const regions = new Map((await withPaths(q, await regionsRepo.findByCodes(q, codes))).map((r) => [r.code, r]));
  return rows.map((r) => {
    const region = r.region_code ? regions.get(r.region_code) : undefined;
    return {
      id: r.id,
      name: r.name,
      type: r.type as OrgType,
      side: r.side,
      regionCode: r.region_code,
      region: region ? { code: region.code, name: region.name, level: region.level, fullName: region.fullName } : null,
      parentId: r.parent_id,
      parentName: r.parent_name,
      aliases: r.aliases,
      note: r.note,
      isDemo: r.is_demo,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  });
}

/** One organisation; outside the caller's scope it does not exist (404, so its existence does not leak). */
export async function getOrg(q: Queryable, id: number, scope: Scope = ALL): Promise<Org> {
  const row = await repo.findById(q, id);
  if (!row || !orgInScope(scope, id)) throw notFound('组织', id);
  return (await present(q, [row]))[0];
}

export async function listOrgs(q: Queryable, scope: Scope, f: OrgListQuery): Promise<Page<Org>> {
  const { rows, total } = await repo.list(q, scope, f);
  return { items: await present(q, rows), total, page: f.page, pageSize: f.pageSize };
}

/** Region must exist; parent must exist, be on the same side, and not be the org itself or below it. */
async function checkReferences(q: Queryable, input: OrgPatch & { side?: 'east' | 'west' }, selfId?: number) {
  if (input.regionCode) {
    const found = await regionsRepo.existingCodes(q, [input.regionCode]);
    if (!found.has(input.regionCode)) throw invalidField('regionCode', `未知的区划代码 ${input.regionCode}`);
  }
  if (input.parentId) {
    const parent = await repo.findById(q, input.parentId);
    if (!parent) throw invalidField('parentId', `上级组织 ${input.parentId} 不存在`);
    if (input.side && parent.side !== input.side) {
      throw invalidField('parentId', `上级组织「${parent.name}」属于${parent.side === 'east' ? '帮扶方' : '受援方'}，与本组织不在同一方`);
    }
    if (selfId && (await repo.ancestorIds(q, input.parentId)).includes(selfId)) {
      throw invalidField('parentId', '上级组织不能是本组织或其下级组织');
    }
  }
  if (input.name && (await repo.findByName(q, input.name, selfId))) {
    throw new AppError('CONFLICT', `已有同名组织「${input.name}」`, [{ path: 'name', message: '名称已被使用' }]);
  }
}

/** A new or moved organisation must land inside the caller's scope: under an org of it, or in a region of it. */
function checkPlacement(scope: Scope, p: { parentId?: number | null; regionCode?: string | null }) {
  if (scope.all) return;
  if (p.parentId ? orgInScope(scope, p.parentId) : regionInScope(scope, p.regionCode)) return;
  throw new AppError('FORBIDDEN', '该组织不在您的数据范围内：上级组织或所在区划须属于您的范围', [{ path: p.parentId ? 'parentId' : 'regionCode', message: '超出数据范围' }]);
}

export async function createOrg(db: Db, ctx: RequestContext, input: OrgInput, opts: { isDemo?: boolean } = {}): Promise<Org> {
  checkPlacement(ctx.scope, input);
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, input);
    const id = await repo.insert(trx, {
      name: input.name,
      type: input.type,
      side: input.side,
      region_code: input.regionCode ?? null,
      parent_id: input.parentId ?? null,
      aliases: [...new Set(input.aliases)],
      note: input.note ?? null,
      is_demo: opts.isDemo ?? false,
    });
    const created = await getOrg(trx, id);
    await writeAudit(trx, ctx, { entity: 'org', entityId: id, action: 'create', after: created });
    return created;
  });
}

export async function updateOrg(db: Db, ctx: RequestContext, id: number, patch: OrgPatch): Promise<Org> {
  return db.transaction().execute(async (trx) => {
    const before = await getOrg(trx, id, ctx.scope);
    if (patch.parentId !== undefined || patch.regionCode !== undefined) {
      checkPlacement(ctx.scope, { parentId: patch.parentId === undefined ? before.parentId : patch.parentId, regionCode: patch.regionCode === undefined ? before.regionCode : patch.regionCode });
    }
    const side = patch.side ?? before.side;
    await checkReferences(trx, { ...patch, side, parentId: patch.parentId === undefined ? before.parentId : patch.parentId }, id);
    if (patch.side && patch.side !== before.side) {
      const deps = await repo.countDependents(trx, id);
      if (deps.pairings > 0) throw invalidField('side', `该组织已有 ${deps.pairings} 个结对关系，不能改变帮扶方/受援方`);
    }
    await repo.update(trx, id, {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.side !== undefined && { side: patch.side }),
      ...(patch.regionCode !== undefined && { region_code: patch.regionCode }),
      ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
      ...(patch.aliases !== undefined && { aliases: [...new Set(patch.aliases)] }),
      ...(patch.note !== undefined && { note: patch.note }),
    });
    const after = await getOrg(trx, id);
    await writeAudit(trx, ctx, { entity: 'org', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteOrg(db: Db, ctx: RequestContext, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getOrg(trx, id, ctx.scope);
    const deps = await repo.countDependents(trx, id);
    if (deps.children > 0 || deps.pairings > 0) {
      throw new AppError('CONFLICT', `组织「${before.name}」还有 ${deps.children} 个下级组织、${deps.pairings} 个结对关系，不能删除`);
    }
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'org', entityId: id, action: 'delete', before });
  });
}

/** Resolves an id, a name or an alias to one organisation, or says why it cannot. */
export async function resolveOrg(q: Queryable, text: string): Promise<{ id: number; name: string }> {
  if (/^\d+$/.test(text)) return getOrg(q, Number(text));
  const found = await repo.findByNameOrAlias(q, text.trim());
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new AppError('NOT_FOUND', `找不到组织「${text}」（按名称或简称）`, [{ path: 'org', message: '无匹配的组织' }]);
  throw new AppError('VALIDATION', `组织「${text}」有多个匹配：${found.map((o) => `${o.name}（${o.id}）`).join('；')}。请使用编号。`, [
    { path: 'org', message: '名称有歧义' },
  ]);
}

/** For imports: a cell naming an organisation (name or alias) → its id; the error names the column's field. */
export async function orgIdByName(q: Queryable, text: string | null | undefined, field: string): Promise<number | null> {
  if (!text) return null;
  return pickOrgId(await repo.findByNameOrAlias(q, String(text).trim()), text, field);
}

/** The one organisation a name or alias names (the organisations found for it, by id); 400 on the field when none or several. */
export function pickOrgId(found: { id: number }[], text: string, field: string): number {
  if (found.length === 0) throw invalidField(field, `找不到组织「${text}」`);
  if (found.length > 1) throw invalidField(field, `「${text}」对应多个组织，请写全称`);
  return found[0].id;
}

/** Name or alias search across every organisation, for pickers (a district pairs with units outside its scope). */
export async function lookupOrgs(q: Queryable, f: { q?: string; side?: 'east' | 'west'; limit: number }): Promise<{ items: OrgLookupItem[] }> {
  const { rows } = await repo.list(q, ALL, { q: f.q, side: f.side, page: 1, pageSize: f.limit, sort: 'name', order: 'asc' });
  const regions = new Map((await withPaths(q, await regionsRepo.findByCodes(q, rows.map((r) => r.region_code).filter((c): c is string => !!c)))).map((r) => [r.code, r.fullName]));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, side: r.side, type: r.type as OrgType, regionCode: r.region_code, regionFullName: r.region_code ? (regions.get(r.region_code) ?? null) : null })) };
}
