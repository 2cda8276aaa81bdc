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
import type { AcceptRecords } from './bulletins.contract.ts';
import { allowed, under } from './bulletins.refusals.ts';
import { createIndustryRecordsIn } from './bulletins.industry.records.ts';

/**
 * 同时登记: the donation, training, agreement, sale, placements and 产业合作 records (bulletins.industry.records.ts)
 * an accepted item reports, created through their own services in the caller's transaction (a refusal undoes the activity too), tied to the activity both ways
 * (activityId, and the activity's links). Left-out fields are the activity's; `source` names the document and item.
 */
export async function createRecordsIn(trx: Queryable, ctx: RequestContext, activity: Activity, records: AcceptRecords | undefined, source: string) {
  const created: { donationId?: number; trainingId?: number; agreementId?: number; saleId?: number; placementId?: number } & Awaited<ReturnType<typeof createIndustryRecordsIn>> = {};
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
  Object.assign(created, await createIndustryRecordsIn(trx, ctx, activity, records, source));
  if (links.length) await addActivityLinksIn(trx, ctx, activity.id, links);
  return created;
}
