import type { Queryable } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Page } from '../../platform/contract.ts';
import * as repo from './regions.repository.ts';
import type { RegionRow } from './regions.repository.ts';
import { REGION_LEVELS, type Candidate, type Region, type SearchResult } from './regions.contract.ts';
import { ancestorCodes, levelHint, normalizePlaceText, shortName } from './regions.names.ts';

const MAX_QUERY_CHARS = 30;

/** Adds the path from the province down (one query for all rows). */
export async function withPaths(q: Queryable, rows: RegionRow[]): Promise<Region[]> {
  const codes = [...new Set(rows.flatMap((r) => ancestorCodes(r.code)))];
  const byCode = new Map((await repo.findByCodes(q, codes)).map((r) => [r.code, r]));
  for (const r of rows) byCode.set(r.code, r);
  return rows.map((r) => {
    const path = [...ancestorCodes(r.code), r.code]
      .map((c) => byCode.get(c))
      .filter((x): x is RegionRow => !!x)
      .map((x) => ({ code: x.code, name: x.name, level: x.level }));
    return {
      code: r.code,
      name: r.name,
      level: r.level,
      shortName: r.short_name,
      parentCode: r.parent_code,
      path,
      fullName: path.map((p) => p.name).filter((n) => n !== '市辖区').join(' '),
    };
  });
}

export async function getRegion(q: Queryable, code: string): Promise<Region> {
  const row = await repo.findByCode(q, code);
  if (!row) throw notFound('行政区划', code);
  const [region] = await withPaths(q, [row]);
  const counts = await repo.countChildren(q, [code]);
  return { ...region, childCount: counts.get(code) ?? 0 };
}

export async function listChildren(q: Queryable, code: string | null, page: number, pageSize: number): Promise<Page<Region>> {
  if (code !== null && !(await repo.findByCode(q, code))) throw notFound('行政区划', code);
  const { rows, total } = await repo.listChildren(q, code, (page - 1) * pageSize, pageSize);
  const counts = await repo.countChildren(q, rows.map((r) => r.code));
  const items = (await withPaths(q, rows)).map((r) => ({ ...r, childCount: counts.get(r.code) ?? 0 }));
  return { items, total, page, pageSize };
}

interface Chain {
  row: RegionRow;
  pieces: number;
  score: number;
}

/**
 * Resolves a place as bulletins write it: full names, short names (香格里拉, 迪庆州),
 * and compounds (小中甸镇联合村, 云南省香格里拉市) whose parts must nest. Ambiguous names
 * return every candidate, ranked — never a silent guess.
 */
export async function searchRegions(q: Queryable, input: { q: string; limit: number; within?: string }): Promise<SearchResult> {
  const text = normalizePlaceText(input.q).slice(0, MAX_QUERY_CHARS);
  const n = text.length;
  const subs: string[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 2; j <= n; j++) subs.push(text.slice(i, j));
  if (n === 1) subs.push(text);
  const rows = await repo.findByNames(q, [...new Set(subs)], [...new Set(subs.map(shortName))], input.within);

  const matchesOf = (piece: string): { row: RegionRow; score: number }[] => {
    const hint = levelHint(piece);
    const short = shortName(piece);
    const out: { row: RegionRow; score: number }[] = [];
    for (const row of rows) {
      if (row.name === piece) out.push({ row, score: 3 });
      else if (row.short_name === short && (!hint || hint.includes(row.level))) out.push({ row, score: 2 });
    }
    return out;
  };

  const found = new Map<string, { row: RegionRow; match: Candidate['match']; score: number }>();
  const offer = (row: RegionRow, match: Candidate['match'], score: number) => {
    const prev = found.get(row.code);
    if (!prev || prev.score < score) found.set(row.code, { row, match, score });
  };

  for (const m of matchesOf(text)) offer(m.row, m.score === 3 ? 'exact' : 'short', m.score === 3 ? 100 : 90);

  // Compounds: chains of pieces covering the text, each piece a descendant of the one before.
  const chains: Chain[][] = Array.from({ length: n + 1 }, () => []);
  for (let i = 0; i < n; i++) {
    if (i > 0 && chains[i].length === 0) continue;
    for (let j = i + 2; j <= n; j++) {
      if (i === 0 && j === n) continue;
      for (const m of matchesOf(text.slice(i, j))) {
        if (i === 0) {
          chains[j].push({ row: m.row, pieces: 1, score: m.score });
          continue;
        }
        for (const c of chains[i]) {
          if (m.row.level > c.row.level && m.row.code.startsWith(c.row.code)) {
            chains[j].push({ row: m.row, pieces: c.pieces + 1, score: c.score + m.score });
          }
        }
      }
      if (chains[j].length > 500) chains[j].length = 500;
    }
  }
  for (const c of chains[n]) if (c.pieces >= 2) offer(c.row, 'compound', 90 + Math.min(9, c.score / c.pieces + c.pieces));

  if (found.size === 0) {
    for (const row of await repo.findByPrefix(q, text, input.limit, input.within)) offer(row, 'prefix', 10);
  }

  const ranked = [...found.values()]
    .sort((a, b) => b.score - a.score || a.row.level - b.row.level || a.row.code.localeCompare(b.row.code))
    .slice(0, input.limit);
  const regions = await withPaths(q, ranked.map((r) => r.row));
  const candidates = ranked.map((r, i) => ({ region: regions[i], match: r.match, score: r.score }));
  return { query: input.q, ambiguous: candidates.length > 1, candidates };
}

/** Resolves a code or a name to exactly one region, or says why it cannot. */
export async function resolveRegion(q: Queryable, codeOrName: string, levels?: number[]): Promise<Region> {
  if (/^\d+$/.test(codeOrName)) return getRegion(q, codeOrName);
  const result = await searchRegions(q, { q: codeOrName, limit: 20 });
  const fits = result.candidates.filter((c) => !levels || levels.includes(c.region.level));
  const top = fits.filter((c) => c.score === fits[0]?.score);
  if (top.length === 1) return top[0].region;
  if (top.length === 0 && result.candidates.length > 0) {
    const got = result.candidates[0].region;
    throw new AppError('VALIDATION', `「${codeOrName}」匹配到的是${REGION_LEVELS[got.level as 1]}区划（如 ${got.fullName}），这里需要${levels!.map((l) => REGION_LEVELS[l as 1]).join('或')}区划`, [
      { path: 'region', message: '区划级别不符' },
    ]);
  }
  if (top.length === 0) throw new AppError('NOT_FOUND', `找不到地名「${codeOrName}」`, [{ path: 'region', message: '无匹配的行政区划' }]);
  throw new AppError(
    'VALIDATION',
    `地名「${codeOrName}」有多个匹配：${top.slice(0, 5).map((c) => `${c.region.fullName}（${c.region.code}）`).join('；')}。请使用区划代码。`,
    [{ path: 'region', message: '地名有歧义' }],
    { candidates: top.map((c) => c.region.code) },
  );
}
