import { invalidField } from '../../platform/errors.ts';
import type { RefKind } from '../../platform/contract.ts';
import type { Lookups } from '../references/references.lookups.ts';
import type { Names as RecordNames, RecordKindSpec } from '../recordkinds/recordkinds.service.ts';
import * as repo from './industry.repository.ts';
import type {
  Enterprise, EnterpriseInput, Farming, FarmingInput, Industry, Park, ParkInput, ParkKind, Workshop, WorkshopInput,
} from './industry.contract.ts';

/**
 * What differs between the four 产业合作 record kinds: columns ↔ fields, the references a record
 * names, the rules on a whole record (create, or a PATCH merged onto the stored record), where it
 * lands (for the scope and the owner) and its presentation. The service applies them the same way
 * to every kind.
 */
type Org = { name: string; side: 'east' | 'west'; region_code: string | null };
export type Names = RecordNames<Org>;

export type KindSpec<K extends repo.Kind, I, O> = RecordKindSpec<K, repo.RowOf<K>, I, O, Org>;

async function checkCounty(look: Lookups, code: string) {
  if (code.startsWith('31')) throw invalidField('countyCode', '受援县不能是上海的区划');
  if (!(await look.region(code))) throw invalidField('countyCode', `未知的区划代码 ${code}`);
}

/** A township or village of the record's county. */
async function checkPlace(look: Lookups, county: string, place: string | null | undefined) {
  if (!place) return;
  if (!place.startsWith(county)) throw invalidField('placeCode', `乡镇或村 ${place} 不在受援县 ${county} 内`);
  if (!(await look.region(place))) throw invalidField('placeCode', `未知的区划代码 ${place}`);
}

function needOrgOrName(orgId: number | null | undefined, name: string | null | undefined, path: string, what: string) {
  if (!orgId && !name) throw invalidField(path, `请选择${what}，或填写${what}名称`);
}

function notMore(part: number, whole: number, path: string, partLabel: string, wholeLabel: string) {
  if (part > whole) throw invalidField(path, `${partLabel}（${part}）不能多于${wholeLabel}（${whole}）`);
}

/** The place fields every kind shares: county, place, and their fit with the pairing's recipient side. */
async function checkWhere(look: Lookups, v: { countyCode: string; placeCode?: string | null; pairingId?: number | null }) {
  await checkCounty(look, v.countyCode);
  await checkPlace(look, v.countyCode, v.placeCode);
  await look.checkFitsPairing(v.pairingId, [['countyCode', v.countyCode], ['placeCode', v.placeCode]], 'west');
}

type Common = { county_code: string; place_code: string | null; pairing_id: number | null; note: string | null; owning_org_id: number | null };
const common = (r: Common) => ({ countyCode: r.county_code, placeCode: r.place_code, pairingId: r.pairing_id, note: r.note, owningOrgId: r.owning_org_id });
const commonValues = (v: { countyCode: string; placeCode?: string | null; pairingId?: number | null; note?: string | null }) => ({
  county_code: v.countyCode, place_code: v.placeCode ?? null, pairing_id: v.pairingId ?? null, note: v.note ?? null,
});
const base = (r: Common & { id: number; is_demo: boolean }, n: Names) => ({
  id: r.id,
  countyName: n.regions.get(r.county_code) ?? null,
  placeName: r.place_code ? (n.regions.get(r.place_code) ?? null) : null,
  isDemo: r.is_demo,
  owningOrgId: r.owning_org_id,
  owningOrgName: r.owning_org_id ? (n.orgs.get(r.owning_org_id)?.name ?? null) : null,
});
const orgName = (n: Names, id: number | null) => (id ? (n.orgs.get(id)?.name ?? null) : null);
/** 亩 as stored (numeric text) → a number with at most two decimals. */
export const muOf = (v: string | number) => Math.round(Number(v) * 100) / 100;
const commonRefs = (v: { pairingId?: number | null; owningOrgId?: number | null }): [string, RefKind, number | null | undefined][] => [['pairingId', 'pairing', v.pairingId]];

