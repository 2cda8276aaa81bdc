import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { openTestDatabase } from '../../testing/test-db.ts';
import { getRegion, listChildren, resolveRegion, searchRegions } from './regions.service.ts';
import { loadRegions } from './regions.loader.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});

const search = (q: string, limit = 20) => searchRegions(database.db, { q, limit });

describe('the division tree', () => {
  it('holds every level down to villages, loaded once', async () => {
    const again = await loadRegions(database.db);
    expect(again.loaded).toBe(false);
    expect(again.rows).toBeGreaterThan(660_000);
    const village = await getRegion(database.db, '533401102201');
    expect(village.fullName).toBe('云南省 迪庆藏族自治州 香格里拉市 小中甸镇 联合村民委员会');
    expect(village.path.map((p) => p.code)).toEqual(['53', '5334', '533401', '533401102', '533401102201']);
  });

  it('lists children with counts', async () => {
    const page = await listChildren(database.db, '533401', 1, 100);
    expect(page.items.map((r) => r.name)).toContain('小中甸镇');
    expect(page.items.every((r) => r.level === 4 && (r.childCount ?? 0) > 0)).toBe(true);
    const provinces = await listChildren(database.db, null, 1, 100);
    expect(provinces.total).toBe(31);
  });
});

describe('place search as bulletins write names', () => {
  it('resolves a short county name to its full path', async () => {
    const r = await search('香格里拉');
    expect(r.candidates[0].region.code).toBe('533401');
    expect(r.candidates[0].region.fullName).toBe('云南省 迪庆藏族自治州 香格里拉市');
  });

  it('resolves a township + village compound, village written as 村', async () => {
    const r = await search('小中甸镇联合村');
    expect(r.candidates[0].region.code).toBe('533401102201');
    expect(r.candidates[0].match).toBe('compound');
    expect(r.ambiguous).toBe(false);
  });

  it('resolves 玛沁县 exactly', async () => {
    const r = await search('玛沁县');
    expect(r.candidates[0].region).toMatchObject({ code: '632621', fullName: '青海省 果洛藏族自治州 玛沁县' });
  });

  it('returns every candidate of an ambiguous name instead of guessing', async () => {
    const r = await search('联合村', 200);
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.length).toBeGreaterThan(50);
    expect(r.candidates.every((c) => c.region.level === 5)).toBe(true);
    await expect(resolveRegion(database.db, '联合村')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('narrows to a county with within', async () => {
    const r = await searchRegions(database.db, { q: '联合村', limit: 20, within: '533401' });
    expect(r.candidates.map((c) => c.region.code)).toEqual(['533401102201']);
  });

  it('finds nothing for a name that is no place, and says so', async () => {
    const r = await search('不存在的地方名字');
    expect(r.candidates).toEqual([]);
    await expect(resolveRegion(database.db, '不存在的地方名字')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
