import { createHash } from 'node:crypto';
import { checkRef } from '../references/references.ts';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { createActivityIn, getActivity } from '../activities/activities.service.ts';
import * as repo from './bulletins.repository.ts';
import { readBulletin } from './bulletins.thread.ts';
import { createRecordsIn } from './bulletins.records.ts';
import { resolvePlaces } from './bulletins.places.ts';
import type { AcceptInput, BulletinDetail, BulletinDocument, Draft } from './bulletins.contract.ts';

/** Character-bigram Dice similarity of two titles (spaces ignored): 1 for the same title. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.replace(/\s+/g, '');
    return new Set(t.length < 2 ? [t] : Array.from({ length: t.length - 1 }, (_, i) => t.slice(i, i + 2)));
  };
  const [x, y] = [grams(a), grams(b)];
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return x.size + y.size ? (2 * shared) / (x.size + y.size) : 0;
}

const MATCH_AT = 0.5;

function presentDocument(d: Pick<repo.DocumentRow, 'id' | 'file_name' | 'year' | 'year_basis' | 'issued_on' | 'actor_name' | 'created_at'>, counts: BulletinDocument['counts']): BulletinDocument {
  return { id: d.id, fileName: d.file_name, year: d.year, yearBasis: d.year_basis, issuedOn: d.issued_on, actorName: d.actor_name, createdAt: new Date(d.created_at).toISOString(), counts };
}

/** A document is its importer's (and everyone's with a global scope). */
async function visibleDocument(q: Queryable, ctx: RequestContext, id: number) {
  const doc = await repo.findDocument(q, id);
  if (!doc || (!ctx.scope.all && doc.user_id !== ctx.actor.id)) throw notFound('简报', id);
  return doc;
}

export async function getBulletin(q: Queryable, ctx: RequestContext, id: number): Promise<BulletinDetail> {
  const doc = await visibleDocument(q, ctx, id);
  const rows = await repo.drafts(q, id);
  const candidates = await repo.activitiesOn(q, ctx.scope, [...new Set(rows.filter((r) => r.status === 'pending' && r.date_start).map((r) => r.date_start!))]);
  const drafts: Draft[] = rows.map((r) => ({
    id: r.id, documentId: r.document_id, itemNo: r.item_no, title: r.title, section: r.section, dateStart: r.date_start, dateEnd: r.date_end, kind: r.kind,
    // Drafts imported before places (or industry facts) were read have none.
    facts: { places: [], industry: null, ...(r.facts as Omit<Draft['facts'], 'places' | 'industry'>) }, span: [r.span_start, r.span_end], status: r.status, activityId: r.activity_id, decidedBy: r.decided_by,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    matches: r.status !== 'pending' ? [] : candidates
      .filter((a) => a.start_date === r.date_start)
      .map((a) => ({ id: a.id, title: a.title, startDate: a.start_date, similarity: Math.round(similarity(a.title, r.title) * 100) / 100 }))
      .filter((m) => m.similarity >= MATCH_AT)
      .sort((a, b) => b.similarity - a.similarity),
  }));
  const count = (s: Draft['status']) => drafts.filter((d) => d.status === s).length;
  return { ...presentDocument(doc, { pending: count('pending'), accepted: count('accepted'), rejected: count('rejected') }), text: doc.text, drafts };
}

export async function listBulletins(q: Queryable, ctx: RequestContext, page: number, pageSize: number): Promise<Page<BulletinDocument>> {
  const { rows, total } = await repo.listDocuments(q, ctx.actor.id, ctx.scope.all, page, pageSize);
  return { items: rows.map((r) => presentDocument(r, { pending: r.pending, accepted: r.accepted, rejected: r.rejected })), total, page, pageSize };
}

/**
 * 导入: the file read and every item drafted, in one transaction. The same text imported again (by
 * anyone) creates nothing: the existing document is returned with created false.
 */
