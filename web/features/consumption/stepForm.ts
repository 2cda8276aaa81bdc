import dayjs, { type Dayjs } from 'dayjs';
import type { Rules, StepInput } from '../../../src/modules/products/products.contract.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { toIsoDate } from '../../ui/dates.ts';
import type { EndReason } from './consumptionEnums.ts';
import type { StepModalAction } from './productTypes.ts';

/** Every step has 日期, 文号 and 说明; these are what each action asks for besides. */
export const STEP_FIELDS: Record<StepModalAction, readonly StepField[]> = {
  decide: ['approve', 'reason'],
  start_notice: ['noticeStart', 'noticeDays'],
  certify: ['batchNo', 'validUntil'],
  annual_review: ['passed', 'endReason'],
  delist: ['endReason'],
  relist: [],
  revoke: ['endReason'],
};
export type StepField = 'approve' | 'reason' | 'noticeStart' | 'noticeDays' | 'batchNo' | 'validUntil' | 'passed' | 'endReason';

export interface StepFormValues {
  actedOn: Dayjs | null;
  documentNo?: string | null;
  comment?: string | null;
  approve?: boolean;
  /** 审定理由 (decide). */
  reason?: string;
  noticeStart?: Dayjs | null;
  noticeDays?: number | null;
  batchNo?: string;
  validUntil?: Dayjs | null;
  passed?: boolean;
  /** 下架/撤销/复核不通过 的原因 (sent as `reason`). */
  endReason?: EndReason;
}

/** API issue paths → form fields; `reason` is the text of 审定 but the 原因 select of the other steps. */
export function stepFieldMapping(action: StepModalAction): FieldMapping {
  return {
    fields: ['actedOn', 'documentNo', 'comment', ...STEP_FIELDS[action]],
    rename: action === 'decide' ? {} : { reason: 'endReason' },
  };
}

/** Dates default to today; 公示 days to the rules', the validity to the longest the rules allow (today + N months − 1 day). */
export function stepDefaults(rules: Rules | undefined): Partial<StepFormValues> {
  const today = dayjs();
  return { actedOn: today, noticeStart: today, noticeDays: rules?.noticeDays, validUntil: rules ? today.add(rules.maxValidMonths, 'month').subtract(1, 'day') : null };
}

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function toStepInput(action: StepModalAction, v: StepFormValues): StepInput {
  const base = { actedOn: toIsoDate(v.actedOn) ?? undefined, documentNo: text(v.documentNo), comment: text(v.comment) };
  const reason = v.endReason as EndReason;
  switch (action) {
    case 'decide':
      return { action, approve: !!v.approve, reason: v.reason?.trim() ?? '', ...base };
    case 'start_notice':
      return { action, noticeStart: toIsoDate(v.noticeStart) ?? '', noticeDays: v.noticeDays ?? undefined, ...base };
    case 'certify':
      return { action, batchNo: v.batchNo?.trim() ?? '', validUntil: toIsoDate(v.validUntil) ?? '', ...base };
    case 'annual_review':
      return { action, passed: !!v.passed, reason: v.passed ? undefined : reason, ...base };
    case 'delist':
    case 'revoke':
      return { action, reason, ...base };
    case 'relist':
      return { action, ...base };
  }
}
