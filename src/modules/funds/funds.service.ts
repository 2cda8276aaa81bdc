import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ACTIONS, type Action } from '../../platform/access/actions.ts';
import * as projectsRepo from '../projects/projects.repository.ts';
import { FUNDABLE } from '../projects/projects.lifecycle.ts';
import { PROJECT_STATUSES, type ProjectStatus } from '../projects/projects.contract.ts';
import * as repo from './funds.repository.ts';
import { FUND_KINDS, type FundInput, type FundKind, type FundTransaction } from './funds.contract.ts';

const ACTION_OF: Record<FundKind, Action> = { allocate: 'fund:allocate', disburse: 'fund:record', spend: 'fund:record', return: 'fund:record' };
const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

async function present(q: Queryable, rows: repo.FundRow[]): Promise<FundTransaction[]> {
  const sigs = await repo.signaturesOf(q, rows.map((r) => r.id));
  return rows.map((r) => toTransaction(r, sigs.filter((s) => s.transaction_id === r.id)));
}

/** A stored transaction with its signatures, as the API shows it (and the audit records it). */
export function toTransaction(r: repo.FundRow, sigs: Awaited<ReturnType<typeof repo.signaturesOf>>): FundTransaction {
  return {
    id: r.id,
    projectId: r.project_id,
    kind: r.kind,
    amountFen: Number(r.amount_fen),
    onDate: r.on_date,
    documentNo: r.document_no,
    note: r.note,
    status: r.status,
    signatures: sigs.map((s) => ({ userId: s.user_id, displayName: s.display_name, side: s.side, signedAt: s.signed_at.toISOString() })),
    createdAt: r.created_at.toISOString(),
  };
}

async function projectInScope(q: Queryable, ctx: RequestContext, projectId: number) {
  const row = await projectsRepo.findById(q, ctx.scope, projectId);
  if (!row) throw notFound('项目', projectId);
  return row;
}

export async function listTransactions(q: Queryable, ctx: RequestContext, projectId: number): Promise<FundTransaction[]> {
  await projectInScope(q, ctx, projectId);
  return present(q, await repo.listForProject(q, projectId));
}

type Sums = projectsRepo.FundSums;

/**
 * The money invariants, checked under the project's row lock so concurrent requests cannot both
 * pass: allocated ≤ approved; disbursed (effective and pending) ≤ allocated; spent ≤ disbursed − returned;
 * returned ≤ disbursed − spent.
 */
export function checkInvariant(kind: FundKind, amount: number, approved: number, s: Sums) {
  const net = s.disbursed - s.returned;
  if (kind === 'allocate' && s.allocated + amount > approved) {
    throw invalidField('amountFen', `下达后累计 ${yuan(s.allocated + amount)}，超过批复金额 ${yuan(approved)}`);
  }
  if (kind === 'disburse' && s.disbursed + s.pendingDisbursement + amount > s.allocated) {
    throw invalidField('amountFen', `拨付后累计 ${yuan(s.disbursed + s.pendingDisbursement + amount)}（含待会签 ${yuan(s.pendingDisbursement)}），超过已下达 ${yuan(s.allocated)}`);
  }
  if (kind === 'spend' && s.spent + amount > net) {
    throw invalidField('amountFen', `支出后累计 ${yuan(s.spent + amount)}，超过已拨付（扣除退回）${yuan(net)}`);
  }
  if (kind === 'return' && amount > net - s.spent) {
    throw invalidField('amountFen', `退回 ${yuan(amount)} 超过已拨付未支出的 ${yuan(net - s.spent)}`);
  }
}

/** A disbursement waits for its two signatures (会签); every other kind counts at once. */
export const initialStatus = (kind: FundKind): 'pending' | 'effective' => (kind === 'disburse' ? 'pending' : 'effective');

/** The project's sums once a new transaction of that kind is recorded (a sheet's later rows are checked against them). */
export function countIn(s: Sums, kind: FundKind, amount: number): void {
  if (kind === 'allocate') s.allocated += amount;
  else if (kind === 'disburse') s.pendingDisbursement += amount;
  else if (kind === 'spend') s.spent += amount;
  else s.returned += amount;
}

/** Who may record it: 下达 needs fund:allocate, the others fund:record. */
export function checkMayRecord(ctx: RequestContext, kind: FundKind) {
  const action = ACTION_OF[kind];
  if (!ctx.permissions.has(action)) throw new AppError('FORBIDDEN', `没有权限登记「${FUND_KINDS[kind]}」：需要「${ACTIONS[action]}」`);
}