export async function importBulletin(db: Db, ctx: RequestContext, file: { bytes: Buffer; name: string }): Promise<{ created: boolean; document: BulletinDetail }> {
  const doc = await readBulletin(file.bytes, file.name);
  if (!doc.items.length) {
    throw new AppError('VALIDATION', '没有读出任何条目：文中没有可识别的标题、带日期的段落或栏目（请确认这是一期工作简报）', [{ path: 'file', message: '没有条目' }]);
  }
  const sha256 = createHash('sha256').update(doc.text).digest('hex');
  const places = await resolvePlaces(db, doc.items.flatMap((it) => it.recipient_side));
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findBySha(trx, sha256);
    if (existing) {
      const detail = await getBulletin(trx, ctx, existing.id).catch(() => null);
      if (!detail) throw new AppError('CONFLICT', '这期简报已由其他用户导入', [{ path: 'file', message: '已导入' }]);
      return { created: false, document: detail };
    }
    const id = await repo.insertDocument(trx, { sha256, file_name: file.name, year: doc.year, year_basis: doc.year_basis, issued_on: doc.issued_on, text: doc.text, user_id: ctx.actor.id, actor_name: ctx.actor.name });
    await repo.insertDrafts(trx, doc.items.map((it, i) => ({
      document_id: id, item_no: i + 1, title: it.title, section: it.section, date_start: it.date_start, date_end: it.date_end, kind: it.kind,
      facts: JSON.stringify({ amounts: it.amounts, counts: it.counts, shanghaiSide: it.shanghai_side, recipientSide: it.recipient_side, places: it.recipient_side.flatMap((n) => places.get(n) ?? []), industry: it.industry }), span_start: it.span[0], span_end: it.span[1],
    })));
    await writeAudit(trx, ctx, { entity: 'bulletin', entityId: id, action: 'import', after: { fileName: file.name, year: doc.year, items: doc.items.length } });
    return { created: true, document: await getBulletin(trx, ctx, id) };
  });
}

async function pendingDraft(q: Queryable, ctx: RequestContext, id: number) {
  const draft = await repo.findDraft(q, id);
  if (!draft) throw notFound('简报条目', id);
  const doc = await visibleDocument(q, ctx, draft.document_id);
  if (draft.status !== 'pending') throw new AppError('RULE_VIOLATION', `该条目已${draft.status === 'accepted' ? '采用' : '舍弃'}（${draft.decided_by}）`, [{ path: 'status', message: '已审核' }]);
  return { draft, doc };
}

/**
 * 采用: a new activity (the item's text as its narrative, the draft as its provenance), or the
 * activity already recorded that this item reports again; with it, when asked, the item's donation
 * and training (bulletins.records.ts) — all in one transaction, so a refused record leaves the draft pending.
 */
export async function acceptDraft(db: Db, ctx: RequestContext, id: number, v: AcceptInput): Promise<BulletinDetail> {
  return db.transaction().execute(async (trx) => {
    const { draft, doc } = await pendingDraft(trx, ctx, id);
    const source = `（来源：${doc.file_name}，第 ${draft.item_no} 条）`;
    const linked = 'linkActivityId' in v;
    if (linked) await checkRef(trx, ctx.scope, 'activity', v.linkActivityId, 'linkActivityId');
    const activity = linked
      ? await getActivity(trx, ctx.scope, v.linkActivityId)
      : await createActivityIn(trx, ctx, {
          type: v.type, title: v.title, startDate: v.startDate, endDate: v.endDate, regionCodes: v.regionCodes, pairingId: v.pairingId, leadOrgId: v.leadOrgId,
          orgIds: [], photos: [], links: [],
          narrative: `${doc.text.slice(draft.span_start, draft.span_end)}\n\n${source}`,
        });
    const records = await createRecordsIn(trx, ctx, activity, v.records, source);
    await repo.decide(trx, id, { status: 'accepted', activity_id: activity.id, decided_by: ctx.actor.name });
    await writeAudit(trx, ctx, { entity: 'bulletin_draft', entityId: id, action: 'accept', after: { documentId: doc.id, itemNo: draft.item_no, activityId: activity.id, linked, ...records } });
    return getBulletin(trx, ctx, doc.id);
  });
}

export async function rejectDraft(db: Db, ctx: RequestContext, id: number, reason: string | null | undefined): Promise<BulletinDetail> {
  return db.transaction().execute(async (trx) => {
    const { draft, doc } = await pendingDraft(trx, ctx, id);
    await repo.decide(trx, id, { status: 'rejected', activity_id: null, decided_by: ctx.actor.name });
    await writeAudit(trx, ctx, { entity: 'bulletin_draft', entityId: id, action: 'reject', after: { documentId: doc.id, itemNo: draft.item_no, reason: reason ?? null } });
    return getBulletin(trx, ctx, doc.id);
  });
}
