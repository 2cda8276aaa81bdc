import { invalidField } from '../../platform/errors.ts';
import type { Lookups } from '../references/references.lookups.ts';
import type { RefKind } from '../../platform/contract.ts';
import type { Names as RecordNames, RecordKindSpec } from '../recordkinds/recordkinds.service.ts';
import * as repo from './labor.repository.ts';
import { DESTINATIONS, type JobFair, type JobFairInput, type Placement, type PlacementInput, type Retention, type RetentionInput, type Workstation, type WorkstationInput } from './labor.contract.ts';

/**
 * What differs between the four labor record kinds (the shared record-kind service applies them the
 * same way to every kind). Labor records name one reference, their pairing, and are owned first by
 * their own organisation (organiser, operator).
 */
export type Names = RecordNames<string>;

export type KindSpec<K extends repo.Kind, I, O> = RecordKindSpec<K, repo.RowOf<K>, I, O, string>;

const pairingRef = (v: { pairingId?: number | null }): [string, RefKind, number | null | undefined][] => [['pairingId', 'pairing', v.pairingId]];

async function checkCounty(look: Lookups, code: string, path = 'countyCode') {
  if (code.startsWith('31')) throw invalidField(path, '受援地不能是上海的区划');
  if (!(await look.region(code))) throw invalidField(path, `未知的区划代码 ${code}`);
}

async function checkOrg(look: Lookups, orgId: number | null | undefined, name: string | null | undefined, path: string, what: string) {
  if (!orgId && !name) throw invalidField(path, `请选择${what}单位，或填写${what}单位名称`);
  await look.checkRefs([[path, 'org', orgId]]);
}

/** The pairing must exist and its recipient unit lie in (or above) the record's county. */
async function checkPairing(look: Lookups, pairingId: number | null | undefined, county: string) {
  if (!pairingId) return;
  const p = (await look.pairing(pairingId))!; // seen in the caller's scope already (the service checks references first)
  if (p.west_region && !p.west_region.startsWith(county) && !county.startsWith(p.west_region)) {
    throw invalidField('pairingId', `结对关系 ${pairingId} 的受援方不在 ${county}`);
  }
}

const common = (r: { pairing_id: number | null; note: string | null; owning_org_id: number | null }) => ({ pairingId: r.pairing_id, note: r.note, owningOrgId: r.owning_org_id });
const commonValues = (v: { pairingId?: number | null; note?: string | null }) => ({ pairing_id: v.pairingId ?? null, note: v.note ?? null });
const base = (r: { id: number; county_code: string; is_demo: boolean; owning_org_id: number | null }, n: Names) => ({
  id: r.id, countyName: n.regions.get(r.county_code) ?? null, isDemo: r.is_demo, owningOrgId: r.owning_org_id, owningOrgName: r.owning_org_id ? n.orgs.get(r.owning_org_id) ?? null : null,
});
export const rateOf = (employed: number, placed: number) => (placed > 0 ? Math.round((employed / placed) * 10_000) / 10_000 : null);

export const PLACEMENTS: KindSpec<'placement', PlacementInput, Placement> = {
  kind: 'placement',
  entity: 'labor_placement',
  label: '劳务输出记录',
  fromRow: (r) => ({ countyCode: r.county_code, year: r.year, month: r.month, destination: r.destination, poorCount: r.poor_count, monitoredCount: r.monitored_count, ...common(r) }),
  toValues: (v) => ({ county_code: v.countyCode, year: v.year, month: v.month, destination: v.destination, poor_count: v.poorCount, monitored_count: v.monitoredCount, ...commonValues(v) }),
  async check(look, v) {
    await checkCounty(look, v.countyCode);
    await checkPairing(look, v.pairingId, v.countyCode);
    return v;
  },
  unique: (v) => ({ key: { county_code: v.countyCode, year: v.year, month: v.month, destination: v.destination }, what: `${v.countyCode} ${v.year}年${v.month}月「${DESTINATIONS[v.destination]}」`, path: 'month' }),
  place: (v) => ({ county: v.countyCode }),
  refs: pairingRef,
  ownerFirst: 'org',
  names: (r) => ({ regions: [r.county_code], orgs: [r.owning_org_id] }),
  present: (r, n) => ({ ...PLACEMENTS.fromRow(r), ...base(r, n) }),
};

