import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import { assertOwner, chooseOwner } from '../../platform/access/ownership.ts';
import { Lookups } from '../references/references.lookups.ts';
import * as repo from './projects.repository.ts';
import { PROJECT_STATUSES, type Project, type ProjectInput, type ProjectListQuery, type ProjectPatch, type ProjectStatus, type ProjectSummary } from './projects.contract.ts';
import { EDITABLE, missingClarities, stepsFrom } from './projects.lifecycle.ts';

const today = () => new Date().toISOString().slice(0, 10);

function summary(r: repo.ProjectRow): ProjectSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    startYear: r.start_year,
    endYear: r.end_year,
    level: r.level as ProjectSummary['level'],
    category: r.category as ProjectSummary['category'],
    status: r.status as ProjectStatus,
    regionCode: r.region_code,
    regionName: r.region_name,
    countyCode: r.county_code,
    countyName: r.county_name,
    eastOrgId: r.east_org_id,
    eastOrgName: r.east_org_name,
    plannedFen: Number(r.planned_fen),
    approvedFen: r.approved_fen,
    overdueMilestones: Number(r.overdue_milestones),
    openRectifications: Number(r.open_rectifications),
  };
}

export async function listProjects(q: Queryable, scope: Scope, f: ProjectListQuery): Promise<Page<ProjectSummary>> {
  const { rows, total } = await repo.list(q, scope, f);
  return { items: rows.map(summary), total, page: f.page, pageSize: f.pageSize };
}

/** The whole project: plan, money totals, history, what submission still lacks, the steps the caller may take. */
export async function getProject(q: Queryable, ctx: Pick<RequestContext, 'scope' | 'permissions'>, id: number): Promise<Project> {
  const row = await repo.findById(q, ctx.scope, id);
  if (!row) throw notFound('项目', id);
  const [c, sums] = await Promise.all([repo.children(q, id), repo.fundSums(q, id)]);
  const s = summary(row);
  const budgetFen = c.budgetItems.reduce((acc, b) => acc + Number(b.amount_fen), 0);
  const now = today();
  return {
    ...s,
    pairingId: row.pairing_id,
    ownerName: row.owner_name,
    ownerOrgId: row.owner_org_id,
    owningOrgId: row.owning_org_id,
    owningOrgName: row.owning_org_name,
    funds: { shanghaiFen: row.fund_shanghai_fen, integratedFen: row.fund_integrated_fen, socialFen: row.fund_social_fen, selfFen: row.fund_self_fen },
    approvalDocNo: row.approval_doc_no,
    content: row.content,
    benefitMechanism: row.benefit_mechanism,
    expectedBenefits: row.expected_benefits,
    beneficiaries: { households: row.households, people: row.people, poorHouseholds: row.poor_households, poorPeople: row.poor_people },
    budgetItems: c.budgetItems.map((b) => ({ id: b.id, item: b.item, amountFen: Number(b.amount_fen) })),
    outputs: c.outputs.map((o) => ({ id: o.id, description: o.description, quantity: Number(o.quantity), unit: o.unit })),
    milestones: c.milestones.map((m) => ({ id: m.id, name: m.name, dueOn: m.due_on, doneOn: m.done_on, overdue: !m.done_on && m.due_on < now })),
    attachments: c.attachments.map((a) => ({ id: a.id, fileName: a.file_name, note: a.note })),
    totals: {
      plannedFen: s.plannedFen,
      approvedFen: row.approved_fen,
      allocatedFen: sums.allocated,
      disbursedFen: sums.disbursed,
      pendingDisbursementFen: sums.pendingDisbursement,
      spentFen: sums.spent,
      returnedFen: sums.returned,
    },
    history: c.history.map((h) => ({
      id: h.id,
      from: h.from_status as ProjectStatus,
      to: h.to_status as ProjectStatus,
      actorName: h.display_name ?? h.actor_name, // the person's name; the audit keeps the username
      at: h.at.toISOString(),
      onDate: h.on_date,
      documentNo: h.document_no,
      approvedFen: h.approved_fen,
      comment: h.comment,
    })),
    missingForSubmission: missingClarities({
      content: row.content,
      expectedBenefits: row.expected_benefits,
      plannedFen: s.plannedFen,
      budgetFen,
      budgetItems: c.budgetItems.length,
      milestones: c.milestones.length,
    }),
    nextSteps: stepsFrom(s.status, row.suspended_from as ProjectStatus | null)
      .filter((step) => ctx.permissions.has(step.action))
      .map((step) => ({ to: step.to, label: step.label })),
    isDemo: row.is_demo,
  };
}

/** Place (county or below), pairing, organisations: they must exist, sides must fit, and the project must land in the caller's scope. */
export async function checkReferences(look: Lookups, p: { regionCode?: string; pairingId?: number | null; eastOrgId?: number | null; ownerOrgId?: number | null }) {
  if (p.regionCode !== undefined) checkPlace(p.regionCode, await look.region(p.regionCode));
  await look.checkRefs([['pairingId', 'pairing', p.pairingId], ['eastOrgId', 'org', p.eastOrgId], ['ownerOrgId', 'org', p.ownerOrgId]]);
  await look.checkFitsPairing(p.pairingId, [['regionCode', p.regionCode]], 'west');
  if (p.eastOrgId) checkEastSide((await look.org(p.eastOrgId))!);
}

