import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import type { Action } from '../../platform/access/actions.ts';
import * as repo from './claims.repository.ts';
import { CLAIM_KINDS, type Claim, type ClaimKind, type ClaimListQuery } from './claims.contract.ts';

/** Confirming a figure is a change to that kind of record: it needs the kind's write permission. */
const WRITE: Record<ClaimKind, Action> = { sale: 'consumption:write', donation: 'activity:write', training: 'activity:write' };

const present = (r: repo.ClaimRow): Claim => ({
  kind: r.kind, id: Number(r.id), title: r.title, onDate: r.on_date, amountFen: r.amount_fen === null ? null : Number(r.amount_fen), namedUnit: r.named_unit,
  owningOrgName: r.owning_org_name, status: r.claim_status, note: r.claim_note, decidedBy: r.claim_decided_by,
});

/** Figures credited to my units awaiting my confirmation (incoming), or those my units credited to others, with what was decided (outgoing). */
export async function listClaims(q: Queryable, ctx: RequestContext, f: ClaimListQuery): Promise<Page<Claim>> {
  const { rows, total } = await repo.list(q, ctx.scope, f);
  return { items: rows.map(present), total, page: f.page, pageSize: f.pageSize };
}

/**
 * 确认 / 拒绝: the named unit (a user whose scope covers it, with the kind's write permission)
 * decides once; a refusal says why, and the creator sees it in its outgoing list and the audit.
 */
export async function decideClaim(db: Db, ctx: RequestContext, kind: ClaimKind, id: number, v: { status: 'confirmed' | 'refused'; reason?: string | null }): Promise<Claim> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.lockNamed(trx, kind, ctx.scope, id);
    if (!before) throw notFound(`待确认的${CLAIM_KINDS[kind]}`, id);
    if (!ctx.permissions.has(WRITE[kind])) throw new AppError('FORBIDDEN', `您的角色不能确认${CLAIM_KINDS[kind]}`);
    if (before.claim_status !== 'pending') {
      throw new AppError('RULE_VIOLATION', `该${CLAIM_KINDS[kind]}已${before.claim_status === 'confirmed' ? '确认' : '拒绝'}（${before.claim_decided_by ?? '登记时'}），不能重复处理`, [{ path: 'status', message: '已处理' }]);
    }
    await repo.decide(trx, kind, id, { status: v.status, note: v.reason ?? null, by: ctx.actor.name });
    const after = { ...present(before), status: v.status, note: v.reason ?? null, decidedBy: ctx.actor.name };
    await writeAudit(trx, ctx, { entity: kind, entityId: id, action: v.status === 'confirmed' ? 'claim:confirm' : 'claim:refuse', before: present(before), after });
    return after;
  });
}
