import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, regionInScope } from '../../platform/access/scope.ts';
import * as orgsRepo from '../orgs/orgs.repository.ts';
import * as pairingsRepo from '../pairings/pairings.repository.ts';
import * as activitiesRepo from '../activities/activities.repository.ts';
import { orgIdsUnder } from '../users/users.repository.ts';
import type { Scope } from '../../platform/access/scope.ts';
import * as repo from './editions.repository.ts';
import { draftItem, SECTION_ORDER, type ActivityFacts } from './editions.prose.ts';
import { numberLabel } from './editions.layout.ts';
import {
  EDITION_STATUSES, type CandidateItem, type CandidateQuery, type Edition, type EditionInput, type EditionListQuery, type EditionPatch, type EditionStatus, type EditionSummary, type ItemInput,
} from './editions.contract.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function summary(r: repo.EditionRow): EditionSummary {
  return {
    id: r.id, publisherOrgId: r.publisher_org_id, publisherName: r.publisher_name, title: r.title, supplement: r.supplement, year: r.year, issueNo: r.issue_no, totalNo: r.total_no,
    numberLabel: numberLabel({ year: r.year, issueNo: r.issue_no, totalNo: r.total_no, supplement: r.supplement }),
    issuedOn: r.issued_on, editor: r.editor, status: r.status, itemCount: Number(r.item_count), createdBy: r.created_by, issuedBy: r.issued_by, issuedAt: iso(r.issued_at),
  };
}

export async function getEdition(q: Queryable, ctx: RequestContext, id: number): Promise<Edition> {
  const r = await repo.findEdition(q, ctx.scope, id);
  if (!r) throw notFound('简报', id);
  const corrected = r.corrects_id ? await repo.findEdition(q, ctx.scope, r.corrects_id) : null;
  const items = await repo.items(q, id);
  return {
    ...summary(r),
    periodFrom: r.period_from, periodTo: r.period_to, pairingId: r.pairing_id, countyCode: r.county_code, withToc: r.with_toc, distribution: r.distribution, copies: r.copies,
    correctsId: r.corrects_id, correctsLabel: corrected ? numberLabel({ year: corrected.year, issueNo: corrected.issue_no, totalNo: corrected.total_no, supplement: corrected.supplement }) : null,
    submittedBy: r.submitted_by, returnReason: r.return_reason, createdAt: iso(r.created_at)!,
    items: items.map((i) => ({ id: i.id, position: i.position, section: i.section, title: i.title, body: i.body, activityId: i.activity_id })),
  };
}

export async function listEditions(q: Queryable, ctx: RequestContext, f: EditionListQuery): Promise<Page<EditionSummary>> {
  const { rows, total } = await repo.listEditions(q, ctx.scope, f);
  return { items: rows.map(summary), total, page: f.page, pageSize: f.pageSize };
}

/** The publisher must be an organisation in the caller's scope: a bulletin speaks for it. */
async function checkPublisher(q: Queryable, ctx: RequestContext, orgId: number) {
  if (!(await orgsRepo.findById(q, orgId))) throw invalidField('publisherOrgId', `组织 ${orgId} 不存在`);
  if (!orgInScope(ctx.scope, orgId)) throw new AppError('FORBIDDEN', '只能以您数据范围内的单位名义编发简报', [{ path: 'publisherOrgId', message: '超出数据范围' }]);
}

export async function nextNumbers(q: Queryable, ctx: RequestContext, s: { publisher: number; title: string; supplement: boolean; year: number }) {
  await checkPublisher(q, ctx, s.publisher);
  const last = await repo.lastNumbers(q, { publisherOrgId: s.publisher, title: s.title, supplement: s.supplement }, s.year);
  return { issueNo: last.issue + 1, totalNo: last.total + 1 };
}

