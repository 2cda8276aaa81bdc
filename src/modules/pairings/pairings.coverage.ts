import type { Queryable } from '../../platform/db/database.ts';
import { invalidField } from '../../platform/errors.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import { getRegion } from '../regions/regions.service.ts';
import * as repo from './pairings.repository.ts';
import * as tagsRepo from '../placetags/placetags.repository.ts';
import { VILLAGE_TAG_CODES, type PlaceTagCode, type VillageTagCode } from '../placetags/placetags.contract.ts';
import type { Coverage, CoverageUnit, PairingType } from './pairings.contract.ts';
import type { Scope } from '../../platform/access/scope.ts';

type Covering = Awaited<ReturnType<typeof repo.coveringUnder>>[number];

const toCoveredBy = (c: Covering) => ({ pairingId: c.pairing_id, type: c.type as PairingType, eastOrgId: c.east_id, eastOrgName: c.east_name });

/**
 * Which units of a recipient region are paired in a year: for a county its townships and
 * villages, for a prefecture its counties, for a township its villages. A unit counts as paired
 * when a pairing in force that year has a recipient organisation located exactly at that unit.
 * Only pairings in the caller's scope are counted.
 */
export async function coverageOf(q: Queryable, scope: Scope, code: string, year = new Date().getFullYear()): Promise<Coverage> {
  const region = await getRegion(q, code);
  if (region.level < 2 || region.level > 4) {
    throw invalidField('code', `覆盖情况按地级、县级或乡级区划统计，「${region.name}」是${['', '省级', '', '', '', '村级'][region.level]}区划`);
  }
  const covering = await repo.coveringUnder(q, scope, code, year);
  const byRegion = new Map<string, Covering[]>();
  for (const c of covering) {
    if (!c.west_region) continue;
    byRegion.set(c.west_region, [...(byRegion.get(c.west_region) ?? []), c]);
  }
  // The villages' tags in force that year (place_tags): the denominators of 深度贫困村 结对覆盖率 and the like.
  const tagsOf = new Map<string, PlaceTagCode[]>();
  for (const t of await tagsRepo.villageTagsInForce(q, code, year)) tagsOf.set(t.region_code, [...(tagsOf.get(t.region_code) ?? []), t.tag as PlaceTagCode]);
  const unitOf = (r: { code: string; name: string; level: number }): CoverageUnit => {
    const here = byRegion.get(r.code) ?? [];
    const tags = tagsOf.get(r.code);
    return { code: r.code, name: r.name, level: r.level, paired: here.length > 0, pairings: here.map(toCoveredBy), ...(tags ? { tags } : {}) };
  };

  const townships = region.level === 4 ? [] : await regionsRepo.listUnder(q, code, 4);
  const villages = await regionsRepo.listUnder(q, code, 5);
  const villageUnits = villages.map(unitOf);

  let units: CoverageUnit[];
  if (region.level === 2) {
    units = (await regionsRepo.listUnder(q, code, 3)).map(unitOf);
  } else if (region.level === 3) {
    const perTownship = new Map<string, { total: number; paired: number }>();
    for (const v of villageUnits) {
      const t = perTownship.get(v.code.slice(0, 9)) ?? { total: 0, paired: 0 };
      t.total += 1;
      if (v.paired) t.paired += 1;
      perTownship.set(v.code.slice(0, 9), t);
    }
    units = townships.map((t) => ({ ...unitOf(t), villages: perTownship.get(t.code) ?? { total: 0, paired: 0 } }));
  } else {
    units = villageUnits;
  }

  const byType = new Map<PairingType, { townships: Set<string>; villages: Set<string>; pairings: Set<number> }>();
  for (const c of covering) {
    const t = byType.get(c.type as PairingType) ?? { townships: new Set(), villages: new Set(), pairings: new Set() };
    t.pairings.add(c.pairing_id);
    if (c.west_region?.length === 9) t.townships.add(c.west_region);
    if (c.west_region?.length === 12) t.villages.add(c.west_region);
    byType.set(c.type as PairingType, t);
  }

  const townshipCodes = new Set(townships.map((t) => t.code));
  return {
    region: { code: region.code, name: region.name, level: region.level, fullName: region.fullName },
    year,
    own: (byRegion.get(code) ?? []).map(toCoveredBy),
    totals: {
      townships: townships.length,
      pairedTownships: [...townshipCodes].filter((c) => byRegion.has(c)).length,
      villages: villages.length,
      pairedVillages: villageUnits.filter((v) => v.paired).length,
    },
    byType: [...byType.entries()].map(([type, t]) => ({ type, townships: t.townships.size, villages: t.villages.size, pairings: t.pairings.size })),
    units,
    ...(region.level === 3 ? { villages: villageUnits } : {}),
    regionTags: (await tagsRepo.tagsInForce(q, code, year)) as PlaceTagCode[],
    villageTags: VILLAGE_TAG_CODES.map((tag) => villageTagFigures(tag, villageUnits)),
  };
}

/** Of the villages carrying a tag that year, how many are paired: 结对覆盖率 = paired / tagged. */
function villageTagFigures(tag: VillageTagCode, villages: CoverageUnit[]) {
  const tagged = villages.filter((v) => v.tags?.includes(tag));
  const paired = tagged.filter((v) => v.paired).length;
  return { tag, villages: tagged.length, pairedVillages: paired, pairedPct: tagged.length ? Math.round((paired / tagged.length) * 1000) / 10 : null };
}
