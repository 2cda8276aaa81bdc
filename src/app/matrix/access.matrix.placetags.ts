import { expect } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { xlsxOf as sheet } from '../../testing/xlsx.ts';
import type { Ctx, Line } from './access.matrix.lines.ts';
import { createPlaceTag } from '../../modules/placetags/placetags.service.ts';

/**
 * The matrix lines of place tags. Reading is every logged-in user's (places are reference data, no
 * scope). Writing needs org:write and a city-wide scope: a scoped holder of org:write is refused
 * (403) whatever the place, in or out of its scope. Each write uses its own year, so tags never overlap.
 */
const P = '/api/v1/place-tags';
const cityWide = (c: Ctx) => c.role === 'sys_admin' || c.role === 'city_admin';
let year = 1950;
const village = (c: Ctx) => (c.inScope ? '533401101201' : '632621100201');
const body = (c: Ctx) => ({ regionCode: village(c), tag: 'poverty_village' as const, yearFrom: ++year, yearTo: year, sourceDocument: '矩阵名单' });
/** Allowed only to city-wide roles, refused to every other holder of the action. */
const writeOk = (c: Ctx) => (cityWide(c) ? [201, 200, 204] : [403]);

export const PLACE_TAG_LINES: Record<string, Line> = {
  [`GET ${P}`]: {
    scoping: 'none',
    request: async (c) => {
      const made = await createPlaceTag(c.r.db, systemContext, body({ ...c, inScope: false }));
      return { method: 'GET', url: `${P}?region=632621&pageSize=200`, check: (res) => expect((res.body.items as { id: number }[]).map((x) => x.id)).toContain(made.id) };
    },
  },
  [`POST ${P}`]: { scoping: 'create', outOfScope: 403, request: (c) => ({ method: 'POST', url: P, body: body(c), ok: writeOk(c) }) },
  [`DELETE ${P}/:id`]: {
    scoping: 'record',
    outOfScope: 403,
    request: async (c) => ({ method: 'DELETE', url: `${P}/${(await createPlaceTag(c.r.db, systemContext, body(c))).id}`, ok: writeOk(c) }),
  },
  [`GET ${P}/import-template.xlsx`]: { scoping: 'none', request: () => ({ method: 'GET', url: `${P}/import-template.xlsx` }) },
  [`POST ${P}/import`]: {
    scoping: 'create',
    outOfScope: 403,
    request: async (c) => {
      const b = body(c);
      return { method: 'POST', url: `${P}/import`, body: await sheet([['区划代码', '标识', '起始年度', '截止年度', '依据文件'], [b.regionCode, '脱贫村', b.yearFrom, b.yearTo, b.sourceDocument]]), ok: writeOk(c) };
    },
  },
  [`GET ${P}/export.xlsx`]: { scoping: 'none', request: () => ({ method: 'GET', url: `${P}/export.xlsx?region=533401` }) },
};