/** A number of the series already taken answers 409 naming the field and the edition holding it. */
async function checkNumbersFree(q: Queryable, s: { publisherOrgId: number; title: string; supplement: boolean }, n: { year: number; issueNo: number; totalNo: number }, except: number | null) {
  const byIssue = await repo.holderOf(q, s, { year: n.year, issueNo: n.issueNo }, except);
  if (byIssue) {
    throw new AppError('CONFLICT', `期号已被使用：《${s.title}》${n.year}年${s.supplement ? '增刊' : ''}第${n.issueNo}期已有一期（${EDITION_STATUSES[byIssue.status]}，编号 ${byIssue.id}）`, [{ path: 'issueNo', message: '期号已被使用' }]);
  }
  const byTotal = await repo.holderOf(q, s, { totalNo: n.totalNo }, except);
  if (byTotal) {
    throw new AppError('CONFLICT', `总期号已被使用：《${s.title}》${s.supplement ? '增刊' : ''}总第${n.totalNo}期是${byTotal.year}年第${byTotal.issue_no}期（${EDITION_STATUSES[byTotal.status]}，编号 ${byTotal.id}）`, [{ path: 'totalNo', message: '总期号已被使用' }]);
  }
}

async function checkScopeFilters(q: Queryable, ctx: RequestContext, v: { pairingId?: number | null; countyCode?: string | null }) {
  if (v.pairingId && !(await pairingsRepo.findById(q, v.pairingId, ctx.scope))) throw invalidField('pairingId', `结对关系 ${v.pairingId} 不存在或不在您的数据范围内`);
  if (v.countyCode && !ctx.scope.all && !regionInScope(ctx.scope, v.countyCode) && !v.pairingId) {
    throw new AppError('FORBIDDEN', `县 ${v.countyCode} 不在您的数据范围内`, [{ path: 'countyCode', message: '超出数据范围' }]);
  }
}

/** The facts a bulletin tells of each activity: places, units, and the records it produced. */
async function activityFacts(q: Queryable, ids: number[]): Promise<ActivityFacts[]> {
  const [d, linked] = await Promise.all([activitiesRepo.load(q, ids), repo.linkedRecords(q, ids)]);
  const of = <T extends { id: number }>(activityId: number, kind: string, rows: T[]) =>
    linked.links.filter((l) => l.activity_id === activityId && l.kind === kind).map((l) => rows.find((r) => r.id === Number(l.target_id))).filter((r): r is T => !!r);
  return ids.map((id) => d.rows.find((r) => r.id === id)!).filter(Boolean).map((r) => ({
    id: r.id, type: r.type, title: r.title, startDate: r.start_date, endDate: r.end_date, leader: r.leader, delegationSize: r.delegation_size, narrative: r.narrative, leadOrgName: r.lead_name,
    places: d.places.filter((p) => p.activity_id === r.id).map((p) => p.name),
    orgs: d.orgs.filter((o) => o.activity_id === r.id && o.id !== r.lead_org_id).map((o) => o.name),
    agreements: of(r.id, 'agreement', linked.agreements).map((a) => ({ title: a.title, year: a.year, pledgedFen: Number(a.pledged_fen) })),
    donations: of(r.id, 'donation', linked.donations).map((x) => ({ donor: x.donor, kind: x.kind as 'cash' | 'goods', valueFen: Number(x.value_fen), purpose: x.purpose })),
    projects: of(r.id, 'project', linked.projects).map((p) => ({ name: p.name, shanghaiFen: Number(p.fund_shanghai_fen) })),
    trainings: of(r.id, 'training', linked.trainings).map((t) => ({ title: t.title, participants: t.participants, personTimes: t.person_times })),
  }));
}

/**
 * What a publisher reports on: activities of the organisations located in its region (a district
 * office: the district's units; the city office: all of Shanghai's; a county: the county) or below it.
 */
async function publisherScope(q: Queryable, orgId: number): Promise<Scope> {
  const org = await orgsRepo.findById(q, orgId);
  const regions = org?.region_code ? [org.region_code] : [];
  return { all: false, orgIds: new Set(await orgIdsUnder(q, [orgId], regions)), regionPrefixes: regions };
}

/** 组稿: an item per recorded activity of the period and scope, grouped by section, in date order. */
export async function candidates(q: Queryable, ctx: RequestContext, f: CandidateQuery): Promise<CandidateItem[]> {
  await checkScopeFilters(q, ctx, { pairingId: f.pairing, countyCode: f.county });
  if (f.publisher) await checkPublisher(q, ctx, f.publisher);
  const ids = await repo.activitiesIn(q, ctx.scope, f.publisher ? await publisherScope(q, f.publisher) : null, f);
  const rank = (s: string | null) => (s && SECTION_ORDER.includes(s) ? SECTION_ORDER.indexOf(s) : SECTION_ORDER.length);
  return (await activityFacts(q, ids)).map(draftItem).sort((a, b) => rank(a.section) - rank(b.section) || a.date.localeCompare(b.date));
}

