import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import * as entries from './indicators.entries.repository.ts';
import { BY_CODE, UNITS } from './indicators.definitions.ts';
import { computeIndicators, clock, resolveScope } from './indicators.service.ts';
import { elapsedShare, progressOf } from './indicators.overlays.ts';
import type { ScopeQuery, Warnings } from './indicators.contract.ts';
import type { ResolvedScope } from './indicators.scope.ts';
import { writeSheet } from '../../platform/excel/workbook.ts';
import type { Column } from '../../platform/excel/columns.ts';

type Row = entries.EntryRow;

/** Does a target's scope lie within the scope asked for (the city holds all; a district its pairings; a place what lies in it)? */
async function within(asked: ResolvedScope, r: Row, pairingsOf: (id: number) => Promise<{ east: number; west: string | null } | undefined>) {
  const c = asked.cells;
  if (c.kind === 'city') return true;
  if (c.kind === 'district') {
    if (r.scope_kind === 'district') return c.orgIds.includes(Number(r.scope_org_id));
    if (r.scope_kind === 'pairing') return c.orgIds.includes((await pairingsOf(Number(r.scope_pairing_id)))?.east ?? 0);
    return false;
  }
  if (c.kind === 'pairing') return r.scope_kind === 'pairing' && Number(r.scope_pairing_id) === c.pairingId;
  if (r.scope_kind === 'region') return r.scope_region_code!.startsWith(c.code);
  if (r.scope_kind === 'pairing') return ((await pairingsOf(Number(r.scope_pairing_id)))?.west ?? '').startsWith(c.code);
  return false;
}

/** What is behind its target in the scope asked for (default the caller's own), worst first: one figures query per target scope. */
export async function warningsFor(q: Queryable, ctx: RequestContext, query: Pick<ScopeQuery, 'year' | 'district' | 'pairing' | 'region'>): Promise<Warnings> {
  const asked = await resolveScope(q, ctx, query);
  const asOf = clock.today();
  const share = elapsedShare(query.year, asOf);
  const { rows } = await entries.list(q, ctx.scope, 'target', { year: query.year });
  const cache = new Map<number, { east: number; west: string | null } | undefined>();
  const pairingsOf = async (id: number) => {
    if (!cache.has(id)) {
      const s = await resolveScope(q, ctx, { pairing: id }).catch(() => undefined);
      cache.set(id, s && s.cells.kind === 'pairing' ? { east: s.cells.eastOrgIds[0], west: s.cells.westRegion } : undefined);
    }
    return cache.get(id);
  };
  const mine: Row[] = [];
  for (const r of rows) if (BY_CODE.has(r.indicator_code) && (await within(asked, r, pairingsOf))) mine.push(r);

  const byScope = new Map<string, Row[]>();
  for (const r of mine) {
    const key = `${r.scope_kind}:${r.scope_org_id ?? r.scope_pairing_id ?? r.scope_region_code ?? ''}`;
    byScope.set(key, [...(byScope.get(key) ?? []), r]);
  }
  const items: Warnings['items'] = [];
  for (const group of byScope.values()) {
    const r0 = group[0];
    const scopeParams = r0.scope_kind === 'district' ? { district: Number(r0.scope_org_id) } : r0.scope_kind === 'pairing' ? { pairing: Number(r0.scope_pairing_id) } : r0.scope_kind === 'region' ? { region: r0.scope_region_code! } : {};
    const report = await computeIndicators(q, ctx, { year: query.year, ...scopeParams }, [...new Set(group.map((r) => r.indicator_code))]);
    for (const r of group) {
      const item = report.items.find((i) => i.code === r.indicator_code)!;
      const target = Number(r.value);
      const p = progressOf(r.indicator_code, item.value, target, share);
      if (p.status !== 'behind' && p.status !== 'far_behind') continue;
      const def = BY_CODE.get(r.indicator_code)!;
      items.push({ targetId: Number(r.id), code: def.code, name: def.name, unit: UNITS[def.unit].label, scope: report.scope, value: item.value, target, expected: p.expected, progress: p.progress, status: p.status });
    }
  }
  const reached = (w: Warnings['items'][number]) => (w.expected === 0 ? 1 : (w.value ?? 0) / w.expected);
  items.sort((a, b) => (a.status === b.status ? reached(a) - reached(b) : a.status === 'far_behind' ? -1 : 1));
  return { year: query.year, asOf: asOf.toISOString().slice(0, 10), items };
}

const STATUS_LABELS = { behind: '落后', far_behind: '严重落后' } as const;

/** The warnings as the home page lists them, as a sheet. */
export async function exportWarnings(q: Queryable, ctx: RequestContext, query: Pick<ScopeQuery, 'year' | 'district' | 'pairing' | 'region'>): Promise<Buffer> {
  const w = await warningsFor(q, ctx, query);
  const columns: Column[] = [
    { header: '指标', key: 'name', kind: 'text', width: 30 },
    { header: '范围', key: 'scope', kind: 'text', width: 28 },
    { header: '单位', key: 'unit', kind: 'text', width: 8 },
    { header: '数值', key: 'value', kind: 'decimal' },
    { header: '年度目标', key: 'target', kind: 'decimal' },
    { header: `截至${w.asOf}应达`, key: 'expected', kind: 'decimal', width: 18 },
    { header: '完成进度（%）', key: 'progress', kind: 'decimal' },
    { header: '状态', key: 'status', kind: 'text' },
  ];
  const rows = w.items.map((x) => ({ ...x, scope: x.scope.name, status: STATUS_LABELS[x.status as keyof typeof STATUS_LABELS] ?? x.status }));
  return writeSheet(columns, rows, { sheetName: `${w.year}年目标预警` });
}
