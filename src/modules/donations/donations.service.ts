import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import { assertOwner, chooseOwner, claimStatusFor } from '../../platform/access/ownership.ts';
import { sameArea } from '../references/references.ts';
import { Lookups } from '../references/references.lookups.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import * as repo from './donations.repository.ts';
import type { Donation, DonationInput, DonationListQuery, DonationPatch } from './donations.contract.ts';

async function present(q: Queryable, rows: repo.DonationRow[]): Promise<Donation[]> {
  const items = await repo.items(q, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    donorOrgId: r.donor_org_id,
    donorName: r.donor_name,
    donor: r.donor_name ?? r.donor_org_name ?? '',
    recipientOrgId: r.recipient_org_id,
    recipientRegion: r.recipient_region,
    recipient: r.recipient_org_name ?? r.recipient_region_name ?? '',
    countyCode: r.county_code,
    kind: r.kind,
    valueFen: Number(r.value_fen),
    items: items.filter((i) => i.donation_id === r.id).map((i) => ({ id: i.id, item: i.item, quantity: Number(i.quantity), unit: i.unit, valueFen: i.value_fen === null ? null : Number(i.value_fen) })),
    purpose: r.purpose,
    donatedOn: r.donated_on,
    pairingId: r.pairing_id,
    activityId: r.activity_id,
    owningOrgId: r.owning_org_id,
    owningOrgName: r.owning_org_name,
    claimStatus: r.claim_status,
    claimNote: r.claim_note,
    isDemo: r.is_demo,
  }));
}

export async function getDonation(q: Queryable, scope: Scope, id: number): Promise<Donation> {
  const row = await repo.findById(q, scope, id);
  if (!row) throw notFound('捐赠', id);
  return (await present(q, [row]))[0];
}

export async function listDonations(q: Queryable, scope: Scope, f: DonationListQuery): Promise<Page<Donation>> {
  const { rows, total } = await repo.list(q, scope, f);
  return { items: await present(q, rows), total, page: f.page, pageSize: f.pageSize };
}

/**
 * A donation needs a donor, a recipient (organisation or place) and a value: cash its amount,
 * goods their declared value — the sum of the items' values when every item has one. The county
 * it counts for comes from the recipient.
 */
async function resolve(look: Lookups, d: DonationInput) {
  const scope = look.scope;
  if (!d.donorOrgId && !d.donorName) throw invalidField('donorName', '请填写捐赠方（组织或名称）');
  if (!d.recipientOrgId && !d.recipientRegion) throw invalidField('recipientOrgId', '请填写受赠方（组织或地点）');
  const itemSum = d.items.every((i) => i.valueFen != null) && d.items.length ? d.items.reduce((s, i) => s + (i.valueFen ?? 0), 0) : null;
  const value = d.kind === 'goods' && itemSum !== null ? itemSum : d.valueFen;
  if (!value || value <= 0) throw invalidField('valueFen', d.kind === 'cash' ? '资金捐赠须填写金额' : '物资捐赠须填写申报价值（或为每件物品填写价值）');
  if (d.kind === 'goods' && itemSum !== null && d.valueFen != null && d.valueFen !== itemSum) {
    throw invalidField('valueFen', `申报价值 ${(d.valueFen / 100).toFixed(2)} 元与物品价值合计 ${(itemSum / 100).toFixed(2)} 元不符`);
  }
  if (d.kind === 'cash' && d.items.length) throw invalidField('items', '资金捐赠不应列物品');
  await look.checkRefs([['donorOrgId', 'org', d.donorOrgId], ['recipientOrgId', 'org', d.recipientOrgId], ['pairingId', 'pairing', d.pairingId], ['activityId', 'activity', d.activityId]]);
  const recipient = d.recipientOrgId ? await look.org(d.recipientOrgId) : null;
  let county: string | null = null;
  if (d.recipientRegion) {
    const region = await look.region(d.recipientRegion);
    if (!region) throw invalidField('recipientRegion', `未知的区划代码 ${d.recipientRegion}`);
    county = region.level >= 3 ? d.recipientRegion.slice(0, 6) : null;
    // The recipient unit must lie in the place the donation is recorded for.
    if (recipient?.region_code && !sameArea(recipient.region_code, d.recipientRegion)) {
      throw invalidField('recipientOrgId', `受赠单位${recipient.name}不在受赠地 ${region.name} 范围内`);
    }
  } else if (recipient) {
    county = recipient.region_code && recipient.region_code.length >= 6 ? recipient.region_code.slice(0, 6) : null;
  }
  await look.checkFitsPairing(d.pairingId, [[d.recipientRegion ? 'recipientRegion' : 'recipientOrgId', county]], 'west');
  const pairing = d.pairingId ? await look.pairingInScope(d.pairingId) : null;
  if (!scope.all && !pairing && !(d.donorOrgId && orgInScope(scope, d.donorOrgId)) && !(d.recipientOrgId && orgInScope(scope, d.recipientOrgId)) && !regionInScope(scope, county)) {
    throw new AppError('FORBIDDEN', '该捐赠不在您的数据范围内：捐赠方、受赠方、受赠地或结对关系须属于您的范围', [{ path: 'recipientOrgId', message: '超出数据范围' }]);
  }
  // The recipient's side counts the donation once it confirms, unless the creator covers it too.
  const claim = claimStatusFor(scope, { orgId: d.recipientOrgId, regionCode: d.recipientOrgId ? null : county });
  return { value, county, claim };
}