async function editable(q: Queryable, ctx: RequestContext, id: number, allowed: EditionStatus[], doing: string) {
  await repo.lockEdition(q, id);
  const e = await getEdition(q, ctx, id);
  if (!allowed.includes(e.status)) {
    throw new AppError('RULE_VIOLATION', `${e.numberLabel}${EDITION_STATUSES[e.status]}，不能${doing}${e.status === 'issued' ? '（已印发的简报不能修改；如需更正，请编发新的一期并注明更正）' : ''}`, [{ path: 'status', message: EDITION_STATUSES[e.status] }]);
  }
  return e;
}

async function checkItems(q: Queryable, ctx: RequestContext, items: ItemInput[]) {
  for (const [i, it] of items.entries()) {
    if (it.activityId && !(await activitiesRepo.inScope(q, ctx.scope, it.activityId))) throw invalidField(`items.${i}.activityId`, `工作动态 ${it.activityId} 不存在或不在您的数据范围内`);
  }
}
const itemRows = (items: (ItemInput | CandidateItem)[]) => items.map((it) => ({ section: it.section ?? null, title: it.title, body: it.body, activity_id: it.activityId ?? null }));

/** 更正 names an issued edition of the same publisher, in the caller's scope (else the same 400 as an unknown one). */
async function checkCorrects(q: Queryable, ctx: RequestContext, correctsId: number | null | undefined, publisherOrgId: number, selfId?: number) {
  if (!correctsId) return;
  const corrected = await repo.findEdition(q, ctx.scope, correctsId);
  if (!corrected || corrected.id === selfId || corrected.publisher_org_id !== publisherOrgId) throw invalidField('correctsId', `要更正的简报 ${correctsId} 不存在或不是本单位编发的`);
  if (corrected.status !== 'issued') throw invalidField('correctsId', '只能更正已印发的简报；未印发的请直接修改');
}

export async function createEdition(db: Db, ctx: RequestContext, v: EditionInput): Promise<Edition> {
  return db.transaction().execute(async (trx) => {
    await checkPublisher(trx, ctx, v.publisherOrgId);
    await checkScopeFilters(trx, ctx, v);
    await checkCorrects(trx, ctx, v.correctsId, v.publisherOrgId);
    if (v.compose && !(v.periodFrom && v.periodTo)) throw invalidField('periodFrom', '组稿需要起止日期（从这段时间的工作动态中起草条目）');
    await repo.lockPublisher(trx, v.publisherOrgId);
    const year = Number(v.issuedOn.slice(0, 4));
    const series = { publisherOrgId: v.publisherOrgId, title: v.title, supplement: v.supplement };
    const last = await repo.lastNumbers(trx, series, year);
    const numbers = { year, issueNo: v.issueNo ?? last.issue + 1, totalNo: v.totalNo ?? last.total + 1 };
    await checkNumbersFree(trx, series, numbers, null);
    const id = await repo.insertEdition(trx, {
      publisher_org_id: v.publisherOrgId, title: v.title, supplement: v.supplement, year, issue_no: numbers.issueNo, total_no: numbers.totalNo, issued_on: v.issuedOn, editor: v.editor,
      period_from: v.periodFrom ?? null, period_to: v.periodTo ?? null, pairing_id: v.pairingId ?? null, county_code: v.countyCode ?? null, with_toc: v.withToc,
      distribution: JSON.stringify(v.distribution), copies: v.copies ?? null, corrects_id: v.correctsId ?? null, created_by: ctx.actor.name,
    });
    if (v.compose) await repo.replaceItems(trx, id, itemRows(await candidates(trx, ctx, { from: v.periodFrom!, to: v.periodTo!, publisher: v.publisherOrgId, pairing: v.pairingId ?? undefined, county: v.countyCode ?? undefined })));
    const created = await getEdition(trx, ctx, id);
    await writeAudit(trx, ctx, { entity: 'bulletin_edition', entityId: id, action: 'create', after: { ...created, items: created.items.length } });
    return created;
  });
}

