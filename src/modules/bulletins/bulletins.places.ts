import type { Queryable } from '../../platform/db/database.ts';
import { searchRegions } from '../regions/regions.service.ts';

/** A place an item names, with the divisions it may be: one when resolved, several when ambiguous, none when unknown. */
export interface PlaceFact {
  name: string;
  candidates: { code: string; name: string }[];
}

/** Names that are places by their ending (a unit such as 香格里拉市总工会 is not). */
const PLACE_NAME = /(?:自治州|州|盟|县|旗|市|区|乡|镇|村|社区)$/;
const MAX_NAMES = 80;

/**
 * 地名 → 区划代码, once per distinct name of a document: exact, short and compound matches only (a
 * prefix guess is not a resolution), every equally good candidate kept.
 */
export async function resolvePlaces(q: Queryable, names: string[]): Promise<Map<string, PlaceFact>> {
  const out = new Map<string, PlaceFact>();
  for (const name of [...new Set(names.filter((n) => PLACE_NAME.test(n)))].slice(0, MAX_NAMES)) {
    const found = await searchRegions(q, { q: name, limit: 5 });
    const good = found.candidates.filter((c) => c.match !== 'prefix');
    const best = good.filter((c) => c.score === good[0]?.score);
    out.set(name, { name, candidates: best.map((c) => ({ code: c.region.code, name: c.region.fullName })) });
  }
  return out;
}
