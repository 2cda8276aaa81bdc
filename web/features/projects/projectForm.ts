import type { Dayjs } from 'dayjs';
import type { Project, ProjectInput } from '../../../src/modules/projects/projects.contract.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { currentYear, fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { fenToYuan, yuanToFen } from '../../ui/money.ts';
import { FUND_SOURCE_CODES, type FundSource } from './projectEnums.ts';

/** The form edits 元 where the API has fen: `funds.shanghaiYuan` ↔ `funds.shanghaiFen`, `budgetItems.0.amountYuan` ↔ `…amountFen`. */
export type YuanKey<S extends string> = S extends `${infer B}Fen` ? `${B}Yuan` : never;
export const yuanKeyOf = (source: FundSource) => source.replace(/Fen$/, 'Yuan') as YuanKey<FundSource>;

export interface ProjectFormValues {
  code?: string | null;
  name: string;
  startYear: number;
  endYear: number;
  level: Project['level'];
  category: Project['category'];
  regionCode: string;
  eastOrgId?: number | null;
  ownerName?: string | null;
  funds: Partial<Record<YuanKey<FundSource>, number | null>>;
  content?: string | null;
  benefitMechanism?: string | null;
  expectedBenefits?: string | null;
  beneficiaries: { households?: number | null; people?: number | null; poorHouseholds?: number | null; poorPeople?: number | null };
  budgetItems: { item?: string; amountYuan?: number | null }[];
  outputs: { description?: string; quantity?: number | null; unit?: string }[];
  /** `doneOn` rides along hidden, so saving the plan keeps what was marked done. */
  milestones: { name?: string; dueOn?: Dayjs | null; doneOn?: string | null }[];
}

const BENEFICIARY_KEYS = ['households', 'people', 'poorHouseholds', 'poorPeople'] as const;

export const PROJECT_FORM_FIELDS: FieldMapping = {
  fields: [
    'code',
    'name',
    'startYear',
    'endYear',
    'level',
    'category',
    'regionCode',
    'eastOrgId',
    'ownerName',
    ...FUND_SOURCE_CODES.map((s) => `funds.${yuanKeyOf(s)}`),
    'content',
    'benefitMechanism',
    'expectedBenefits',
    ...BENEFICIARY_KEYS.map((k) => `beneficiaries.${k}`),
    'budgetItems',
    'budgetItems.*.item',
    'budgetItems.*.amountYuan',
    'outputs',
    'outputs.*.description',
    'outputs.*.quantity',
    'outputs.*.unit',
    'milestones',
    'milestones.*.name',
    'milestones.*.dueOn',
  ],
  rename: {
    ...Object.fromEntries(FUND_SOURCE_CODES.map((s) => [`funds.${s}`, `funds.${yuanKeyOf(s)}`])),
    'budgetItems.*.amountFen': 'budgetItems.*.amountYuan',
  },
};

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function plannedFenOf(funds: ProjectFormValues['funds'] | undefined): number {
  return FUND_SOURCE_CODES.reduce((sum, s) => sum + yuanToFen(funds?.[yuanKeyOf(s)]), 0);
}

export function budgetFenOf(items: ProjectFormValues['budgetItems'] | undefined): number {
  return (items ?? []).reduce((sum, b) => sum + yuanToFen(b?.amountYuan), 0);
}

export function toProjectInput(v: ProjectFormValues): Omit<ProjectInput, 'attachments'> {
  return {
    ...(text(v.code) ? { code: text(v.code)! } : {}),
    name: v.name.trim(),
    startYear: v.startYear,
    endYear: v.endYear,
    level: v.level,
    category: v.category,
    regionCode: v.regionCode,
    eastOrgId: v.eastOrgId ?? null,
    ownerName: text(v.ownerName),
    funds: Object.fromEntries(FUND_SOURCE_CODES.map((s) => [s, yuanToFen(v.funds?.[yuanKeyOf(s)])])) as ProjectInput['funds'],
    content: text(v.content),
    benefitMechanism: text(v.benefitMechanism),
    expectedBenefits: text(v.expectedBenefits),
    beneficiaries: Object.fromEntries(BENEFICIARY_KEYS.map((k) => [k, v.beneficiaries?.[k] ?? null])),
    budgetItems: (v.budgetItems ?? []).map((b) => ({ item: b.item?.trim() ?? '', amountFen: yuanToFen(b.amountYuan) })),
    outputs: (v.outputs ?? []).map((o) => ({ description: o.description?.trim() ?? '', quantity: o.quantity ?? 0, unit: o.unit?.trim() ?? '' })),
    milestones: (v.milestones ?? []).map((m) => ({ name: m.name?.trim() ?? '', dueOn: toIsoDate(m.dueOn) ?? '', doneOn: m.doneOn ?? null })),
  };
}

export function formValuesOf(p: Project | null): Partial<ProjectFormValues> {
  if (!p) return { startYear: currentYear(), endYear: currentYear(), funds: {}, beneficiaries: {}, budgetItems: [], outputs: [], milestones: [] };
  return {
    code: p.code,
    name: p.name,
    startYear: p.startYear,
    endYear: p.endYear,
    level: p.level,
    category: p.category,
    regionCode: p.regionCode,
    eastOrgId: p.eastOrgId,
    ownerName: p.ownerName,
    funds: Object.fromEntries(FUND_SOURCE_CODES.map((s) => [yuanKeyOf(s), p.funds[s] ? fenToYuan(p.funds[s]) : null])),
    content: p.content,
    benefitMechanism: p.benefitMechanism,
    expectedBenefits: p.expectedBenefits,
    beneficiaries: { ...p.beneficiaries },
    budgetItems: p.budgetItems.map((b) => ({ item: b.item, amountYuan: fenToYuan(b.amountFen) })),
    outputs: p.outputs.map((o) => ({ description: o.description, quantity: o.quantity, unit: o.unit })),
    milestones: p.milestones.map((m) => ({ name: m.name, dueOn: fromIsoDate(m.dueOn), doneOn: m.doneOn ?? null })),
  };
}