export const ENTERPRISES: KindSpec<'enterprise', EnterpriseInput, Enterprise> = {
  kind: 'enterprise',
  entity: 'industry_enterprise',
  label: '引进企业',
  fromRow: (r) => ({
    name: r.name, originOrgId: r.origin_org_id, originName: r.origin_name, originRegion: r.origin_region, industry: r.industry as Industry,
    signedFen: r.signed_fen, actualFen: r.actual_fen, signedOn: r.signed_on, jobs: r.jobs, poorEmployed: r.poor_employed, monitoredEmployed: r.monitored_employed,
    activityId: r.activity_id, ...common(r),
  }),
  toValues: (v) => ({
    name: v.name, origin_org_id: v.originOrgId ?? null, origin_name: v.originName ?? null, origin_region: v.originRegion ?? null, industry: v.industry,
    signed_fen: v.signedFen, actual_fen: v.actualFen ?? 0, signed_on: v.signedOn, jobs: v.jobs, poor_employed: v.poorEmployed, monitored_employed: v.monitoredEmployed,
    activity_id: v.activityId ?? null, ...commonValues(v),
  }),
  refs: (v) => [...commonRefs(v), ['activityId', 'activity', v.activityId], ['originOrgId', 'org', v.originOrgId]],
  async check(look, v) {
    needOrgOrName(v.originOrgId, v.originName, 'originOrgId', '引进来源单位');
    let originRegion = v.originRegion ?? null;
    if (v.originOrgId) {
      const org = (await look.org(v.originOrgId))!; // checked as a reference already
      if (org.side !== 'east') throw invalidField('originOrgId', `引进来源单位应为帮扶方（东部）单位，${org.name}是受援方单位；其他来源请填写名称`);
      originRegion ??= org.region_code;
    }
    if (v.originRegion && !(await look.region(v.originRegion))) throw invalidField('originRegion', `未知的区划代码 ${v.originRegion}`);
    await checkWhere(look, v);
    notMore(v.poorEmployed, v.jobs, 'poorEmployed', '脱贫人口就业人数', '带动就业人数');
    notMore(v.monitoredEmployed, v.jobs, 'monitoredEmployed', '监测对象就业人数', '带动就业人数');
    return { ...v, originRegion };
  },
  place: (v) => ({ county: v.countyCode, orgId: v.originOrgId }),
  ownerFirst: 'org',
  rederive: (patch) => (patch.originOrgId !== undefined && patch.originRegion === undefined ? { originRegion: null } : {}),
  names: (r) => ({ regions: [r.county_code, r.place_code, r.origin_region], orgs: [r.origin_org_id, r.owning_org_id] }),
  present: (r, n) => ({
    ...ENTERPRISES.fromRow(r), ...base(r, n), actualFen: r.actual_fen, originRegion: r.origin_region,
    originOrgName: orgName(n, r.origin_org_id), originRegionName: r.origin_region ? (n.regions.get(r.origin_region) ?? null) : null,
    origin: orgName(n, r.origin_org_id) ?? r.origin_name ?? '',
  }),
};

export const PARKS: KindSpec<'park', ParkInput, Park> = {
  kind: 'park',
  entity: 'industry_park',
  label: '产业园区（基地）',
  fromRow: (r) => ({
    name: r.name, kind: r.kind as ParkKind, areaMu: muOf(r.area_mu), establishedOn: r.established_on, enterprises: r.enterprises, jobs: r.jobs, ...common(r),
  }),
  toValues: (v) => ({ name: v.name, kind: v.kind, area_mu: v.areaMu, established_on: v.establishedOn, enterprises: v.enterprises, jobs: v.jobs, ...commonValues(v) }),
  refs: (v) => commonRefs(v),
  async check(look, v) {
    await checkWhere(look, v);
    return v;
  },
  place: (v) => ({ county: v.countyCode }),
  ownerFirst: 'pairing',
  names: (r) => ({ regions: [r.county_code, r.place_code], orgs: [r.owning_org_id] }),
  present: (r, n) => ({ ...PARKS.fromRow(r), ...base(r, n) }),
};

