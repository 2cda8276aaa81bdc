import type { Db } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ACTIONS } from '../../platform/access/actions.ts';
import * as repo from './projects.repository.ts';
import { getProject } from './projects.service.ts';
import { PROJECT_STATUSES, type Project, type ProjectStatus, type TransitionInput } from './projects.contract.ts';
import { stepBetween, stepsFrom } from './projects.lifecycle.ts';

const FIELD_LABELS = { documentNo: '文号', approvedFen: '批复金额', comment: '说明' } as const;

/**
 * Moves a project one step along its lifecycle. Refused: a step the table does not allow from
 * here, a step the caller's role may not take, a missing required field, a date before the last
 * step, and the step's own checks (four clarities, open rectifications, registered assets).
 */
export async function transitionProject(db: Db, ctx: RequestContext, id: number, input: TransitionInput): Promise<Project> {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.lock(trx, id))) throw notFound('项目', id);
    const before = await getProject(trx, ctx, id);
    const from = before.status;
    const suspendedFrom = (await trx.selectFrom('projects').select('suspended_from').where('id', '=', id).executeTakeFirstOrThrow()).suspended_from as ProjectStatus | null;
    const step = stepBetween(from, input.to);
    const allowed = stepsFrom(from, suspendedFrom);
    if (!step || !allowed.includes(step)) {
      const options = allowed.map((s) => `${s.label}（→${PROJECT_STATUSES[s.to]}）`).join('、') || '无';
      throw new AppError('RULE_VIOLATION', `项目不能从「${PROJECT_STATUSES[from]}」直接变为「${PROJECT_STATUSES[input.to]}」。可进行的操作：${options}`, [{ path: 'to', message: '不允许的状态变化' }]);
    }
    if (!ctx.permissions.has(step.action)) {
      throw new AppError('FORBIDDEN', `没有权限进行「${step.label}」：需要「${ACTIONS[step.action]}」`, [{ path: 'to', message: '权限不足' }]);
    }
    for (const field of step.requires ?? []) {
      const value = input[field];
      if (value === undefined || value === null || value === '') throw invalidField(field, `「${step.label}」须填写${FIELD_LABELS[field]}`);
    }
    const last = before.history.at(-1);
    if (last && input.onDate < last.onDate) throw invalidField('onDate', `日期 ${input.onDate} 早于上一步「${PROJECT_STATUSES[last.to]}」的日期 ${last.onDate}`);
    if (input.onDate > new Date().toISOString().slice(0, 10)) throw invalidField('onDate', '日期不能晚于今天');

    for (const check of step.checks ?? []) {
      if (check === 'fourClarities' && before.missingForSubmission.length > 0) {
        throw new AppError('RULE_VIOLATION', `“四个明确”尚未满足，不能申报：${before.missingForSubmission.join('；')}`, before.missingForSubmission.map((m) => ({ path: m.match(/（(\w+)）$/)?.[1] ?? 'plan', message: m })));
      }
      if (check === 'noOpenRectifications' && (await repo.openRectifications(trx, id)) > 0) {
        throw new AppError('RULE_VIOLATION', `项目还有 ${before.openRectifications} 项问题整改未销号，不能验收`, [{ path: 'to', message: '有未完成的整改' }]);
      }
      if (check === 'assetsRegistered' && (await repo.assetCount(trx, id)) === 0) {
        throw new AppError('RULE_VIOLATION', '尚未登记项目资产，不能办理资产移交', [{ path: 'to', message: '缺少资产登记' }]);
      }
    }
    if (step.to === 'approved' && from === 'reviewed') {
      const approved = input.approvedFen!;
      if (approved <= 0) throw invalidField('approvedFen', '批复金额必须大于 0');
      if (approved > before.plannedFen) throw invalidField('approvedFen', `批复金额 ${(approved / 100).toFixed(2)} 元超过计划投资 ${(before.plannedFen / 100).toFixed(2)} 元`);
    }

    await repo.update(trx, id, {
      status: step.to,
      ...(step.to === 'suspended' && { suspended_from: from }),
      ...(from === 'suspended' && { suspended_from: null }),
      ...(step.to === 'approved' && from === 'reviewed' && { approved_fen: input.approvedFen!, approval_doc_no: input.documentNo! }),
    });
    await repo.insertTransition(trx, {
      project_id: id,
      from_status: from,
      to_status: step.to,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      on_date: input.onDate,
      document_no: input.documentNo ?? null,
      approved_fen: step.to === 'approved' ? (input.approvedFen ?? null) : null,
      comment: input.comment ?? null,
    });
    const after = await getProject(trx, ctx, id);
    await writeAudit(trx, ctx, { entity: 'project', entityId: id, action: `transition:${from}->${step.to}`, before: { status: from }, after: { status: step.to, onDate: input.onDate, documentNo: input.documentNo ?? null, comment: input.comment ?? null } });
    return after;
  });
}
