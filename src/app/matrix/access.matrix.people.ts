import { expect } from 'vitest';
import type { Db } from '../../platform/db/database.ts';
import { systemContext } from '../../platform/context.ts';
import type { Reply } from '../../testing/test-app.ts';
import type { Ctx, Line } from './access.matrix.lines.ts';
import type { MatrixRecords } from './access.matrix.fixture.ts';
import { createPerson } from '../../modules/personnel/personnel.service.ts';
import { createDispatch } from '../../modules/personnel/personnel.dispatches.ts';
import { createRecord } from '../../modules/labor/labor.service.ts';
import { FAIRS, PLACEMENTS, RETENTION, WORKSTATIONS } from '../../modules/labor/labor.kinds.ts';

/**
 * The matrix lines of 援派 (persons, dispatches) and 劳务协作 (placements, job fairs, workstations,
 * retention), with their fixture records: "in" records sit in 香格里拉市 (X) and reach district A
 * (origin unit under A, or A's pairing); "out" records sit in 玛沁县 (Y) under district B.
 */
const X = '533401';
const Y = '632621';

type Pair = { in: number; out: number };
export interface PeopleFixture {
  /** An east unit under district A located in X: in every scoped role's scope. */
  eastInX: number;
  person: Pair;
  dispatch: Pair;
  placement: Pair;
  fair: Pair;
  workstation: Pair;
  retention: Pair;
}
interface Base {
  distA: number;
  distB: number;
  westX: number;
  westY: number;
  pairIn: number;
  pairOut: number;
}

let seq = 0;
/** A period of its own for every record with a unique county-and-month key. */
const period = () => ({ year: 2030 + Math.floor(++seq / 12), month: (seq % 12) + 1 });
const side = (b: Base & { eastInX: number }, inScope: boolean) =>
  inScope ? { county: X, place: `${X}101`, shanghai: '310112', pairingId: b.pairIn, origin: b.eastInX, host: b.westX } : { county: Y, place: `${Y}100`, shanghai: '310105', pairingId: b.pairOut, origin: b.distB, host: b.westY };

const personBody = (b: Base & { eastInX: number }, inScope: boolean, name: string) => ({ name, sex: 'male' as const, originOrgId: side(b, inScope).origin });
const dispatchBody = (b: Base & { eastInX: number }, inScope: boolean, name: string) => ({
  person: personBody(b, inScope, name), category: 'cadre' as const, programme: inScope ? ('dian' as const) : ('qing' as const), hostOrgId: side(b, inScope).host, termStart: '2024-01-01', status: 'on_post' as const,
});

const LABOR = {
  placements: { spec: PLACEMENTS, body: (b: Base & { eastInX: number }, i: boolean) => ({ countyCode: side(b, i).county, ...period(), destination: 'local' as const, poorCount: 1, monitoredCount: 0, pairingId: side(b, i).pairingId }) },
  'job-fairs': {
    spec: FAIRS,
    body: (b: Base & { eastInX: number }, i: boolean) => ({ heldOn: '2024-03-01', regionCode: side(b, i).place, organiserName: '矩阵人社局', employers: 1, jobsOffered: 10, attendees: 5, placed: 2, pairingId: side(b, i).pairingId }),
  },
  workstations: {
    spec: WORKSTATIONS,
    body: (b: Base & { eastInX: number }, i: boolean) => ({ name: '矩阵劳务工作站', regionCode: side(b, i).shanghai, countyCode: side(b, i).county, operatorName: '矩阵人社局', openedOn: '2023-01-01', pairingId: side(b, i).pairingId }),
  },
  retention: {
    spec: RETENTION,
    body: (b: Base & { eastInX: number }, i: boolean) => {
      const p = period();
      return { countyCode: side(b, i).county, cohortYear: p.year, cohortMonth: p.month, placed: 2, employedAfter6m: 1, pairingId: side(b, i).pairingId };
    },
  },
} as const;
type LaborPath = keyof typeof LABOR;

const labor = async (db: Db, path: LaborPath, b: Base & { eastInX: number }, inScope: boolean, owner?: number) =>
  ((await createRecord(db, systemContext, LABOR[path].spec as never, { ...LABOR[path].body(b, inScope), ...(inScope ? { owningOrgId: owner } : {}) } as never)) as { id: number }).id;
const dispatch = async (db: Db, b: Base & { eastInX: number }, inScope: boolean, name: string) => createDispatch(db, systemContext, dispatchBody(b, inScope, name));

