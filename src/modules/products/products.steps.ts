import type { Db } from '../../platform/db/database.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import * as repo from './products.repository.ts';
import { DEPARTMENTS, END_REASONS, type ObjectionInput, type OpinionInput, type Product, type ResolveInput, type StepInput } from './products.contract.ts';
import { departmentLabel, getRules, runStep } from './products.service.ts';
import { addMonths, noticeEnd, todayInChina } from './products.workflow.ts';

/** 初审: one department's opinion (a department may revise its own until the decision). */
export function giveOpinion(db: Db, ctx: RequestContext, id: number, v: OpinionInput): Promise<Product> {
  return db.transaction().execute((trx) =>
    runStep(trx, ctx, id, 'opinion', { actedOn: v.givenOn }, async (_p, actedOn) => {
      await repo.upsertOpinion(trx, { product_id: id, department: v.department, agree: v.agree, comment: v.comment ?? null, given_on: actedOn, user_id: ctx.actor.id });
      return { comment: `${DEPARTMENTS[v.department]}：${v.agree ? '同意' : '不同意'}${v.comment ? `（${v.comment}）` : ''}` };
    }),
  );
}

/** 公示异议: received during the notice. */
export function recordObjection(db: Db, ctx: RequestContext, id: number, v: ObjectionInput): Promise<Product> {
  return db.transaction().execute((trx) =>
    runStep(trx, ctx, id, 'objection', { actedOn: v.receivedOn }, async (p, actedOn) => {
      if (p.noticeStart && actedOn < p.noticeStart) throw invalidField('receivedOn', `异议日期早于公示开始日 ${p.noticeStart}`);
      await repo.insertObjection(trx, { product_id: id, received_on: actedOn, objector: v.objector ?? null, content: v.content });
      return { comment: v.content };
    }),
  );
}

/** 异议处理: an upheld objection ends the certification (未通过); a dismissed one lets it go on. */
export function resolveObjection(db: Db, ctx: RequestContext, id: number, objectionId: number, v: ResolveInput): Promise<Product> {
  return db.transaction().execute((trx) =>
    runStep(trx, ctx, id, 'resolve_objection', { actedOn: v.resolvedOn }, async (p, actedOn) => {
      const o = p.objections.find((x) => x.id === objectionId);
      if (!o) throw invalidField('objectionId', `该产品没有编号为 ${objectionId} 的异议`);
      if (o.resolvedOn) throw new AppError('RULE_VIOLATION', `异议 ${objectionId} 已于 ${o.resolvedOn} 处理`);
      if (actedOn < o.receivedOn) throw invalidField('resolvedOn', `处理日期早于异议日期 ${o.receivedOn}`);
      await repo.resolveObjection(trx, objectionId, { upheld: v.upheld, resolution: v.resolution, resolved_on: actedOn });
      if (!v.upheld) return { comment: `异议不成立：${v.resolution}` };
      await repo.update(trx, id, { decision_reason: `公示异议成立：${v.resolution}`, ended_on: actedOn });
      return { to: 'rejected', comment: `异议成立：${v.resolution}` };
    }),
  );
}

/** The certifying office's steps: 审定, 公示, 认定, 年度复核, 下架, 重新上架, 撤销. */
export function takeStep(db: Db, ctx: RequestContext, id: number, v: StepInput): Promise<Product> {
  return db.transaction().execute(async (trx) => {
    const rules = await getRules(trx);
    // A notice is recorded on the day it starts unless a date is given (entered after the fact).
    const actedOn = v.action === 'start_notice' ? (v.actedOn ?? v.noticeStart) : v.actedOn;
    return runStep(trx, ctx, id, v.action, { ...v, actedOn }, async (p, on) => {
      switch (v.action) {
        case 'decide': {
          const missing = rules.requiredDepartments.filter((d) => !p.opinions.some((o) => o.department === d));
          if (missing.length) {
            throw new AppError('RULE_VIOLATION', `还缺 ${missing.map(departmentLabel).join('、')} 的初审意见，不能审定`, missing.map((d) => ({ path: `opinions.${d}`, message: '缺少部门意见' })));
          }
          const against = p.opinions.filter((o) => !o.agree);
          if (v.approve && against.length) {
            throw new AppError('RULE_VIOLATION', `${against.map((o) => departmentLabel(o.department)).join('、')} 初审不同意，不能审定通过`, [{ path: 'approve', message: '有部门不同意' }]);
          }
          await repo.update(trx, id, { decision_reason: v.reason, ...(v.approve ? {} : { ended_on: on }) });
          return { to: v.approve ? 'approved' : 'rejected', comment: v.reason };
        }
        case 'start_notice': {
          const days = v.noticeDays ?? rules.noticeDays;
          if (days < rules.noticeDays) throw invalidField('noticeDays', `公示期不得少于 ${rules.noticeDays} 天（现为 ${days} 天）`);
          const decided = p.steps.at(-1)!.actedOn;
          if (v.noticeStart < decided) throw invalidField('noticeStart', `公示开始日不能早于审定日期 ${decided}`);
          if (v.noticeStart > todayInChina()) throw invalidField('noticeStart', '公示开始日不能晚于今天');
          await repo.update(trx, id, { notice_start: v.noticeStart, notice_end: noticeEnd(v.noticeStart, days) });
          return { comment: v.comment ?? `公示 ${days} 天：${v.noticeStart} 至 ${noticeEnd(v.noticeStart, days)}` };
        }
        case 'certify': {
          if (!p.noticeEnd || on <= p.noticeEnd) throw new AppError('RULE_VIOLATION', `公示期至 ${p.noticeEnd} 结束，期满后（${p.noticeEnd ?? '—'} 之后）才能认定`, [{ path: 'actedOn', message: '公示期未满' }]);
          const open = p.objections.filter((o) => !o.resolvedOn);
          if (open.length) throw new AppError('RULE_VIOLATION', `还有 ${open.length} 条公示异议未处理，不能认定`, [{ path: 'objections', message: '异议未处理' }]);
          if (v.validUntil <= on) throw invalidField('validUntil', '有效期须晚于认定日期');
          const latest = addMonths(on, rules.maxValidMonths);
          if (v.validUntil > latest) throw invalidField('validUntil', `有效期最长 ${rules.maxValidMonths} 个月（至 ${latest}）`);
          await repo.update(trx, id, { batch_no: v.batchNo, certified_on: on, valid_until: v.validUntil, ended_on: null, end_reason: null });
          return { comment: v.comment ?? `认定批次 ${v.batchNo}，有效期至 ${v.validUntil}` };
        }
        case 'annual_review': {
          if (v.passed) {
            await repo.update(trx, id, { last_reviewed_on: on });
            return { comment: v.comment ?? '年度复核通过' };
          }
          if (!v.reason) throw invalidField('reason', '复核不通过须说明原因');
          await repo.update(trx, id, { last_reviewed_on: on, ended_on: on, end_reason: v.reason });
          return { to: 'delisted', comment: v.comment ?? `年度复核不通过：${END_REASONS[v.reason]}` };
        }
        case 'delist':
        case 'revoke':
          await repo.update(trx, id, { ended_on: on, end_reason: v.reason });
          return { comment: v.comment ?? END_REASONS[v.reason] };
        case 'relist':
          if (!p.validUntil || p.validUntil < on) throw new AppError('RULE_VIOLATION', `认定有效期已于 ${p.validUntil} 届满，须重新申请认定`);
          await repo.update(trx, id, { ended_on: null, end_reason: null });
          return;
      }
    });
  });
}
