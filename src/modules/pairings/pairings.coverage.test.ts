import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { makeOrg, makePairing } from '../../testing/factories.ts';

/**
 * The denominators of coverage: per village tag in force that year, the tagged villages and the
 * paired ones among them. Figures counted by hand from the records below (all in 香格里拉市 533401):
 *
 *   village                      tags (years)                                  paired from
 *   V1 533401101201 红坡 (建塘镇)   深度贫困村 2017–2020, 脱贫村 2019–            2018
 *   V2 533401101202 吉迪 (建塘镇)   深度贫困村 2017–2020                          —
 *   V3 533401102201 联合 (小中甸镇) 深度贫困村 2017–2020                          2018
 *   V4 533401102202 和平 (小中甸镇) 深度贫困村 2017–2018, 脱贫村 2021–            2018
 *   V5 533401102203 团结 (小中甸镇) 易地搬迁安置点 2019–, ended pairing 2018–2019  2018–2019
 *   the county                    脱贫县 2019–2020
 */
const t = useTestApp();
const V = { v1: '533401101201', v2: '533401101202', v3: '533401102201', v4: '533401102202', v5: '533401102203' };
const tag = async (regionCode: string, tag: string, yearFrom: number, yearTo: number | null) => {
  const res = await t.call('POST', '/api/v1/place-tags', { regionCode, tag, yearFrom, yearTo, sourceDocument: '覆盖测试名单' });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
};
const figures = async (code: string, year: number) => {
  const res = await t.call('GET', `/api/v1/coverage/${code}?year=${year}`);
  expect(res.status).toBe(200);
  return res.body as { regionTags: string[]; villageTags: { tag: string; villages: number; pairedVillages: number; pairedPct: number | null }[]; villages?: { code: string; tags?: string[] }[]; totals: Record<string, number> };
};
const byTag = (b: Awaited<ReturnType<typeof figures>>) => Object.fromEntries(b.villageTags.map((x) => [x.tag, [x.villages, x.pairedVillages, x.pairedPct]]));

beforeAll(async () => {
  const firm = await makeOrg(t, { type: 'soe', name: '覆盖测试国企' });
  for (const code of [V.v1, V.v3, V.v4, V.v5]) {
    const village = await makeOrg(t, { side: 'west', type: 'village_committee', regionCode: code, name: `覆盖测试村${code}` });
    await makePairing(t, { type: 'village_enterprise', eastOrgId: firm.id, westOrgId: village.id, startDate: '2018-01-01', ...(code === V.v5 ? { endDate: '2019-12-31' } : {}) });
  }
  await tag('533401', 'poverty_county', 2019, 2020);
  await tag(V.v1, 'deep_poverty_village', 2017, 2020);
  await tag(V.v1, 'poverty_village', 2019, null);
  await tag(V.v2, 'deep_poverty_village', 2017, 2020);
  await tag(V.v3, 'deep_poverty_village', 2017, 2020);
  await tag(V.v4, 'deep_poverty_village', 2017, 2018);
  await tag(V.v4, 'poverty_village', 2021, null);
  await tag(V.v5, 'relocation_site', 2019, null);
});

describe('coverage of tagged villages', () => {
  it('counts, for the county and a year, the villages of each tag in force and the paired ones among them', async () => {
    // 2020: 深度贫困村 V1 V2 V3 (V4's ended 2018), paired V1 V3; 脱贫村 V1 (V4's starts 2021), paired; 安置点 V5, its pairing ended 2019.
    const y2020 = await figures('533401', 2020);
    expect(byTag(y2020)).toEqual({ deep_poverty_village: [3, 2, 66.7], poverty_village: [1, 1, 100], relocation_site: [1, 0, 0] });
    expect(y2020.regionTags).toEqual(['poverty_county']);
    expect(y2020.villages!.find((v) => v.code === V.v1)!.tags!.sort()).toEqual(['deep_poverty_village', 'poverty_village']);
    expect(y2020.villages!.find((v) => v.code === '533401101203')!.tags).toBeUndefined();
    // 2018: 深度贫困村 V1–V4, paired V1 V3 V4; no 脱贫村 yet; no 安置点 yet.
    expect(byTag(await figures('533401', 2018))).toEqual({ deep_poverty_village: [4, 3, 75], poverty_village: [0, 0, null], relocation_site: [0, 0, null] });
    // 2021: no 深度贫困村; 脱贫村 V1 V4, both paired; V5 still an 安置点, unpaired; the county no longer 脱贫县 on this list.
    const y2021 = await figures('533401', 2021);
    expect(byTag(y2021)).toEqual({ deep_poverty_village: [0, 0, null], poverty_village: [2, 2, 100], relocation_site: [1, 0, 0] });
    expect(y2021.regionTags).toEqual([]);
  });

  it('counts a township’s villages alone, and leaves the existing totals as they were', async () => {
    // 建塘镇 in 2020: 深度贫困村 V1 V2, paired V1.
    const town = await figures('533401101', 2020);
    expect(byTag(town).deep_poverty_village).toEqual([2, 1, 50]);
    expect(byTag(town).poverty_village).toEqual([1, 1, 100]);
    const county = await figures('533401', 2020);
    expect(county.totals.pairedVillages).toBe(3); // V1 V3 V4 (V5's pairing ended)
  });
});
