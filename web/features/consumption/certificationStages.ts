import type { Action } from '../../ui/access.ts';
import type { ProductStatus } from './consumptionEnums.ts';

/** The tabs of the certification queue: which statuses each stage lists (none = every product). */
export const STAGES = [
  { key: 'review', statuses: ['applied', 'reviewing'] },
  /** Under review still: 审定 is possible once no required opinion is missing (the 初审 column shows which). */
  { key: 'decide', statuses: ['reviewing'] },
  { key: 'approved', statuses: ['approved'] },
  { key: 'notice', statuses: ['notice'] },
  { key: 'certified', statuses: ['certified'] },
  { key: 'ended', statuses: ['rejected', 'delisted', 'revoked', 'expired'] },
  { key: 'all', statuses: [] },
] as const satisfies readonly { key: string; statuses: readonly ProductStatus[] }[];

export type StageKey = (typeof STAGES)[number]['key'];
export const STAGE_KEYS: StageKey[] = STAGES.map((s) => s.key);

/** The stage a user starts on: 审定 for the certifying office, 初审 for reviewers, otherwise all. */
export function defaultStage(can: (action: Action) => boolean): StageKey {
  if (can('consumption:certify')) return 'decide';
  if (can('consumption:review')) return 'review';
  return 'all';
}

export const statusesOf = (key: StageKey): readonly ProductStatus[] => STAGES.find((s) => s.key === key)?.statuses ?? [];
