import type { Dayjs } from 'dayjs';
import type { AcceptRecords, Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import type { Industry, ParkKind } from '../../../src/modules/industry/industry.contract.ts';
import { toIsoDate } from '../../ui/dates.ts';
import { yuanToFen } from '../../ui/money.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { fenToWan, wanToFen } from '../industry/industry.api.ts';

type Place = { countyCode?: string | null };
type OrgOrName = { orgId?: number | null; name?: string };
type Counts = { poorEmployed?: number | null; monitoredEmployed?: number | null };

/** 同时登记, 产业合作: the enterprise, contract farming, workshop and park of the item, each behind its checkbox; empty dates and counties are the activity's. */
export interface IndustryValues {
  withEnterprise: boolean;
  enterprise: Place & Counts & { name?: string; origin?: OrgOrName; industry?: Industry; signedWan: number | null; actualWan?: number | null; jobs: number | null; signedOn?: Dayjs | null };
  withFarming: boolean;
  farming: Place & { product?: string; buyer?: OrgOrName; acreageMu: number | null; households?: number | null; contractYuan?: number | null; signedOn?: Dayjs | null };
  withWorkshop: boolean;
  workshop: Place & Counts & { name?: string; operator?: OrgOrName; employees: number | null; openedOn?: Dayjs | null };
  withPark: boolean;
  park: Place & { name?: string; kind?: ParkKind; areaMu: number | null; enterprises?: number | null; jobs?: number | null; establishedOn?: Dayjs | null };
}

export const INDUSTRY_FIELDS: Required<FieldMapping> = {
  fields: [
    'enterprise.name', 'enterprise.origin.orgId', 'enterprise.origin.name', 'enterprise.industry', 'enterprise.signedWan', 'enterprise.actualWan', 'enterprise.jobs',
    'enterprise.poorEmployed', 'enterprise.monitoredEmployed', 'enterprise.signedOn', 'enterprise.countyCode',
    'farming.product', 'farming.buyer.orgId', 'farming.buyer.name', 'farming.acreageMu', 'farming.households', 'farming.contractYuan', 'farming.signedOn', 'farming.countyCode',
    'workshop.name', 'workshop.operator.orgId', 'workshop.operator.name', 'workshop.employees', 'workshop.poorEmployed', 'workshop.monitoredEmployed', 'workshop.openedOn', 'workshop.countyCode',
    'park.name', 'park.kind', 'park.areaMu', 'park.enterprises', 'park.jobs', 'park.establishedOn', 'park.countyCode',
  ],
  rename: {
    'records.enterprise.originOrgId': 'enterprise.origin.orgId', 'records.enterprise.originName': 'enterprise.origin.name', 'records.enterprise.originRegion': 'enterprise.origin.orgId',
    'records.enterprise.signedFen': 'enterprise.signedWan', 'records.enterprise.actualFen': 'enterprise.actualWan', 'records.enterprise': 'enterprise',
    'records.farming.buyerOrgId': 'farming.buyer.orgId', 'records.farming.buyerName': 'farming.buyer.name', 'records.farming.contractFen': 'farming.contractYuan', 'records.farming': 'farming',
    'records.workshop.operatorOrgId': 'workshop.operator.orgId', 'records.workshop.operatorName': 'workshop.operator.name', 'records.workshop': 'workshop',
    'records.park': 'park',
  },
};

/** What the reader found (facts.industry): its kind is checked and its figures filled in; the origin defaults to the Shanghai side named. */
export function industryDefaults(d: Draft): IndustryValues {
  const f = d.facts.industry;
  const of = (kind: string) => (f?.kind === kind ? f : undefined);
  const e = of('enterprise');
  const farm = of('farming');
  const w = of('workshop');
  const p = of('park');
  // A figure for several enterprises together does not name one of them.
  const one = (e?.enterprises ?? 1) === 1;
  return {
    withEnterprise: !!e,
    enterprise: {
      name: one ? e?.name : undefined, origin: { name: d.facts.shanghaiSide[0] }, industry: e?.industry, signedWan: fenToWan(e?.signedFen), actualWan: fenToWan(e?.actualFen),
      jobs: e?.jobs ?? null, poorEmployed: e?.poorEmployed ?? null,
    },
    withFarming: !!farm,
    farming: { product: farm?.product, acreageMu: farm?.acreageMu ?? null, households: farm?.households ?? null, contractYuan: farm?.contractFen != null ? farm.contractFen / 100 : null },
    withWorkshop: !!w,
    workshop: { name: w?.name, employees: w?.jobs ?? null, poorEmployed: w?.poorEmployed ?? null },
    withPark: !!p,
    park: { name: p?.name, kind: p?.parkKind, areaMu: p?.acreageMu ?? null, enterprises: p?.enterprises ?? null, jobs: p?.jobs ?? null },
  };
}

const text = (s: string | undefined) => s?.trim() || null;
const count = (n: number | null | undefined) => n ?? 0;
// An empty county is the activity's (undefined).
const place = (v: Place) => ({ countyCode: v.countyCode ?? undefined });

/** The checked 产业合作 records as the accept input takes them; a record missing what the form requires is left to the form's own check. */
export function toIndustryRecords(v: IndustryValues): AcceptRecords {
  const out: AcceptRecords = {};
  const { enterprise: e, farming: f, workshop: w, park: p } = v;
  if (v.withEnterprise && e?.industry) {
    out.enterprise = {
      ...place(e), name: e.name?.trim() ?? '', originOrgId: e.origin?.orgId ?? null, originName: text(e.origin?.name), industry: e.industry, signedFen: wanToFen(e.signedWan),
      actualFen: e.actualWan == null ? undefined : wanToFen(e.actualWan), jobs: count(e.jobs), poorEmployed: count(e.poorEmployed), monitoredEmployed: count(e.monitoredEmployed),
      signedOn: toIsoDate(e.signedOn) ?? undefined,
    };
  }
  if (v.withFarming && f) {
    out.farming = {
      ...place(f), product: f.product?.trim() ?? '', buyerOrgId: f.buyer?.orgId ?? null, buyerName: text(f.buyer?.name), acreageMu: f.acreageMu ?? 0, households: count(f.households),
      contractFen: f.contractYuan == null ? 0 : yuanToFen(f.contractYuan), signedOn: toIsoDate(f.signedOn) ?? undefined,
    };
  }
  if (v.withWorkshop && w) {
    out.workshop = {
      ...place(w), name: w.name?.trim() ?? '', operatorOrgId: w.operator?.orgId ?? null, operatorName: text(w.operator?.name), employees: count(w.employees),
      poorEmployed: count(w.poorEmployed), monitoredEmployed: count(w.monitoredEmployed), openedOn: toIsoDate(w.openedOn) ?? undefined,
    };
  }
  if (v.withPark && p?.kind) {
    out.park = { ...place(p), name: p.name?.trim() ?? '', kind: p.kind, areaMu: p.areaMu ?? 0, enterprises: count(p.enterprises), jobs: count(p.jobs), establishedOn: toIsoDate(p.establishedOn) ?? undefined };
  }
  return out;
}
