import { z } from 'zod';
import { isoDate, pageQuery, regionCode, ref } from '../../platform/contract.ts';

const labels = <T extends Record<string, string>>(m: T) => z.enum(Object.keys(m) as [keyof T & string, ...(keyof T & string)[]]);

export const PROJECT_LEVELS = { city: '市级', district: '区级', xieshou: '携手奔小康', village_enterprise: '村企结对', social: '社会帮扶' } as const;
export const PROJECT_CATEGORIES = {
  industry: '产业发展',
  infrastructure: '基础设施',
  rural_tourism: '乡村旅游',
  drinking_water: '安全饮水',
  living_environment: '人居环境',
  education: '教育',
  health: '医疗卫生',
  employment: '就业',
  other: '其他',
} as const;
export const FUND_SOURCES = { shanghaiFen: '上海财政援助', integratedFen: '整合资金', socialFen: '社会帮扶', selfFen: '农户自筹' } as const;
export const PROJECT_STATUSES = {
  reserve: '储备（项目库）',
  submitted: '已申报',
  reviewed: '已评审',
  approved: '已批复',
  in_progress: '实施中',
  completed: '已完工',
  accepted: '已验收',
  handed_over: '已移交资产',
  suspended: '暂停',
  cancelled: '已撤销',
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUSES;
export type ProjectLevel = keyof typeof PROJECT_LEVELS;
export type ProjectCategory = keyof typeof PROJECT_CATEGORIES;

export const projectLevel = labels(PROJECT_LEVELS);
export const projectCategory = labels(PROJECT_CATEGORIES);
export const projectStatus = labels(PROJECT_STATUSES);

const fen = z.number().int('金额必须是整数（分）').min(0, '金额不能为负').max(1e15, '金额过大');
const count = z.number().int('必须是整数').min(0, '不能为负').max(10_000_000, '数值过大');

export const budgetItem = z.object({ item: z.string().trim().min(1, '请填写用途').max(200), amountFen: fen.positive('金额必须大于 0') });
export const output = z.object({
  description: z.string().trim().min(1, '请填写产出内容').max(200),
  quantity: z.number().positive('数量必须大于 0'),
  unit: z.string().trim().min(1, '请填写单位').max(20),
});
export const milestone = z.object({ name: z.string().trim().min(1, '请填写节点名称').max(200), dueOn: isoDate, doneOn: isoDate.nullable().optional() });
export const attachment = z.object({ fileName: z.string().trim().min(1).max(255), note: z.string().max(500).nullable().optional() });

export const funds = z.object({ shanghaiFen: fen.default(0), integratedFen: fen.default(0), socialFen: fen.default(0), selfFen: fen.default(0) });
export const beneficiaries = z
  .object({ households: count.nullable().optional(), people: count.nullable().optional(), poorHouseholds: count.nullable().optional(), poorPeople: count.nullable().optional() })
  .refine((b) => b.poorHouseholds == null || b.households == null || b.poorHouseholds <= b.households, { message: '建档立卡户数不能多于受益户数', path: ['poorHouseholds'] })
  .refine((b) => b.poorPeople == null || b.people == null || b.poorPeople <= b.people, { message: '建档立卡人数不能多于受益人数', path: ['poorPeople'] });

const projectFields = z.object({
  code: z.string().trim().min(1).max(50).optional(),
  name: z.string().trim().min(2, '项目名称至少 2 个字').max(200),
  startYear: z.number().int().min(2000).max(2100),
  endYear: z.number().int().min(2000).max(2100),
  level: projectLevel,
  category: projectCategory,
  pairingId: ref('pairing').nullable().optional(),
  regionCode,
  ownerName: z.string().trim().max(200).nullable().optional(),
  ownerOrgId: ref('org').nullable().optional(),
  eastOrgId: ref('org').nullable().optional(),
  /** The unit that owns the record (only its scope may change it); by default the creator's own unit. */
  owningOrgId: ref('org').nullable().optional(),
  funds,
  content: z.string().max(5000).nullable().optional(),
  benefitMechanism: z.string().max(5000).nullable().optional(),
  expectedBenefits: z.string().max(5000).nullable().optional(),
  beneficiaries,
  budgetItems: z.array(budgetItem).max(200),
  outputs: z.array(output).max(100),
  milestones: z.array(milestone).max(100),
  attachments: z.array(attachment).max(100),
});
const yearsInOrder = (p: { startYear?: number; endYear?: number }) => !p.startYear || !p.endYear || p.endYear >= p.startYear;
const yearsIssue = { message: '结束年度不能早于开始年度', path: ['endYear'] };

export const projectInput = projectFields
  .extend({
    funds: funds.default({ shanghaiFen: 0, integratedFen: 0, socialFen: 0, selfFen: 0 }),
    beneficiaries: beneficiaries.default({}),
    budgetItems: projectFields.shape.budgetItems.default([]),
    outputs: projectFields.shape.outputs.default([]),
    milestones: projectFields.shape.milestones.default([]),
    attachments: projectFields.shape.attachments.default([]),
  })
  .refine(yearsInOrder, yearsIssue);
export type ProjectInput = z.infer<typeof projectInput>;
// Built from the fields without defaults: a PATCH must leave what it omits untouched.
export const projectPatch = projectFields.partial().refine(yearsInOrder, yearsIssue);
export type ProjectPatch = z.infer<typeof projectPatch>;

export const fundTotals = z.object({
  plannedFen: z.number().int(),
  approvedFen: z.number().int().nullable(),
  allocatedFen: z.number().int(),
  disbursedFen: z.number().int(),
  pendingDisbursementFen: z.number().int(),
  spentFen: z.number().int(),
  returnedFen: z.number().int(),
});
export type FundTotals = z.infer<typeof fundTotals>;

export const projectSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  level: projectLevel,
  category: projectCategory,
  status: projectStatus,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string().nullable(),
  eastOrgId: z.number().int().nullable(),
  eastOrgName: z.string().nullable(),
  plannedFen: z.number().int(),
  approvedFen: z.number().int().nullable(),
  overdueMilestones: z.number().int(),
  openRectifications: z.number().int(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const transitionRecord = z.object({
  id: z.number().int(),
  from: projectStatus,
  to: projectStatus,
  actorName: z.string(),
  at: z.string(),
  onDate: z.string(),
  documentNo: z.string().nullable(),
  approvedFen: z.number().int().nullable(),
  comment: z.string().nullable(),
});

export const project = projectSummary.extend({
  pairingId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  ownerOrgId: z.number().int().nullable(),
  owningOrgId: z.number().int().nullable(),
  owningOrgName: z.string().nullable(),
  funds,
  approvalDocNo: z.string().nullable(),
  content: z.string().nullable(),
  benefitMechanism: z.string().nullable(),
  expectedBenefits: z.string().nullable(),
  beneficiaries: z.object({ households: z.number().nullable(), people: z.number().nullable(), poorHouseholds: z.number().nullable(), poorPeople: z.number().nullable() }),
  budgetItems: z.array(budgetItem.extend({ id: z.number().int() })),
  outputs: z.array(output.extend({ id: z.number().int() })),
  milestones: z.array(milestone.extend({ id: z.number().int(), overdue: z.boolean() })),
  attachments: z.array(attachment.extend({ id: z.number().int() })),
  totals: fundTotals,
  history: z.array(transitionRecord),
  /** What the four clarities still lack (empty when the project may be submitted). */
  missingForSubmission: z.array(z.string()),
  /** Transitions the caller may take now. */
  nextSteps: z.array(z.object({ to: projectStatus, label: z.string() })),
  isDemo: z.boolean(),
});
export type Project = z.infer<typeof project>;

export const projectListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: projectLevel.optional(),
  category: projectCategory.optional(),
  status: projectStatus.optional(),
  county: z.string().regex(/^\d{2,12}$/, '区划代码应为数字').optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['code', 'name', 'startYear', 'plannedFen', 'status']).default('code'),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const transitionInput = z.object({
  to: projectStatus,
  onDate: isoDate,
  documentNo: z.string().trim().max(100).nullable().optional(),
  approvedFen: fen.nullable().optional(),
  comment: z.string().trim().max(2000).nullable().optional(),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const milestoneDone = z.object({ doneOn: isoDate.nullable() });

/** The lifecycle's steps (projects.lifecycle.ts), shared with the web app's step form. */
export { stepBetween } from './projects.lifecycle.ts';