/** The project's place: a known division at county level or below. */
function checkPlace(code: string, region: { name: string; level: number } | undefined) {
  if (!region) throw invalidField('regionCode', `未知的区划代码 ${code}`);
  if (region.level < 3) throw invalidField('regionCode', `项目地点须落到县级或以下，「${region.name}」是更高一级的区划`);
}

/** The east-side unit must be of the east side. */
function checkEastSide(east: { name: string; side: string }) {
  if (east.side !== 'east') throw invalidField('eastOrgId', `「${east.name}」是受援方组织，不能作为帮扶方单位`);
}

export function checkPlacement(scope: Scope, p: { regionCode: string; eastOrgId?: number | null; ownerOrgId?: number | null }) {
  if (scope.all || regionInScope(scope, p.regionCode) || (p.eastOrgId && orgInScope(scope, p.eastOrgId)) || (p.ownerOrgId && orgInScope(scope, p.ownerOrgId))) return;
  throw new AppError('FORBIDDEN', '该项目不在您的数据范围内：项目地点、帮扶方单位或项目业主须属于您的范围', [{ path: 'regionCode', message: '超出数据范围' }]);
}

/** The columns a plan's given fields set (built field by field: a sheet's thousands of rows go through here). */
function values(p: ProjectPatch): Partial<repo.ProjectValues> {
  const v: Partial<repo.ProjectValues> = {};
  if (p.name !== undefined) v.name = p.name;
  if (p.startYear !== undefined) v.start_year = p.startYear;
  if (p.endYear !== undefined) v.end_year = p.endYear;
  if (p.level !== undefined) v.level = p.level;
  if (p.category !== undefined) v.category = p.category;
  if (p.pairingId !== undefined) v.pairing_id = p.pairingId;
  if (p.regionCode !== undefined) [v.region_code, v.county_code] = [p.regionCode, p.regionCode.slice(0, 6)];
  if (p.ownerName !== undefined) v.owner_name = p.ownerName;
  if (p.ownerOrgId !== undefined) v.owner_org_id = p.ownerOrgId;
  if (p.eastOrgId !== undefined) v.east_org_id = p.eastOrgId;
  if (p.funds !== undefined) {
    v.fund_shanghai_fen = p.funds.shanghaiFen;
    v.fund_integrated_fen = p.funds.integratedFen;
    v.fund_social_fen = p.funds.socialFen;
    v.fund_self_fen = p.funds.selfFen;
  }
  if (p.content !== undefined) v.content = p.content;
  if (p.benefitMechanism !== undefined) v.benefit_mechanism = p.benefitMechanism;
  if (p.expectedBenefits !== undefined) v.expected_benefits = p.expectedBenefits;
  if (p.beneficiaries !== undefined) {
    v.households = p.beneficiaries.households ?? null;
    v.people = p.beneficiaries.people ?? null;
    v.poor_households = p.beneficiaries.poorHouseholds ?? null;
    v.poor_people = p.beneficiaries.poorPeople ?? null;
  }
  return v;
}

const codeTakenError = (code: string) => new AppError('CONFLICT', `项目编号「${code}」已被使用`, [{ path: 'code', message: '编号重复' }]);

/**
 * Project codes: the one given, or the next per county and year (533401-2020-001; 1000 after 999),
 * never one already taken. Loaded once for the projects about to be created (one, or a whole
 * sheet); each code handed out counts for the next, so a sheet numbers on from its own rows.
 */
export class ProjectCodes {
  private readonly last = new Map<string, number>();
  private readonly taken = new Set<string>();

  static async load(q: Queryable, inputs: Pick<ProjectInput, 'code' | 'regionCode' | 'startYear'>[]): Promise<ProjectCodes> {
    const codes = new ProjectCodes();
    for (const i of inputs) if (!i.code) codes.last.set(prefixOf(i), 0);
    const given = [...new Set(inputs.map((i) => i.code).filter((c): c is string => !!c))];
    for (const code of await repo.codesAmong(q, given, [...codes.last.keys()])) codes.note(code);
    return codes;
  }

  /** The input's code, or the next free number; 409 when the code is taken. */
  assign(input: Pick<ProjectInput, 'code' | 'regionCode' | 'startYear'>): string {
    const prefix = prefixOf(input);
    const code = input.code ?? `${prefix}${String(this.last.get(prefix)! + 1).padStart(3, '0')}`;
    if (this.taken.has(code)) throw codeTakenError(code);
    this.note(code);
    return code;
  }

  // A code counts for its county-year prefix when digits alone follow it (as 533401-2020-007 does).
  private note(code: string) {
    this.taken.add(code);
    const prefix = code.slice(0, PREFIX_LENGTH);
    const rest = code.slice(PREFIX_LENGTH);
    if (this.last.has(prefix) && /^[0-9]+$/.test(rest)) this.last.set(prefix, Math.max(this.last.get(prefix)!, Number(rest)));
  }
}
const PREFIX_LENGTH = '533401-2020-'.length;
const prefixOf = (p: { regionCode: string; startYear: number }) => `${p.regionCode.slice(0, 6)}-${p.startYear}-`;