/** Money moves only between approval and the handover of assets. */
export function checkFundable(status: ProjectStatus) {
  if (!FUNDABLE.includes(status)) {
    throw new AppError('RULE_VIOLATION', `项目处于「${PROJECT_STATUSES[status]}」状态，不能登记资金：资金往来须在批复之后、资产移交之前`, [{ path: 'kind', message: '项目状态不允许' }]);
  }
}

export async function addTransaction(db: Db, ctx: RequestContext, projectId: number, input: FundInput): Promise<FundTransaction> {
  return db.transaction().execute((trx) => addTransactionIn(trx, ctx, projectId, input));
}

/** The same inside a caller's transaction. */
export async function addTransactionIn(trx: Queryable, ctx: RequestContext, projectId: number, input: FundInput): Promise<FundTransaction> {
  checkMayRecord(ctx, input.kind);
  await projectInScope(trx, ctx, projectId);
  await projectsRepo.lock(trx, projectId);
  const project = (await projectsRepo.findById(trx, ctx.scope, projectId))!;
  checkFundable(project.status as ProjectStatus);
  checkInvariant(input.kind, input.amountFen, project.approved_fen ?? 0, await projectsRepo.fundSums(trx, projectId));
  const id = await repo.insert(trx, transactionRow(ctx, projectId, project.county_code, input));
  const [created] = await present(trx, [(await repo.findById(trx, id))!]);
  await writeAudit(trx, ctx, { entity: 'fund_transaction', entityId: id, action: 'create', after: created });
  return created;
}

/** The stored row of a new transaction whose rules have passed. */
export function transactionRow(ctx: RequestContext, projectId: number, countyCode: string, input: FundInput): repo.FundValues {
  return {
    project_id: projectId,
    county_code: countyCode,
    kind: input.kind,
    amount_fen: input.amountFen,
    on_date: input.onDate,
    document_no: input.documentNo ?? null,
    note: input.note ?? null,
    status: initialStatus(input.kind),
    created_by: ctx.actor.id,
  };
}

/**
 * 会签拨付: a disbursement counts once two distinct people have signed it, one of the county side
 * (受援方) and one of the Shanghai side (帮扶方), each holding fund:cosign. The side is the signer's organisation's.
 */
export async function cosign(db: Db, ctx: RequestContext, transactionId: number): Promise<FundTransaction> {
  return db.transaction().execute(async (trx) => {
    const tx = await repo.findById(trx, transactionId);
    if (!tx) throw notFound('资金记录', transactionId);
    await projectInScope(trx, ctx, tx.project_id);
    await projectsRepo.lock(trx, tx.project_id);
    const fresh = (await repo.findById(trx, transactionId))!;
    if (fresh.kind !== 'disburse') throw new AppError('RULE_VIOLATION', '只有拨付需要会签');
    if (fresh.status === 'effective') throw new AppError('CONFLICT', '该笔拨付已完成会签');
    const side = await repo.signerSide(trx, ctx.actor.id!);
    if (!side) throw new AppError('RULE_VIOLATION', '您的账号未关联单位，无法确定会签方（受援方或帮扶方）');
    const existing = await repo.signaturesOf(trx, [transactionId]);
    if (existing.some((s) => s.user_id === ctx.actor.id)) {
      throw new AppError('CONFLICT', '您已签署过这笔拨付：会签须由另一人完成', [{ path: 'signature', message: '同一人不能签两次' }]);
    }
    if (existing.some((s) => s.side === side)) {
      throw new AppError('CONFLICT', `这笔拨付已有${side === 'east' ? '帮扶方（上海）' : '受援方'}签名，还需${side === 'east' ? '受援方' : '帮扶方（上海）'}签名`, [{ path: 'signature', message: '同一方不能签两次' }]);
    }
    await repo.sign(trx, transactionId, ctx.actor.id!, side);
    if (existing.length + 1 >= 2) {
      const sums = await projectsRepo.fundSums(trx, fresh.project_id);
      if (sums.disbursed + Number(fresh.amount_fen) > sums.allocated) throw invalidField('amountFen', `会签后已拨付将超过已下达 ${yuan(sums.allocated)}`);
      await repo.makeEffective(trx, transactionId);
    }
    const [after] = await present(trx, [(await repo.findById(trx, transactionId))!]);
    await writeAudit(trx, ctx, { entity: 'fund_transaction', entityId: transactionId, action: after.status === 'effective' ? 'cosign_complete' : 'cosign', after });
    return after;
  });
}
