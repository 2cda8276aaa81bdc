import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { createOrg } from '../../orgs/orgs.service.ts';
import { createPairing } from '../../pairings/pairings.service.ts';
import type { DemoBase } from '../demo.seed.ts';
import { districtGov } from '../demo.data.ts';
import { DISTRICT_PLANS, type DistrictPlan } from './scale.plan.ts';

const NOTE = '演示数据（规模测试生成）';

export interface ScaleCounty {
  code: string;
  name: string;
  orgId: number;
  pairingId: number;
  /** Township codes (9 digits) of the county, for projects placed below the county. */
  townships: string[];
}
export interface ScaleDistrict {
  name: string;
  orgId: number;
  weight: number;
  counties: ScaleCounty[];
}

/**
 * The sixteen districts and their counties on top of the demo's organisations: a district government
 * and county governments where the demo has none, and a pairing per district and county (east–west in
 * Yunnan, counterpart support elsewhere), through the services so every rule applies.
 */
export async function loadScalePlaces(db: Db, base: DemoBase): Promise<ScaleDistrict[]> {
  const counties = await countyNames(db);
  const orgOf = async (name: string, create: () => Promise<number>) => base.ids.get(name) ?? remember(base, name, await create());
  const paired = new Set<string>();
  for (const key of base.pairingIds.keys()) paired.add(key.split('|')[1]);
  const districts: ScaleDistrict[] = [];
  for (const plan of DISTRICT_PLANS) {
    const gov = districtGov(plan.name);
    const orgId = await orgOf(gov, async () => (await createOrg(db, base.ctx, { name: gov, type: 'party_government', side: 'east', regionCode: plan.code, aliases: [plan.name], note: NOTE }, { isDemo: true })).id);
    for (const county of planned(plan, counties)) {
      const west = `${county.name}人民政府`;
      if (paired.has(west)) continue; // a county works with one district
      const westId = await orgOf(west, async () => (await createOrg(db, base.ctx, { name: west, type: 'party_government', side: 'west', regionCode: county.code, aliases: [county.name], note: NOTE }, { isDemo: true })).id);
      const type = county.code.startsWith('53') && !plan.counterpart.some(([n]) => n === county.name) ? 'east_west' : 'counterpart';
      const pairing = await createPairing(db, base.ctx, { type, eastOrgId: orgId, westOrgId: westId, startDate: '2021-01-01', status: 'active', note: NOTE }, { isDemo: true });
      base.pairingIds.set(`${gov}|${west}`, pairing.id);
      paired.add(west);
    }
    districts.push({ name: plan.name, orgId, weight: plan.weight, counties: [] });
  }
  return attachCounties(db, districts);
}

function remember(base: DemoBase, name: string, id: number) {
  base.ids.set(name, id);
  return id;
}

async function countyNames(db: Db) {
  const rows = await sql<{ code: string; name: string }>`select code, name from regions where level = 3 and left(code, 2) in ('53', '54', '63', '65') order by code`.execute(db);
  return rows.rows;
}

function planned(plan: DistrictPlan, counties: { code: string; name: string }[]) {
  const whole = counties.filter((c) => plan.prefectures.includes(c.code.slice(0, 4)));
  const named = plan.counterpart.map(([name, prefix]) => {
    const found = counties.find((c) => c.name === name && c.code.startsWith(prefix));
    if (!found) throw new Error(`规模演示：找不到县「${name}」（${prefix}）`);
    return found;
  });
  return [...whole, ...named];
}

/** Every county each district is paired with (the demo's pairings included), with its townships. */
async function attachCounties(db: Db, districts: ScaleDistrict[]): Promise<ScaleDistrict[]> {
  const rows = await sql<{ east: number; pairing: number; west: number; code: string; name: string; townships: string[] }>`
    select p.east_org_id as east, p.id as pairing, w.id as west, w.region_code as code, r.name,
           coalesce((select array_agg(t.code order by t.code) from regions t where t.parent_code = w.region_code), '{}') as townships
    from pairings p join orgs w on w.id = p.west_org_id join regions r on r.code = w.region_code
    where p.type in ('east_west', 'counterpart') and length(w.region_code) = 6
    order by p.id`.execute(db);
  for (const d of districts) {
    d.counties = rows.rows.filter((r) => Number(r.east) === d.orgId).map((r) => ({ code: r.code, name: r.name, orgId: Number(r.west), pairingId: Number(r.pairing), townships: r.townships }));
  }
  return districts.filter((d) => d.counties.length > 0);
}
