import { expect } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import type { Reply } from '../../testing/test-app.ts';
import { rowsOf, xlsxOf as sheet } from '../../testing/xlsx.ts';
import type { Ctx, Line } from './access.matrix.lines.ts';
import type { MatrixRecords } from './access.matrix.fixture.ts';
import { createRecord } from '../../modules/industry/industry.service.ts';
import { ENTERPRISES, FARMING, PARKS, WORKSHOPS } from '../../modules/industry/industry.kinds.ts';

/**
 * The matrix lines of 产业合作 (enterprises introduced, parks and bases, workshops, contract farming)
 * with their records: "in" records lie in 香格里拉市 (X) under district A's pairing and are owned by
 * A's front-line group; "out" records lie in 玛沁县 (Y) under district B's pairing. The records are
 * made once per matrix run, on first use.
 */
const X = '533401';
const Y = '632621';

type Side = { county: string; place: string; pairingId: number };
const side = (c: Ctx, inScope: boolean): Side => (inScope ? { county: X, place: `${X}101`, pairingId: c.f.pairIn } : { county: Y, place: `${Y}100`, pairingId: c.f.pairOut });

let seq = 0;
const BODIES = {
  enterprises: { spec: ENTERPRISES, body: (s: Side) => ({ name: `矩阵引进企业${++seq}`, originName: '矩阵来源集团', countyCode: s.county, placeCode: s.place, industry: 'agri_processing', signedFen: 100_000, actualFen: 50_000, signedOn: '2024-03-01', jobs: 10, poorEmployed: 3, monitoredEmployed: 1, pairingId: s.pairingId }) },
  parks: { spec: PARKS, body: (s: Side) => ({ name: `矩阵产业园${++seq}`, kind: 'park', countyCode: s.county, placeCode: s.place, areaMu: 12.5, establishedOn: '2024-01-01', enterprises: 2, jobs: 20, pairingId: s.pairingId }) },
  workshops: { spec: WORKSHOPS, body: (s: Side) => ({ name: `矩阵帮扶车间${++seq}`, countyCode: s.county, placeCode: s.place, operatorName: '矩阵运营公司', openedOn: '2024-02-01', employees: 8, poorEmployed: 5, monitoredEmployed: 1, pairingId: s.pairingId }) },
  'contract-farming': { spec: FARMING, body: (s: Side) => ({ product: `矩阵五味子${++seq}`, buyerName: '矩阵药业', countyCode: s.county, placeCode: s.place, acreageMu: 100, households: 20, contractFen: 200_000, signedOn: '2024-04-01', pairingId: s.pairingId }) },
} as const;
type Path = keyof typeof BODIES;
type Pair = { in: number; out: number };

async function record(c: Ctx, path: Path, inScope: boolean) {
  const b = BODIES[path];
  const body = { ...b.body(side(c, inScope)), ...(inScope ? { owningOrgId: c.r.owner } : {}) };
  return ((await createRecord(c.r.db, systemContext, b.spec as never, body as never)) as { id: number }).id;
}

const made = new WeakMap<MatrixRecords, Promise<Record<Path, Pair>>>();
/** One record on each side of the boundary per kind, for the list, read and update lines. */
function fixture(c: Ctx): Promise<Record<Path, Pair>> {
  if (!made.has(c.r)) {
    made.set(c.r, (async () => {
      const out = {} as Record<Path, Pair>;
      for (const path of Object.keys(BODIES) as Path[]) out[path] = { in: await record(c, path, true), out: await record(c, path, false) };
      return out;
    })());
  }
  return made.get(c.r)!;
}

const ids = (res: Reply<any>) => (res.body.items as { id: number }[]).map((x) => x.id);
const allCells = async (res: Reply<any>) => JSON.stringify(await rowsOf(res.raw.rawPayload));

/** The import rows of each kind: the same record as a form, with its pairing by number. */
const SHEETS: Record<Path, (s: Side, name: string) => unknown[][]> = {
  enterprises: (s, name) => [['企业名称', '引进来源', '县代码', '行业', '签约投资额（元）', '签约日期', '带动就业人数', '结对关系编号'], [name, '矩阵来源集团', s.county, '农产品加工', 1000, '2024-03-01', 5, s.pairingId]],
  parks: (s, name) => [['名称', '类型', '县代码', '面积（亩）', '建成（认定）日期', '结对关系编号'], [name, '种植基地', s.county, 30.25, '2024-01-01', s.pairingId]],
  workshops: (s, name) => [['车间名称', '县代码', '运营主体', '建成投产日期', '吸纳就业人数', '结对关系编号'], [name, s.county, '矩阵运营公司', '2024-02-01', 6, s.pairingId]],
  'contract-farming': (s, name) => [['产品', '收购方', '县代码', '规模（亩）', '签约日期', '结对关系编号'], [name, '矩阵药业', s.county, 50, '2024-04-01', s.pairingId]],
};

function kindLines(path: Path): Record<string, Line> {
  const url = `/api/v1/industry/${path}`;
  const pick = async (c: Ctx) => (await fixture(c))[path][c.inScope ? 'in' : 'out'];
  return {
    [`GET ${url}`]: {
      scoping: 'list',
      request: async (c) => {
        const out = (await fixture(c))[path].out;
        return { method: 'GET', url: `${url}?pageSize=200`, check: (res, all) => expect(ids(res).includes(out)).toBe(all) };
      },
    },
    [`POST ${url}`]: { scoping: 'create', outOfScope: 400, request: (c) => ({ method: 'POST', url, body: BODIES[path].body(side(c, c.inScope)) }) },
    [`GET ${url}/:id`]: { scoping: 'record', request: async (c) => ({ method: 'GET', url: `${url}/${await pick(c)}` }) },
    [`PATCH ${url}/:id`]: { scoping: 'record', request: async (c) => ({ method: 'PATCH', url: `${url}/${await pick(c)}`, body: { note: '矩阵' } }) },
    [`DELETE ${url}/:id`]: { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `${url}/${await record(c, path, c.inScope)}` }) },
    [`GET ${url}/import-template.xlsx`]: { scoping: 'none', request: () => ({ method: 'GET', url: `${url}/import-template.xlsx` }) },
    [`POST ${url}/import`]: {
      scoping: 'create',
      outOfScope: 400,
      request: async (c) => ({ method: 'POST', url: `${url}/import`, body: await sheet(SHEETS[path](side(c, c.inScope), c.r.name('矩阵导入'))) }),
    },
    // An out-of-scope record (made as the administrator) whose note is a unique marker: only a role that sees everything exports it.
    [`GET ${url}/export.xlsx`]: {
      scoping: 'list',
      request: async (c) => {
        const note = c.r.name('矩阵产业标记');
        const res = await c.t.call('POST', url, { ...BODIES[path].body(side(c, false)), note });
        if (res.status !== 201) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
        return { method: 'GET', url: `${url}/export.xlsx`, check: async (r, all) => expect((await allCells(r)).includes(note)).toBe(all) };
      },
    },
  };
}

export const INDUSTRY_LINES: Record<string, Line> = {
  ...kindLines('enterprises'),
  ...kindLines('parks'),
  ...kindLines('workshops'),
  ...kindLines('contract-farming'),
  // A summary of X (in scope: counted) or of Y (counted only for a role that sees everything).
  'GET /api/v1/industry/summary': {
    scoping: 'list',
    request: async (c) => {
      await fixture(c);
      return { method: 'GET', url: `/api/v1/industry/summary?county=${c.inScope ? X : Y}&year=2024`, check: (res, all, inScope) => expect(res.body.counties.length > 0).toBe(inScope || all) };
    },
  },
};
