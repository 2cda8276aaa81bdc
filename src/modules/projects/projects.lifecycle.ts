import type { Action } from '../../platform/access/actions.ts';
import type { ProjectStatus } from './projects.contract.ts';

/**
 * The project lifecycle as data: 储备 → 申报 → 评审 → 批复 → 实施 → 完工 → 验收 → 资产移交,
 * with 退回 (back to the reserve for revision), 暂停/恢复 and 撤销 on the side. Each step names the
 * action it needs and the fields it requires; the service enforces them and records every step.
 */
export interface Step {
  from: ProjectStatus[];
  to: ProjectStatus;
  label: string;
  action: Action;
  requires?: ('documentNo' | 'approvedFen' | 'comment')[];
  /** Extra checks against the project's records, by name (the service implements them). */
  checks?: ('fourClarities' | 'noOpenRectifications' | 'assetsRegistered')[];
}

const ACTIVE: ProjectStatus[] = ['reserve', 'submitted', 'reviewed', 'approved', 'in_progress', 'suspended'];

export const STEPS: Step[] = [
  { from: ['reserve'], to: 'submitted', label: '申报', action: 'project:write', checks: ['fourClarities'] },
  { from: ['submitted', 'reviewed'], to: 'reserve', label: '退回修改', action: 'project:review', requires: ['comment'] },
  { from: ['submitted'], to: 'reviewed', label: '评审通过', action: 'project:review' },
  { from: ['reviewed'], to: 'approved', label: '批复', action: 'project:approve', requires: ['documentNo', 'approvedFen'] },
  { from: ['approved'], to: 'in_progress', label: '开工', action: 'project:manage' },
  { from: ['in_progress'], to: 'completed', label: '完工', action: 'project:manage' },
  { from: ['completed'], to: 'accepted', label: '验收', action: 'project:manage', requires: ['documentNo'], checks: ['noOpenRectifications'] },
  { from: ['accepted'], to: 'handed_over', label: '资产移交', action: 'project:manage', checks: ['assetsRegistered'] },
  { from: ['approved', 'in_progress'], to: 'suspended', label: '暂停', action: 'project:manage', requires: ['comment'] },
  // 恢复: back to the state the project was suspended from (the service resolves the target).
  { from: ['suspended'], to: 'in_progress', label: '恢复实施', action: 'project:manage' },
  { from: ['suspended'], to: 'approved', label: '恢复', action: 'project:manage' },
  { from: ACTIVE, to: 'cancelled', label: '撤销', action: 'project:manage', requires: ['comment'] },
];

export function stepBetween(from: ProjectStatus, to: ProjectStatus): Step | undefined {
  return STEPS.find((s) => s.to === to && s.from.includes(from));
}

export function stepsFrom(from: ProjectStatus, suspendedFrom: ProjectStatus | null): Step[] {
  return STEPS.filter((s) => s.from.includes(from) && (from !== 'suspended' || s.to === 'cancelled' || s.to === suspendedFrom));
}

/** Fund transactions are possible from 批复 until the project is closed. */
export const FUNDABLE: ProjectStatus[] = ['approved', 'in_progress', 'completed', 'accepted'];
/** The plan (content, money, schedule, benefits) is edited in the reserve only; later changes go through 退回. */
export const EDITABLE: ProjectStatus[] = ['reserve'];

export interface PlanFacts {
  content: string | null;
  expectedBenefits: string | null;
  plannedFen: number;
  budgetFen: number;
  budgetItems: number;
  milestones: number;
}

/** 四个明确: content, use of funds (itemised, adding up to the planned total), schedule, expected benefits. */
export function missingClarities(p: PlanFacts): string[] {
  const missing: string[] = [];
  if (!p.content?.trim()) missing.push('建设内容未明确（content）');
  if (p.plannedFen <= 0) missing.push('资金未明确：计划投资为 0（funds）');
  else if (p.budgetItems === 0) missing.push('资金用途未明确：缺少资金使用计划明细（budgetItems）');
  else if (p.budgetFen !== p.plannedFen) {
    missing.push(`资金用途未明确：使用计划合计 ${(p.budgetFen / 100).toFixed(2)} 元，与计划投资 ${(p.plannedFen / 100).toFixed(2)} 元不符（budgetItems）`);
  }
  if (p.milestones === 0) missing.push('实施进度未明确：缺少工期节点（milestones）');
  if (!p.expectedBenefits?.trim()) missing.push('预期效益未明确（expectedBenefits）');
  return missing;
}