export const WORKSHOPS: KindSpec<'workshop', WorkshopInput, Workshop> = {
  kind: 'workshop',
  entity: 'industry_workshop',
  label: '帮扶车间',
  fromRow: (r) => ({
    name: r.name, operatorOrgId: r.operator_org_id, operatorName: r.operator_name, openedOn: r.opened_on, closedOn: r.closed_on,
    employees: r.employees, poorEmployed: r.poor_employed, monitoredEmployed: r.monitored_employed, ...common(r),
  }),
  toValues: (v) => ({
    name: v.name, operator_org_id: v.operatorOrgId ?? null, operator_name: v.operatorName ?? null, opened_on: v.openedOn, closed_on: v.closedOn ?? null,
    employees: v.employees, poor_employed: v.poorEmployed, monitored_employed: v.monitoredEmployed, ...commonValues(v),
  }),
  refs: (v) => [...commonRefs(v), ['operatorOrgId', 'org', v.operatorOrgId]],
  async check(look, v) {
    needOrgOrName(v.operatorOrgId, v.operatorName, 'operatorOrgId', '运营主体');
    if (v.closedOn && v.closedOn < v.openedOn) throw invalidField('closedOn', `停办日期（${v.closedOn}）不能早于建成投产日期（${v.openedOn}）`);
    await checkWhere(look, v);
    notMore(v.poorEmployed, v.employees, 'poorEmployed', '脱贫人口就业人数', '吸纳就业人数');
    notMore(v.monitoredEmployed, v.employees, 'monitoredEmployed', '监测对象就业人数', '吸纳就业人数');
    return v;
  },
  place: (v) => ({ county: v.countyCode, orgId: v.operatorOrgId }),
  ownerFirst: 'pairing',
  names: (r) => ({ regions: [r.county_code, r.place_code], orgs: [r.operator_org_id, r.owning_org_id] }),
  present: (r, n) => ({ ...WORKSHOPS.fromRow(r), ...base(r, n), operatorOrgName: orgName(n, r.operator_org_id), operator: orgName(n, r.operator_org_id) ?? r.operator_name ?? '' }),
};

export const FARMING: KindSpec<'farming', FarmingInput, Farming> = {
  kind: 'farming',
  entity: 'industry_farming',
  label: '订单农业',
  fromRow: (r) => ({
    product: r.product, buyerOrgId: r.buyer_org_id, buyerName: r.buyer_name, acreageMu: muOf(r.acreage_mu), households: r.households, contractFen: r.contract_fen,
    signedOn: r.signed_on, activityId: r.activity_id, ...common(r),
  }),
  toValues: (v) => ({
    product: v.product, buyer_org_id: v.buyerOrgId ?? null, buyer_name: v.buyerName ?? null, acreage_mu: v.acreageMu, households: v.households, contract_fen: v.contractFen,
    signed_on: v.signedOn, activity_id: v.activityId ?? null, ...commonValues(v),
  }),
  refs: (v) => [...commonRefs(v), ['activityId', 'activity', v.activityId], ['buyerOrgId', 'org', v.buyerOrgId]],
  async check(look, v) {
    needOrgOrName(v.buyerOrgId, v.buyerName, 'buyerOrgId', '收购方');
    await checkWhere(look, v);
    return v;
  },
  place: (v) => ({ county: v.countyCode, orgId: v.buyerOrgId }),
  ownerFirst: 'pairing',
  names: (r) => ({ regions: [r.county_code, r.place_code], orgs: [r.buyer_org_id, r.owning_org_id] }),
  present: (r, n) => ({ ...FARMING.fromRow(r), ...base(r, n), buyerOrgName: orgName(n, r.buyer_org_id), buyer: orgName(n, r.buyer_org_id) ?? r.buyer_name ?? '' }),
};
