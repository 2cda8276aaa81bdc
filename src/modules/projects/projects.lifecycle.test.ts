import { describe, expect, it } from 'vitest';
import { missingClarities, stepBetween, stepsFrom } from './projects.lifecycle.ts';

describe('the project lifecycle table', () => {
  it('allows the main path in order and nothing that skips a step', () => {
    const path = ['reserve', 'submitted', 'reviewed', 'approved', 'in_progress', 'completed', 'accepted', 'handed_over'] as const;
    for (let i = 0; i < path.length - 1; i++) expect(stepBetween(path[i], path[i + 1]), `${path[i]} → ${path[i + 1]}`).toBeDefined();
    expect(stepBetween('reserve', 'approved')).toBeUndefined();
    expect(stepBetween('submitted', 'in_progress')).toBeUndefined();
    expect(stepBetween('handed_over', 'cancelled')).toBeUndefined();
    expect(stepBetween('cancelled', 'reserve')).toBeUndefined();
  });

  it('requires the approval document and amount at 批复', () => {
    expect(stepBetween('reviewed', 'approved')).toMatchObject({ action: 'project:approve', requires: ['documentNo', 'approvedFen'] });
  });

  it('resumes a suspended project only to where it was', () => {
    expect(stepsFrom('suspended', 'in_progress').map((s) => s.to).sort()).toEqual(['cancelled', 'in_progress']);
    expect(stepsFrom('suspended', 'approved').map((s) => s.to).sort()).toEqual(['approved', 'cancelled']);
  });
});

describe('the four clarities', () => {
  const complete = { content: '建设游客接待中心', expectedBenefits: '带动 57 户增收', plannedFen: 100_00, budgetFen: 100_00, budgetItems: 2, milestones: 1 };

  it('passes a complete plan', () => expect(missingClarities(complete)).toEqual([]));

  it('lists everything missing', () => {
    const missing = missingClarities({ content: ' ', expectedBenefits: null, plannedFen: 100_00, budgetFen: 90_00, budgetItems: 1, milestones: 0 });
    expect(missing).toHaveLength(4);
    expect(missing.join()).toMatch(/建设内容.*资金用途.*90\.00 元.*100\.00 元.*实施进度.*预期效益/);
  });
});