export async function buildPeopleFixture(r: MatrixRecords, base: Base): Promise<PeopleFixture> {
  const b = { ...base, eastInX: await r.east(base.distA, X) };
  const [dIn, dOut] = [await dispatch(r.db, b, true, r.name('矩阵干部')), await dispatch(r.db, b, false, r.name('矩阵干部'))];
  const both = async (path: LaborPath) => ({ in: await labor(r.db, path, b, true, r.owner), out: await labor(r.db, path, b, false) });
  return {
    eastInX: b.eastInX,
    person: { in: dIn.personId, out: dOut.personId },
    dispatch: { in: dIn.id, out: dOut.id },
    placement: await both('placements'),
    fair: await both('job-fairs'),
    workstation: await both('workstations'),
    retention: await both('retention'),
  };
}

const ids = (res: Reply<any>) => (res.body.items as { id: number }[]).map((x) => x.id);
const pick = (c: Ctx, p: Pair) => (c.inScope ? p.in : p.out);
const base = (c: Ctx) => ({ ...c.f, eastInX: c.f.people.eastInX });
const listLine = (url: string, out: (c: Ctx) => number): Line => ({ scoping: 'list', request: (c) => ({ method: 'GET', url, check: (res, all) => expect(ids(res).includes(out(c))).toBe(all) }) });
/** A summary of X (in scope: counted) or of Y (counted only for a role that sees everything). */
const summaryLine = (path: string, counted: (body: any) => boolean): Line => ({
  scoping: 'list',
  request: (c) => ({ method: 'GET', url: `/api/v1${path}?county=${c.inScope ? X : Y}&year=2024`, check: (res, all, inScope) => expect(counted(res.body)).toBe(inScope || all) }),
});

const laborKey: Record<LaborPath, keyof PeopleFixture> = { placements: 'placement', 'job-fairs': 'fair', workstations: 'workstation', retention: 'retention' };

function laborLines(path: LaborPath): Record<string, Line> {
  const url = `/api/v1/labor/${path}`;
  const fixture = (c: Ctx) => c.f.people[laborKey[path]] as Pair;
  return {
    [`GET ${url}`]: listLine(`${url}?pageSize=200`, (c) => fixture(c).out),
    [`POST ${url}`]: { scoping: 'create', outOfScope: 400, request: (c) => ({ method: 'POST', url, body: LABOR[path].body(base(c), c.inScope) }) },
    [`GET ${url}/:id`]: { scoping: 'record', request: (c) => ({ method: 'GET', url: `${url}/${pick(c, fixture(c))}` }) },
    [`PATCH ${url}/:id`]: { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `${url}/${pick(c, fixture(c))}`, body: { note: '矩阵' } }) },
    [`DELETE ${url}/:id`]: { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `${url}/${await labor(c.r.db, path, base(c), c.inScope, c.r.owner)}` }) },
  };
}

export const PEOPLE_LINES: Record<string, Line> = {
  'GET /api/v1/persons': listLine('/api/v1/persons?pageSize=200', (c) => c.f.people.person.out),
  'POST /api/v1/persons': { scoping: 'create', request: (c) => ({ method: 'POST', url: '/api/v1/persons', body: personBody(base(c), c.inScope, c.r.name('矩阵人员')) }) },
  'GET /api/v1/persons/:id': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/persons/${pick(c, c.f.people.person)}` }) },
  'PATCH /api/v1/persons/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/persons/${pick(c, c.f.people.person)}`, body: { phone: '13800000000' } }) },
  'DELETE /api/v1/persons/:id': {
    scoping: 'record',
    request: async (c) => ({ method: 'DELETE', url: `/api/v1/persons/${(await createPerson(c.r.db, systemContext, personBody(base(c), c.inScope, c.r.name('矩阵待删')))).id}` }),
  },
  'GET /api/v1/dispatches': listLine('/api/v1/dispatches?pageSize=200', (c) => c.f.people.dispatch.out),
  'POST /api/v1/dispatches': { scoping: 'create', request: (c) => ({ method: 'POST', url: '/api/v1/dispatches', body: dispatchBody(base(c), c.inScope, c.r.name('矩阵新派')) }) },
  'GET /api/v1/dispatches/:id': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/dispatches/${pick(c, c.f.people.dispatch)}` }) },
  'PATCH /api/v1/dispatches/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/dispatches/${pick(c, c.f.people.dispatch)}`, body: { note: '矩阵' } }) },
  'DELETE /api/v1/dispatches/:id': { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `/api/v1/dispatches/${(await dispatch(c.r.db, base(c), c.inScope, c.r.name('矩阵待删'))).id}` }) },
  'GET /api/v1/personnel/summary': summaryLine('/personnel/summary', (body) => body.total.total > 0),
  ...laborLines('placements'),
  ...laborLines('job-fairs'),
  ...laborLines('workstations'),
  ...laborLines('retention'),
  'GET /api/v1/labor/summary': summaryLine('/labor/summary', (body) => body.counties.length > 0),
};
