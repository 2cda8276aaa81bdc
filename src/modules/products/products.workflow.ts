import type { Action } from '../../platform/access/actions.ts';
import type { Status } from './products.contract.ts';

/**
 * Product certification as data: 申请 → 初审 (each required department's opinion) → 审定 → 公示
 * (objections recorded and resolved) → 认定 (batch, valid until) → 年度复核; 下架/重新上架, 撤销 and
 * 到期 on the side. Each step names the statuses it starts from, where it leads and the permission
 * it needs; the checks (by name) are the service's. Steps that keep the status (an opinion, an
 * objection) are steps too, so the history has them.
 */
export type StepAction =
  | 'edit' | 'withdraw' | 'opinion' | 'decide' | 'start_notice' | 'objection' | 'resolve_objection'
  | 'certify' | 'annual_review' | 'delist' | 'relist' | 'revoke' | 'expire';

export interface WorkflowStep {
  action: StepAction;
  from: Status[];
  /** null: the status stays (or the service decides between outcomes, e.g. 审定 approve/reject). */
  to: Status | null;
  permission: Action;
  checks?: ('allOpinions' | 'noticeLongEnough' | 'noticeOver' | 'noOpenObjections' | 'validity' | 'stillValid')[];
}

const LIVE: Status[] = ['applied', 'reviewing', 'approved', 'notice', 'certified', 'delisted'];

export const WORKFLOW: WorkflowStep[] = [
  { action: 'edit', from: ['applied', 'reviewing'], to: null, permission: 'consumption:write' },
  { action: 'withdraw', from: ['applied'], to: null, permission: 'consumption:write' },
  { action: 'opinion', from: ['applied', 'reviewing'], to: 'reviewing', permission: 'consumption:review' },
  { action: 'decide', from: ['reviewing'], to: null, permission: 'consumption:certify', checks: ['allOpinions'] },
  { action: 'start_notice', from: ['approved'], to: 'notice', permission: 'consumption:certify', checks: ['noticeLongEnough'] },
  { action: 'objection', from: ['notice'], to: null, permission: 'consumption:review' },
  { action: 'resolve_objection', from: ['notice'], to: null, permission: 'consumption:certify' },
  { action: 'certify', from: ['notice'], to: 'certified', permission: 'consumption:certify', checks: ['noticeOver', 'noOpenObjections', 'validity'] },
  { action: 'annual_review', from: ['certified'], to: null, permission: 'consumption:certify' },
  { action: 'delist', from: ['certified'], to: 'delisted', permission: 'consumption:certify' },
  { action: 'relist', from: ['delisted'], to: 'certified', permission: 'consumption:certify', checks: ['stillValid'] },
  { action: 'revoke', from: LIVE.filter((s) => s !== 'applied' && s !== 'reviewing'), to: 'revoked', permission: 'consumption:certify' },
  { action: 'expire', from: ['certified', 'delisted'], to: 'expired', permission: 'consumption:certify' },
];

export const stepOf = (action: StepAction) => WORKFLOW.find((s) => s.action === action)!;

/** The steps a caller holding `permissions` may take on a product in `status` (expiry is the system's). */
export function nextActions(status: Status, permissions: ReadonlySet<Action>): StepAction[] {
  return WORKFLOW.filter((s) => s.action !== 'expire' && s.from.includes(status) && permissions.has(s.permission)).map((s) => s.action);
}

/** The last day of a notice that starts on `start` and runs `days` calendar days. */
export function noticeEnd(start: string, days: number): string {
  return addDays(start, days - 1);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Today in China (the offices' calendar), whatever the server's time zone. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
}