export async function updateEdition(db: Db, ctx: RequestContext, id: number, p: EditionPatch): Promise<Edition> {
  return db.transaction().execute(async (trx) => {
    const before = await editable(trx, ctx, id, ['draft'], '修改');
    await checkScopeFilters(trx, ctx, p);
    await checkCorrects(trx, ctx, p.correctsId, before.publisherOrgId, id);
    const year = p.issuedOn ? Number(p.issuedOn.slice(0, 4)) : before.year;
    const series = { publisherOrgId: before.publisherOrgId, title: p.title ?? before.title, supplement: p.supplement ?? before.supplement };
    if (p.title !== undefined || p.supplement !== undefined || p.issueNo !== undefined || p.totalNo !== undefined || year !== before.year) {
      await repo.lockPublisher(trx, before.publisherOrgId);
      await checkNumbersFree(trx, series, { year, issueNo: p.issueNo ?? before.issueNo, totalNo: p.totalNo ?? before.totalNo }, id);
    }
    const defined = <T>(v: T | undefined) => v !== undefined;
    await repo.updateEdition(trx, id, {
      ...(defined(p.title) && { title: p.title }), ...(defined(p.supplement) && { supplement: p.supplement }), ...(defined(p.issuedOn) && { issued_on: p.issuedOn, year }),
      ...(defined(p.editor) && { editor: p.editor }), ...(defined(p.issueNo) && { issue_no: p.issueNo }), ...(defined(p.totalNo) && { total_no: p.totalNo }),
      ...(defined(p.periodFrom) && { period_from: p.periodFrom }), ...(defined(p.periodTo) && { period_to: p.periodTo }), ...(defined(p.pairingId) && { pairing_id: p.pairingId }),
      ...(defined(p.countyCode) && { county_code: p.countyCode }), ...(defined(p.withToc) && { with_toc: p.withToc }), ...(defined(p.copies) && { copies: p.copies }),
      ...(defined(p.distribution) && { distribution: JSON.stringify(p.distribution) }), ...(defined(p.correctsId) && { corrects_id: p.correctsId }),
    });
    const after = await getEdition(trx, ctx, id);
    await writeAudit(trx, ctx, { entity: 'bulletin_edition', entityId: id, action: 'update', before: { ...before, items: before.items.length }, after: { ...after, items: after.items.length } });
    return after;
  });
}

/** The items in their new order, edited, added (free items) or removed, in one change. */
export async function replaceItems(db: Db, ctx: RequestContext, id: number, items: ItemInput[]): Promise<Edition> {
  return db.transaction().execute(async (trx) => {
    const before = await editable(trx, ctx, id, ['draft'], '编辑条目');
    await checkItems(trx, ctx, items);
    await repo.replaceItems(trx, id, itemRows(items));
    const after = await getEdition(trx, ctx, id);
    await writeAudit(trx, ctx, { entity: 'bulletin_edition', entityId: id, action: 'items', before: before.items, after: after.items });
    return after;
  });
}

/** 送审 (草稿 → 审核), 退回 (审核 → 草稿, with a reason), 印发 (审核 → 已印发: frozen from then on). */
export async function transition(db: Db, ctx: RequestContext, id: number, step: 'submit' | 'return' | 'issue', reason?: string): Promise<Edition> {
  return db.transaction().execute(async (trx) => {
    const from: EditionStatus = step === 'submit' ? 'draft' : 'review';
    const e = await editable(trx, ctx, id, [from], { submit: '送审', return: '退回', issue: '印发' }[step]);
    if (step === 'submit' && !e.items.length) throw new AppError('RULE_VIOLATION', '简报没有条目，不能送审', [{ path: 'items', message: '没有条目' }]);
    if (step === 'submit') await repo.updateEdition(trx, id, { status: 'review', submitted_by: ctx.actor.name, return_reason: null });
    if (step === 'return') await repo.updateEdition(trx, id, { status: 'draft', return_reason: reason ?? null });
    if (step === 'issue') await repo.updateEdition(trx, id, { status: 'issued', issued_by: ctx.actor.name, issued_at: new Date() });
    await writeAudit(trx, ctx, { entity: 'bulletin_edition', entityId: id, action: step, before: { status: e.status }, after: { status: { submit: 'review', return: 'draft', issue: 'issued' }[step], ...(reason ? { reason } : {}) } });
    return getEdition(trx, ctx, id);
  });
}

export async function deleteEdition(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const e = await editable(trx, ctx, id, ['draft'], '删除');
    await repo.deleteEdition(trx, id);
    await writeAudit(trx, ctx, { entity: 'bulletin_edition', entityId: id, action: 'delete', before: { ...e, items: e.items.length } });
  });
}
