import type { Queryable } from '../../platform/db/database.ts';
import { invalidField } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Activity } from '../activities/activities.contract.ts';
import { createRecordIn } from '../industry/industry.service.ts';
import { ENTERPRISES, FARMING, PARKS, WORKSHOPS } from '../industry/industry.kinds.ts';
import type { AcceptRecords } from './bulletins.contract.ts';
import { allowed, under } from './bulletins.refusals.ts';

type Kind = 'enterprise' | 'farming' | 'workshop' | 'park';

/** What every 产业合作 record takes from its activity when left out: the county, the pairing; the source goes to its note. */
function where(activity: Activity, kind: Kind, countyCode: string | undefined, source: string) {
  const county = countyCode ?? activity.countyCode;
  if (!county) throw invalidField(`records.${kind}.countyCode`, '请选择受援县（工作动态没有地点）');
  return { countyCode: county, pairingId: activity.pairingId, note: source };
}

/**
 * 同时登记, 产业合作: the enterprise introduced, the contract farming, the workshop and the park an item
 * reports, through the industry feature's own service (references, scope, owner, audit) with the
 * permission its routes need. Enterprises and contracts carry the activity's id (the activity has no industry links).
 */
export async function createIndustryRecordsIn(trx: Queryable, ctx: RequestContext, activity: Activity, records: AcceptRecords | undefined, source: string) {
  const created: { enterpriseId?: number; farmingId?: number; workshopId?: number; parkId?: number } = {};
  const e = records?.enterprise;
  if (e) {
    allowed(ctx, 'activity:write', 'records.enterprise');
    // Brought, unless told otherwise, by the activity's east-side unit (as a sale is credited to it).
    const east = e.originOrgId || e.originName ? null : (activity.orgs.find((o) => o.side === 'east')?.id ?? null);
    const made = await under('records.enterprise', () =>
      createRecordIn(trx, ctx, ENTERPRISES, {
        ...e, ...where(activity, 'enterprise', e.countyCode, source), originOrgId: e.originOrgId ?? east, signedOn: e.signedOn ?? activity.startDate, activityId: activity.id,
      }),
    );
    created.enterpriseId = made.id;
  }
  const f = records?.farming;
  if (f) {
    allowed(ctx, 'activity:write', 'records.farming');
    const made = await under('records.farming', () =>
      createRecordIn(trx, ctx, FARMING, { ...f, ...where(activity, 'farming', f.countyCode, source), signedOn: f.signedOn ?? activity.startDate, activityId: activity.id }),
    );
    created.farmingId = made.id;
  }
  const w = records?.workshop;
  if (w) {
    allowed(ctx, 'activity:write', 'records.workshop');
    const made = await under('records.workshop', () => createRecordIn(trx, ctx, WORKSHOPS, { ...w, ...where(activity, 'workshop', w.countyCode, source), openedOn: w.openedOn ?? activity.startDate }));
    created.workshopId = made.id;
  }
  const p = records?.park;
  if (p) {
    allowed(ctx, 'activity:write', 'records.park');
    const made = await under('records.park', () => createRecordIn(trx, ctx, PARKS, { ...p, ...where(activity, 'park', p.countyCode, source), establishedOn: p.establishedOn ?? activity.startDate }));
    created.parkId = made.id;
  }
  return created;
}