export const FAIRS: KindSpec<'fair', JobFairInput, JobFair> = {
  kind: 'fair',
  entity: 'labor_job_fair',
  label: '招聘会',
  fromRow: (r) => ({
    heldOn: r.held_on, title: r.title, regionCode: r.region_code, countyCode: r.county_code, organiserOrgId: r.organiser_org_id, organiserName: r.organiser_name,
    employers: r.employers, jobsOffered: r.jobs_offered, attendees: r.attendees, placed: r.placed, ...common(r),
  }),
  toValues: (v) => ({
    held_on: v.heldOn, title: v.title ?? null, region_code: v.regionCode, county_code: v.countyCode, organiser_org_id: v.organiserOrgId ?? null, organiser_name: v.organiserName ?? null,
    employers: v.employers, jobs_offered: v.jobsOffered, attendees: v.attendees ?? null, placed: v.placed, ...commonValues(v),
  }),
  async check(look, v) {
    if (!(await look.region(v.regionCode))) throw invalidField('regionCode', `未知的区划代码 ${v.regionCode}`);
    let countyCode = v.countyCode;
    if (!countyCode) {
      if (v.regionCode.startsWith('31')) throw invalidField('countyCode', '在上海举办的招聘会请填写所服务的受援县');
      if (v.regionCode.length < 6) throw invalidField('countyCode', '举办地在县级以上，请填写所服务的受援县');
      countyCode = v.regionCode.slice(0, 6);
    }
    await checkCounty(look, countyCode);
    await checkOrg(look, v.organiserOrgId, v.organiserName, 'organiserOrgId', '主办');
    if (v.attendees != null && v.placed > v.attendees) throw invalidField('placed', `达成就业人数（${v.placed}）不能多于到场求职人数（${v.attendees}）`);
    await checkPairing(look, v.pairingId, countyCode);
    return { ...v, countyCode };
  },
  place: (v) => ({ county: v.countyCode ?? v.regionCode.slice(0, 6), orgId: v.organiserOrgId, shanghai: v.regionCode }),
  refs: pairingRef,
  ownerFirst: 'org',
  names: (r) => ({ regions: [r.county_code, r.region_code], orgs: [r.organiser_org_id, r.owning_org_id] }),
  present: (r, n) => ({
    ...FAIRS.fromRow(r), ...base(r, n), countyCode: r.county_code, regionName: n.regions.get(r.region_code) ?? null,
    organiserOrgName: r.organiser_org_id ? (n.orgs.get(r.organiser_org_id) ?? null) : null,
  }),
};

export const WORKSTATIONS: KindSpec<'workstation', WorkstationInput, Workstation> = {
  kind: 'workstation',
  entity: 'labor_workstation',
  label: '劳务工作站',
  fromRow: (r) => ({
    name: r.name, regionCode: r.region_code, countyCode: r.county_code, operatingOrgId: r.operating_org_id, operatorName: r.operator_name,
    openedOn: r.opened_on, closedOn: r.closed_on, ...common(r),
  }),
  toValues: (v) => ({
    name: v.name, region_code: v.regionCode, county_code: v.countyCode, operating_org_id: v.operatingOrgId ?? null, operator_name: v.operatorName ?? null,
    opened_on: v.openedOn, closed_on: v.closedOn ?? null, ...commonValues(v),
  }),
  async check(look, v) {
    if (!(await look.region(v.regionCode))) throw invalidField('regionCode', `未知的区划代码 ${v.regionCode}`);
    await checkCounty(look, v.countyCode);
    await checkOrg(look, v.operatingOrgId, v.operatorName, 'operatingOrgId', '运营');
    if (v.closedOn && v.closedOn < v.openedOn) throw invalidField('closedOn', '撤站日期不能早于设站日期');
    await checkPairing(look, v.pairingId, v.countyCode);
    return v;
  },
  place: (v) => ({ county: v.countyCode, orgId: v.operatingOrgId, shanghai: v.regionCode }),
  refs: pairingRef,
  ownerFirst: 'org',
  names: (r) => ({ regions: [r.county_code, r.region_code], orgs: [r.operating_org_id, r.owning_org_id] }),
  present: (r, n) => ({
    ...WORKSTATIONS.fromRow(r), ...base(r, n), regionName: n.regions.get(r.region_code) ?? null,
    operatingOrgName: r.operating_org_id ? (n.orgs.get(r.operating_org_id) ?? null) : null,
  }),
};

export const RETENTION: KindSpec<'retention', RetentionInput, Retention> = {
  kind: 'retention',
  entity: 'labor_retention',
  label: '稳岗跟踪记录',
  fromRow: (r) => ({ countyCode: r.county_code, cohortYear: r.cohort_year, cohortMonth: r.cohort_month, placed: r.placed, employedAfter6m: r.employed_after_6m, followedUpOn: r.followed_up_on, ...common(r) }),
  toValues: (v) => ({
    county_code: v.countyCode, cohort_year: v.cohortYear, cohort_month: v.cohortMonth, placed: v.placed, employed_after_6m: v.employedAfter6m, followed_up_on: v.followedUpOn ?? null, ...commonValues(v),
  }),
  async check(look, v) {
    await checkCounty(look, v.countyCode);
    if (v.employedAfter6m > v.placed) throw invalidField('employedAfter6m', `6 个月后仍在岗人数（${v.employedAfter6m}）不能多于当期就业人数（${v.placed}）`);
    await checkPairing(look, v.pairingId, v.countyCode);
    return v;
  },
  unique: (v) => ({ key: { county_code: v.countyCode, cohort_year: v.cohortYear, cohort_month: v.cohortMonth }, what: `${v.countyCode} ${v.cohortYear}年${v.cohortMonth}月批次的稳岗跟踪`, path: 'cohortMonth' }),
  place: (v) => ({ county: v.countyCode }),
  refs: pairingRef,
  ownerFirst: 'org',
  names: (r) => ({ regions: [r.county_code], orgs: [r.owning_org_id] }),
  present: (r, n) => ({ ...RETENTION.fromRow(r), ...base(r, n), rate: rateOf(r.employed_after_6m, r.placed) }),
};