export async function createProject(db: Db, ctx: RequestContext, input: ProjectInput, opts: { isDemo?: boolean } = {}): Promise<Project> {
  return db.transaction().execute((trx) => createProjectIn(trx, ctx, input, opts));
}

/** The same inside a caller's transaction. */
export async function createProjectIn(trx: Queryable, ctx: RequestContext, input: ProjectInput, opts: { isDemo?: boolean } = {}): Promise<Project> {
  const id = await insertProject(trx, ctx, input, opts);
  const created = await getProject(trx, ctx, id);
  await writeAudit(trx, ctx, { entity: 'project', entityId: id, action: 'create', after: created });
  return created;
}

async function insertProject(trx: Queryable, ctx: RequestContext, input: ProjectInput, opts: { isDemo?: boolean }): Promise<number> {
  checkPlacement(ctx.scope, input);
  await checkReferences(new Lookups(trx, ctx.scope), input);
  const code = (await ProjectCodes.load(trx, [input])).assign(input);
  const id = await repo.insert(trx, projectRow(ctx, input, code, opts));
  await repo.replaceChildren(trx, id, input, true);
  return id;
}

/** The stored row of a new project whose references and code have been checked. */
export function projectRow(ctx: RequestContext, input: ProjectInput, code: string, opts: { isDemo?: boolean } = {}): repo.ProjectValues {
  return Object.assign(values(input) as repo.ProjectValues, {
    code,
    pairing_id: input.pairingId ?? null,
    owner_name: input.ownerName ?? null,
    owner_org_id: input.ownerOrgId ?? null,
    east_org_id: input.eastOrgId ?? null,
    owning_org_id: chooseOwner(ctx, input.owningOrgId, [input.eastOrgId, input.ownerOrgId]),
    content: input.content ?? null,
    benefit_mechanism: input.benefitMechanism ?? null,
    expected_benefits: input.expectedBenefits ?? null,
    is_demo: opts.isDemo ?? false,
  });
}

export async function updateProject(db: Db, ctx: RequestContext, id: number, patch: ProjectPatch): Promise<Project> {
  return db.transaction().execute(async (trx) => {
    const before = await getProject(trx, ctx, id);
    assertOwner(ctx, before, '项目');
    if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId, []);
    if (!EDITABLE.includes(before.status)) {
      throw new AppError('RULE_VIOLATION', `项目处于「${PROJECT_STATUSES[before.status]}」状态，计划内容不能直接修改；如需修改，请先由评审人退回`, [{ path: 'status', message: '不可修改' }]);
    }
    const regionCode = patch.regionCode ?? before.regionCode;
    checkPlacement(ctx.scope, { regionCode, eastOrgId: patch.eastOrgId === undefined ? before.eastOrgId : patch.eastOrgId, ownerOrgId: patch.ownerOrgId === undefined ? before.ownerOrgId : patch.ownerOrgId });
    const look = new Lookups(trx, ctx.scope);
    await checkReferences(look, patch);
    await look.checkFitsPairing(patch.pairingId === undefined ? before.pairingId : patch.pairingId, [['regionCode', regionCode]], 'west');
    const startYear = patch.startYear ?? before.startYear;
    const endYear = patch.endYear ?? before.endYear;
    if (endYear < startYear) throw invalidField('endYear', '结束年度不能早于开始年度');
    if (patch.code && patch.code !== before.code && (await repo.codeTaken(trx, patch.code, id))) {
      throw new AppError('CONFLICT', `项目编号「${patch.code}」已被使用`, [{ path: 'code', message: '编号重复' }]);
    }
    await repo.update(trx, id, { ...values(patch), ...(patch.code !== undefined && { code: patch.code }), ...(patch.owningOrgId !== undefined && { owning_org_id: patch.owningOrgId }) });
    await repo.replaceChildren(trx, id, patch);
    const after = await getProject(trx, ctx, id);
    await writeAudit(trx, ctx, { entity: 'project', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** 倒排工期: marking a milestone done (or undone) is allowed until the project closes. */
export async function setMilestoneDone(db: Db, ctx: RequestContext, id: number, milestoneId: number, doneOn: string | null): Promise<Project> {
  return db.transaction().execute(async (trx) => {
    const before = await getProject(trx, ctx, id);
    assertOwner(ctx, before, '项目');
    if (before.status === 'handed_over' || before.status === 'cancelled') throw new AppError('RULE_VIOLATION', '项目已结束，不能再修改工期节点');
    if (doneOn && doneOn > today()) throw invalidField('doneOn', '完成日期不能晚于今天');
    if (!(await repo.setMilestoneDone(trx, id, milestoneId, doneOn))) throw notFound('工期节点', milestoneId);
    await writeAudit(trx, ctx, { entity: 'project_milestone', entityId: milestoneId, action: doneOn ? 'done' : 'reopen', after: { projectId: id, doneOn } });
    return getProject(trx, ctx, id);
  });
}
