import type { Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { addActivityLinksIn } from '../activities/activities.service.ts';
import type { Activity } from '../activities/activities.contract.ts';
import { createDonationIn } from '../donations/donations.service.ts';
import { createTrainingIn } from '../training/training.service.ts';
import { createAgreementIn } from '../pairings/pairings.service.ts';
import { createSaleIn } from '../sales/sales.service.ts';
import { createRecordIn } from '../labor/labor.service.ts';
import { PLACEMENTS } from '../labor/labor.kinds.ts';
import { ACTIONS, type Action } from '../../platform/access/actions.ts';
import type { AcceptRecords } from './bulletins.contract.ts';

/** A record service's refusal, its fields named as the accept input names them (records.donation.valueFen). */
async function under<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const [one] = err.issues;
    // invalidField's message names the field: rebuilt so it names the field under the prefix.
    if (err.issues.length === 1 && err.code === 'VALIDATION' && err.message === `字段 ${one.path}：${one.message}`) throw invalidField(`${prefix}.${one.path}`, one.message);
    throw new AppError(err.code, err.message, err.issues.map((i) => ({ path: `${prefix}.${i.path}`, message: i.message })), err.details);
  }
}

/** Each record needs its own permission, not only the accept route's (activity:write). */
function allowed(ctx: RequestContext, action: Action, path: string) {
  if (!ctx.permissions.has(action)) throw new AppError('FORBIDDEN', `没有权限同时登记这条记录：需要「${ACTIONS[action]}」`, [{ path, message: '没有权限' }]);
}

/**
 * 同时登记: the donation and training an accepted item reports, created through their own services in
 * the caller's transaction (a refusal undoes the activity too), tied to the activity both ways
 * (activityId, and the activity's links). Left-out fields are the activity's; `source` names the document and item.
 */
export async function createRecordsIn(trx: Queryable, ctx: RequestContext, activity: Activity, records: AcceptRecords | undefined, source: string) {
  const created: { donationId?: number; trainingId?: number; agreementId?: number; saleId?: number; placementId?: number } = {};
  const links: { kind: 'donation' | 'training' | 'agreement'; id: number }[] = [];
  const d = records?.donation;
  if (d) {
    const inActivityCounty = !d.recipientOrgId && !d.recipientRegion;
    const donation = await under('records.donation', () =>
      createDonationIn(trx, ctx, {
        ...d,
        kind: 'cash',
        items: [],
        recipientRegion: inActivityCounty ? activity.countyCode : d.recipientRegion,
        donatedOn: d.donatedOn ?? activity.startDate,
        purpose: `${d.purpose ?? ''}${source}`,
        pairingId: activity.pairingId,
        activityId: activity.id,
      }),
    );
    created.donationId = donation.id;
    links.push({ kind: 'donation', id: donation.id });
  }
  const t = records?.training;
  if (t) {
    const training = await under('records.training', () =>
      createTrainingIn(trx, ctx, {
        ...t,
        title: t.title ?? activity.title,
        startDate: t.startDate ?? activity.startDate,
        endDate: t.endDate ?? t.startDate ?? activity.endDate,
        countyCode: t.countyCode === undefined ? activity.countyCode : t.countyCode,
        pairingId: activity.pairingId,
        activityId: activity.id,
      }),
    );
    created.trainingId = training.id;
    links.push({ kind: 'training', id: training.id });
  }
  const g = records?.agreement;
  if (g) {
    allowed(ctx, 'pairing:write', 'records.agreement');
    if (!activity.pairingId) throw new AppError('VALIDATION', '协议属于一个结对关系：请先为工作动态选择结对关系', [{ path: 'pairingId', message: '签约须选择结对关系' }]);
    const agreement = await under('records.agreement', () =>
      createAgreementIn(trx, ctx, activity.pairingId!, {
        ...g,
        year: g.year ?? Number(activity.startDate.slice(0, 4)),
        signedOn: g.signedOn ?? activity.startDate,
        note: source,
      }),
    );
    created.agreementId = agreement.id;
    links.push({ kind: 'agreement', id: agreement.id });
  }
  const sale = records?.sale;
  if (sale) {
    allowed(ctx, 'consumption:write', 'records.sale');
    const made = await under('records.sale', () =>
      createSaleIn(trx, ctx, {
        ...sale,
        soldOn: sale.soldOn ?? activity.startDate,
        periodEnd: sale.periodEnd === undefined ? (activity.endDate !== activity.startDate ? activity.endDate : null) : sale.periodEnd,
        countyCode: sale.countyCode ?? activity.countyCode,
        // Credited, unless told otherwise, to the first east-side unit taking part in the activity.
        creditedOrgId: sale.creditedOrgId ?? (sale.creditedName ? null : activity.orgs.find((o) => o.side === 'east')?.id ?? null),
        activityId: activity.id,
        note: source,
      }),
    );
    created.saleId = made.id;
  }
  const p = records?.placement;
  if (p) {
    allowed(ctx, 'labor:write', 'records.placement');
    const county = p.countyCode ?? activity.countyCode;
    if (!county) throw invalidField('records.placement.countyCode', '请选择受援县（工作动态没有地点）');
    const placement = await under('records.placement', () =>
      createRecordIn(trx, ctx, PLACEMENTS, {
        ...p,
        countyCode: county,
        year: p.year ?? Number(activity.startDate.slice(0, 4)),
        month: p.month ?? Number(activity.startDate.slice(5, 7)),
        pairingId: activity.pairingId,
        note: source,
      }),
    );
    created.placementId = placement.id;
  }
  if (links.length) await addActivityLinksIn(trx, ctx, activity.id, links);
  return created;
}
