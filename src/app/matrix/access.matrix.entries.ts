import { expect } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import type { Reply } from '../../testing/test-app.ts';
import { rowsOf, xlsxOf as sheet } from '../../testing/xlsx.ts';
import type { Ctx, Line } from './access.matrix.lines.ts';
import { createEntry } from '../../modules/indicators/indicators.entries.service.ts';
import { INDICATORS } from '../../modules/indicators/indicators.definitions.ts';
import type { EntryKind } from '../../modules/indicators/indicators.entries.contract.ts';

/**
 * The matrix lines of targets and reported figures: "in" entries lie in the role's own scope
 * (district A, or 香格里拉市 for the regional roles), "out" entries in district B. Each entry takes
 * its own indicator and year, so no two targets collide.
 */
const X = '533401';
const regional = (c: Ctx) => c.role === 'frontline' || c.role === 'recipient_clerk' || c.role === 'recipient_leader';
let seq = 0;
const codes = INDICATORS.filter((d) => d.unit !== 'percent').map((d) => d.code);
const body = (c: Ctx, inScope: boolean, note?: string) => {
  seq += 1;
  const scope = !inScope ? { scopeKind: 'district', districtId: c.f.distB } : regional(c) ? { scopeKind: 'region', regionCode: X } : { scopeKind: 'district', districtId: c.f.distA };
  return { indicatorCode: codes[seq % codes.length], year: 2000 + (seq % 100), value: 10, document: '矩阵文件', ...scope, ...(note ? { note } : {}) };
};
const make = async (c: Ctx, kind: EntryKind, inScope: boolean, note?: string) => (await createEntry(c.r.db, systemContext, kind, body(c, inScope, note) as never)).id;
const ids = (res: Reply<any>) => (res.body.items as { id: number }[]).map((x) => x.id);

function kindLines(kind: EntryKind, path: string): Record<string, Line> {
  const url = `/api/v1${path}`;
  return {
    [`GET ${url}`]: {
      scoping: 'list',
      request: async (c) => {
        const out = await make(c, kind, false);
        return { method: 'GET', url: `${url}?pageSize=200`, check: (res, all) => expect(ids(res).includes(out)).toBe(all) };
      },
    },
    [`POST ${url}`]: { scoping: 'create', outOfScope: 400, request: (c) => ({ method: 'POST', url, body: body(c, c.inScope) }) },
    [`GET ${url}/:id`]: { scoping: 'record', request: async (c) => ({ method: 'GET', url: `${url}/${await make(c, kind, c.inScope)}` }) },
    [`PATCH ${url}/:id`]: { scoping: 'record', request: async (c) => ({ method: 'PATCH', url: `${url}/${await make(c, kind, c.inScope)}`, body: { note: '矩阵' } }) },
    [`DELETE ${url}/:id`]: { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `${url}/${await make(c, kind, c.inScope)}` }) },
    [`GET ${url}/import-template.xlsx`]: { scoping: 'none', request: () => ({ method: 'GET', url: `${url}/import-template.xlsx` }) },
    [`POST ${url}/import`]: {
      scoping: 'create',
      outOfScope: 400,
      request: async (c) => {
        const b = body(c, c.inScope);
        const scope = b.scopeKind === 'region' ? ['地区', '', b.regionCode] : ['区', c.inScope ? '矩阵A区' : '矩阵B区', ''];
        const name = INDICATORS.find((d) => d.code === b.indicatorCode)!.name;
        return { method: 'POST', url: `${url}/import`, body: await sheet([['指标', '年度', '范围类型', '区（单位名称）', '地区代码', '数值', kind === 'target' ? '依据文件' : '来源'], [name, b.year, scope[0], scope[1], scope[2], 10, '矩阵导入']]) };
      },
    },
    [`GET ${url}/export.xlsx`]: {
      scoping: 'list',
      request: async (c) => {
        const note = c.r.name('矩阵目标标记');
        await make(c, kind, false, note);
        return { method: 'GET', url: `${url}/export.xlsx`, check: async (r, all) => expect(JSON.stringify(await rowsOf(r.raw.rawPayload)).includes(note)).toBe(all) };
      },
    },
  };
}

export const ENTRY_LINES: Record<string, Line> = {
  ...kindLines('target', '/indicator-targets'),
  ...kindLines('reported', '/reported-figures'),
  'GET /api/v1/indicators/warnings': {
    scoping: 'record',
    request: (c) => ({ method: 'GET', url: `/api/v1/indicators/warnings?year=2024&${!c.inScope ? `district=${c.f.distB}` : regional(c) ? `region=${X}` : `district=${c.f.distA}`}` }),
  },
  'GET /api/v1/indicators/warnings/export': {
    scoping: 'record',
    request: (c) => ({ method: 'GET', url: `/api/v1/indicators/warnings/export?year=2024&${!c.inScope ? `district=${c.f.distB}` : regional(c) ? `region=${X}` : `district=${c.f.distA}`}` }),
  },
};