export async function createDonationIn(q: Queryable, ctx: RequestContext, d: DonationInput, opts: { isDemo?: boolean } = {}): Promise<Donation> {
  const id = await repo.insert(q, await donationRow(new Lookups(q, ctx.scope), ctx, d, opts));
  await repo.replaceItems(q, id, d.items);
  const created = await getDonation(q, ctx.scope, id);
  await writeAudit(q, ctx, { entity: 'donation', entityId: id, action: 'create', after: created });
  return created;
}

/** A new donation's stored row once its rules pass (a form's, or each row of a sheet's against the sheet's lookups). */
export async function donationRow(look: Lookups, ctx: RequestContext, d: DonationInput, opts: { isDemo?: boolean } = {}): Promise<repo.DonationValues> {
  const { value, county, claim } = await resolve(look, d);
  return {
    owning_org_id: chooseOwner(ctx, d.owningOrgId, [d.pairingId ? (await look.pairingInScope(d.pairingId))?.east_id : null, d.donorOrgId, d.recipientOrgId]),
    claim_status: claim,
    donor_org_id: d.donorOrgId ?? null,
    donor_name: d.donorName ?? null,
    recipient_org_id: d.recipientOrgId ?? null,
    recipient_region: d.recipientRegion ?? null,
    county_code: county,
    kind: d.kind,
    value_fen: value,
    purpose: d.purpose ?? null,
    donated_on: d.donatedOn,
    pairing_id: d.pairingId ?? null,
    activity_id: d.activityId ?? null,
    is_demo: opts.isDemo ?? false,
  };
}

/** Donations by id as the API shows them (a sheet's new ones, for their audit entries). */
export async function donationsByIds(q: Queryable, scope: Scope, ids: number[]): Promise<Donation[]> {
  return present(q, await repo.findByIds(q, scope, ids));
}

export const createDonation = (db: Db, ctx: RequestContext, d: DonationInput, opts: { isDemo?: boolean } = {}) =>
  db.transaction().execute((trx) => createDonationIn(trx, ctx, d, opts));

export async function updateDonation(db: Db, ctx: RequestContext, id: number, patch: DonationPatch): Promise<Donation> {
  return db.transaction().execute(async (trx) => {
    const before = await getDonation(trx, ctx.scope, id);
    assertOwner(ctx, before, '捐赠');
    const merged: DonationInput = { ...before, ...patch, items: patch.items ?? before.items };
    const { value, county, claim } = await resolve(new Lookups(trx, ctx.scope), merged);
    const recipientChanged = merged.recipientOrgId !== before.recipientOrgId || county !== before.countyCode;
    if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId, []);
    await repo.update(trx, id, {
      ...(patch.owningOrgId !== undefined && { owning_org_id: patch.owningOrgId }),
      // A confirmation holds for the recipient it was given by; a new recipient confirms anew.
      ...(recipientChanged && { claim_status: claim, claim_note: null, claim_decided_by: null, claim_decided_at: null }),
      donor_org_id: merged.donorOrgId ?? null,
      donor_name: merged.donorName ?? null,
      recipient_org_id: merged.recipientOrgId ?? null,
      recipient_region: merged.recipientRegion ?? null,
      county_code: county,
      kind: merged.kind,
      value_fen: value,
      purpose: merged.purpose ?? null,
      donated_on: merged.donatedOn,
      pairing_id: merged.pairingId ?? null,
      activity_id: merged.activityId ?? null,
    });
    if (patch.items) await repo.replaceItems(trx, id, patch.items);
    const after = await getDonation(trx, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: 'donation', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteDonation(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const before = await getDonation(trx, ctx.scope, id);
    assertOwner(ctx, before, '捐赠');
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'donation', entityId: id, action: 'delete', before });
  });
}

/** Totals per pairing, county or year; labels name the pairing's two sides or the county. */
export async function donationTotals(q: Queryable, scope: Scope, by: 'pairing' | 'county' | 'year', f: { county?: string; year?: number }) {
  const rows = await repo.totals(q, scope, by, f);
  const labels = new Map<string, string>();
  if (by === 'county') for (const r of await regionsRepo.findByCodes(q, rows.map((x) => x.key).filter(Boolean))) labels.set(r.code, r.name);
  if (by === 'pairing') {
    const ids = rows.map((x) => Number(x.key)).filter(Boolean);
    const pairs = ids.length ? await q.selectFrom('pairings as p').innerJoin('orgs as e', 'e.id', 'p.east_org_id').innerJoin('orgs as w', 'w.id', 'p.west_org_id').select(['p.id', 'e.name as east', 'w.name as west']).where('p.id', 'in', ids).execute() : [];
    for (const p of pairs) labels.set(String(p.id), `${p.east} ↔ ${p.west}`);
  }
  return rows.map((r) => ({ key: r.key, label: r.key === '?' ? '（待受援方确认）' : labels.get(r.key) ?? (r.key || '（未关联）'), cashFen: Number(r.cash_fen), goodsFen: Number(r.goods_fen), count: Number(r.n) }));
}
