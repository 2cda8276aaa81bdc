import { expect } from 'vitest';
import type { Action, RoleCode } from '../../platform/access/actions.ts';
import type { Caller, Reply, TestApp } from '../../testing/test-app.ts';
import { rowsOf, xlsxOf as sheet } from '../../testing/xlsx.ts';
import { MATRIX_PASSWORD, X, Y, type Fixture, type MatrixRecords } from './access.matrix.fixture.ts';
import { PEOPLE_LINES } from './access.matrix.people.ts';
import { CONSUMPTION_LINES } from './access.matrix.consumption.ts';
import { BULLETIN_LINES } from './access.matrix.bulletins.ts';
import { EDITION_LINES } from './access.matrix.editions.ts';
import { CLAIM_LINES } from './access.matrix.claims.ts';
import { INDUSTRY_LINES } from './access.matrix.industry.ts';
import { PLACE_TAG_LINES } from './access.matrix.placetags.ts';
import { INDICATOR_LINES } from './access.matrix.indicators.ts';
import { ENTRY_LINES } from './access.matrix.entries.ts';
import { ASSESSMENT_LINES } from './access.matrix.assessment.ts';

/** How a route meets the data scope: not at all, one record, a new record, or a list/aggregate. */
export type Scoping = 'none' | 'record' | 'create' | 'list';

export interface Req {
  method: string;
  url: string;
  body?: unknown;
  /** Call as this instead of the role's caller (a fresh session the call may end). */
  as?: Caller;
  /** Extra check of a permitted answer (lists: nothing out of scope shows). */
  check?: (res: Reply<any>, seesAll: boolean, inScope: boolean) => void | Promise<void>;
  /** The body's content type, when not JSON (a file upload). */
  type?: string;
  /** Statuses that count as a permitted answer; default any 2xx. */
  ok?: number[];
}

export interface Ctx {
  role: RoleCode;
  caller: Caller;
  username: string;
  inScope: boolean;
  f: Fixture;
  r: MatrixRecords;
  t: TestApp;
}

export interface Line {
  scoping: Scoping;
  /** The answer to a scoped role when the request reaches outside its scope, where not 404 (record) or 403 (create). */
  outOfScope?: number;
  /** When the route's own rule is looser than what the request needs (a lifecycle step), the action that decides. */
  decidedBy?: Action;
  request: (c: Ctx) => Promise<Req> | Req;
}


/** The first column of an exported sheet (codes), without the header. */
const firstColumn = async (res: Reply<any>) => (await rowsOf(res.raw.rawPayload)).slice(1).map((r) => r[0]);

/** Every cell of an exported sheet, as text. */
const allCells = async (res: Reply<any>) => JSON.stringify(await rowsOf(res.raw.rawPayload));

const valueOf = async (c: Ctx, table: 'activities' | 'donations' | 'trainings', column: 'title' | 'donor_name', id: number) =>
  String((await c.r.db.selectFrom(table).select(column as never).where('id', '=', id).executeTakeFirstOrThrow() as Record<string, unknown>)[column]);

const exportLine = (path: string, make: (c: Ctx) => Promise<string>): Line => ({
  scoping: 'list',
  request: async (c) => {
    const marker = await make(c);
    return { method: 'GET', url: `/api/v1${path}/export.xlsx`, check: async (res, all) => expect((await allCells(res)).includes(marker)).toBe(all) };
  },
});

let importSeq = 0;

/** An out-of-scope labor record (made as the administrator) whose note is a unique marker. */
async function laborMarker(c: Ctx, url: string, body: Record<string, unknown>): Promise<string> {
  const note = c.r.name('矩阵标记');
  const res = await c.t.call('POST', url, { ...body, pairingId: c.f.pairOut, note });
  if (res.status !== 201) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
  return note;
}

const orgName = async (c: Ctx, id: number) => (await c.r.db.selectFrom('orgs').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
const codeOf = async (c: Ctx, id: number) => (await c.r.db.selectFrom('projects').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;

const ids = (res: Reply<any>) => (res.body.items as { id: number }[]).map((x) => x.id);
const regional = (c: Ctx) => c.role === 'frontline' || c.role === 'recipient_clerk' || c.role === 'recipient_leader';
const pick = <T>(c: Ctx, pair: { in: T; out: T }) => (c.inScope ? pair.in : pair.out);
const orgFor = (c: Ctx) => (!c.inScope ? c.f.distB : regional(c) ? c.f.westX : c.f.townA);

/** Every API route: a line here, or the completeness test fails. */
export const MATRIX: Record<string, Line> = {
  'GET /api/v1/health': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/health' }) },
  'GET /api/v1/backups': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/backups' }) },
  // 503 for an allowed caller: the matrix's server has no XIEZUO_BACKUP_DIR
  'POST /api/v1/backups': { scoping: 'none', request: () => ({ method: 'POST', url: '/api/v1/backups', ok: [503] }) },
  'GET /api/v1/openapi.json': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/openapi.json' }) },
  'POST /api/v1/auth/login': { scoping: 'none', request: (c) => ({ method: 'POST', url: '/api/v1/auth/login', body: { username: c.username, password: MATRIX_PASSWORD } }) },

  'GET /api/v1/regions': { scoping: 'none', request: () => ({ method: 'GET', url: `/api/v1/regions?parent=${X}` }) },
  'GET /api/v1/regions/search': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/regions/search?q=香格里拉' }) },
  'GET /api/v1/regions/:code': { scoping: 'none', request: () => ({ method: 'GET', url: `/api/v1/regions/${X}` }) },

  'GET /api/v1/orgs': { scoping: 'list', request: (c) => ({ method: 'GET', url: '/api/v1/orgs?pageSize=200', check: (res, all) => expect(ids(res).includes(c.f.distB)).toBe(all) }) },
  'POST /api/v1/orgs': {
    scoping: 'create',
    request: (c) => ({
      method: 'POST',
      url: '/api/v1/orgs',
      body: !c.inScope
        ? { name: c.r.name('矩阵新建'), type: 'subdistrict', side: 'east', regionCode: '310105', parentId: c.f.distB }
        : regional(c)
          ? { name: c.r.name('矩阵新建'), type: 'village_committee', side: 'west', regionCode: `${X}101201` }
          : { name: c.r.name('矩阵新建'), type: 'subdistrict', side: 'east', regionCode: '310112', parentId: c.f.townA },
    }),
  },
  'GET /api/v1/orgs/lookup': {
    scoping: 'none',
    request: (c) => ({
      method: 'GET',
      url: '/api/v1/orgs/lookup?q=矩阵B区',
      check: (res) => expect(res.body.items).toEqual([{ id: c.f.distB, name: '矩阵B区', side: 'east', type: 'party_government', regionCode: '310105', regionFullName: '上海市 长宁区' }]),
    }),
  },
  'GET /api/v1/orgs/:id': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/orgs/${orgFor(c)}` }) },
  'PATCH /api/v1/orgs/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/orgs/${orgFor(c)}`, body: { note: '矩阵测试' } }) },
  'DELETE /api/v1/orgs/:id': {
    scoping: 'record',
    request: async (c) => ({ method: 'DELETE', url: `/api/v1/orgs/${c.inScope ? (regional(c) ? await c.r.west(`${X}102`) : await c.r.east(c.f.townA)) : await c.r.east(c.f.distB, '310105')}` }),
  },
  'GET /api/v1/orgs/:id/graph': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/orgs/${orgFor(c)}/graph` }) },

  'GET /api/v1/pairings': {
    scoping: 'list',
    request: (c) => ({ method: 'GET', url: '/api/v1/pairings?pageSize=200', check: (res, all) => expect(ids(res).includes(c.f.pairOut)).toBe(all) }),
  },
  'POST /api/v1/pairings': {
    scoping: 'create',
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/pairings',
      body: c.inScope
        ? { type: 'xieshou', eastOrgId: await c.r.east(c.f.townA), westOrgId: await c.r.west(`${X}103`), startDate: '2021-01-01' }
        : { type: 'xieshou', eastOrgId: await c.r.east(c.f.distB, '310105'), westOrgId: await c.r.west(`${Y}100`), startDate: '2021-01-01' },
    }),
  },
  'GET /api/v1/pairings/:id': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/pairings/${c.inScope ? c.f.pairIn : c.f.pairOut}` }) },
  'PATCH /api/v1/pairings/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/pairings/${c.inScope ? c.f.pairIn : c.f.pairOut}`, body: { note: '矩阵测试' } }) },
  'DELETE /api/v1/pairings/:id': {
    scoping: 'record',
    request: async (c) => ({
      method: 'DELETE',
      url: `/api/v1/pairings/${c.inScope ? await c.r.pairing(await c.r.east(c.f.townA), await c.r.west(`${X}104`)) : await c.r.pairing(await c.r.east(c.f.distB, '310105'), await c.r.west(`${Y}100`))}`,
    }),
  },
  'GET /api/v1/pairings/:id/agreements': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/pairings/${c.inScope ? c.f.pairIn : c.f.pairOut}/agreements` }) },
  'POST /api/v1/pairings/:id/agreements': {
    scoping: 'record',
    request: (c) => ({ method: 'POST', url: `/api/v1/pairings/${c.inScope ? c.f.pairIn : c.f.pairOut}/agreements`, body: { year: 2024, pledgedFen: 100 } }),
  },
  'PATCH /api/v1/agreements/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/agreements/${c.inScope ? c.f.agIn : c.f.agOut}`, body: { note: '矩阵' } }) },
  'DELETE /api/v1/agreements/:id': { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `/api/v1/agreements/${await c.r.agreement(c.inScope ? c.f.pairIn : c.f.pairOut)}` }) },
  'GET /api/v1/coverage/:code': {
    scoping: 'list',
    request: (c) => ({
      method: 'GET',
      url: `/api/v1/coverage/${c.inScope ? X : Y}?year=2024`,
      check: (res, all, inScope) => {
        const counted = (res.body.units as { pairings: { pairingId: number }[] }[]).flatMap((u) => u.pairings.map((p) => p.pairingId));
        if (inScope) expect(counted).toContain(c.f.pairIn);
        else expect(counted.includes(c.f.pairOut)).toBe(all);
      },
    }),
  },

  'GET /api/v1/projects': {
    scoping: 'list',
    request: (c) => ({ method: 'GET', url: '/api/v1/projects?pageSize=200', check: (res, all) => expect(ids(res).includes(c.f.reserve.out)).toBe(all) }),
  },
  'GET /api/v1/projects/iati.xml': {
    scoping: 'list',
    request: async (c) => {
      const out = await c.r.db.selectFrom('projects').select('code').where('id', '=', c.f.reserve.out).executeTakeFirstOrThrow();
      return {
        method: 'GET',
        url: '/api/v1/projects/iati.xml',
        check: (res, all) => {
          expect(res.raw.headers['content-type']).toBe('application/xml; charset=utf-8');
          expect(res.raw.body.includes(`-${out.code}</iati-identifier>`)).toBe(all);
        },
      };
    },
  },
  'POST /api/v1/projects': {
    scoping: 'create',
    request: (c) => ({
      method: 'POST',
      url: '/api/v1/projects',
      body: { name: c.r.name('矩阵新项目'), startYear: 2024, endYear: 2024, level: 'district', category: 'industry', ...(c.inScope ? { eastOrgId: c.f.townA, regionCode: `${X}101` } : { eastOrgId: c.f.distB, regionCode: `${Y}100` }) },
    }),
  },
  'GET /api/v1/projects/:id': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/projects/${pick(c, c.f.reserve)}` }) },
  'PATCH /api/v1/projects/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/projects/${pick(c, c.f.reserve)}`, body: { benefitMechanism: '矩阵' } }) },
  'POST /api/v1/projects/:id/transitions': {
    scoping: 'record',
    decidedBy: 'project:write',
    request: async (c) => ({ method: 'POST', url: `/api/v1/projects/${await c.r.project(c.inScope ? c.f.townA : c.f.distB, c.inScope ? `${X}101` : `${Y}100`)}/transitions`, body: { to: 'submitted', onDate: '2024-03-01' } }),
  },
  'PATCH /api/v1/projects/:id/milestones/:milestoneId': {
    scoping: 'record',
    request: async (c) => {
      const id = pick(c, c.f.reserve);
      const m = await c.r.db.selectFrom('project_milestones').select('id').where('project_id', '=', id).executeTakeFirstOrThrow();
      return { method: 'PATCH', url: `/api/v1/projects/${id}/milestones/${m.id}`, body: { doneOn: null } };
    },
  },
  'GET /api/v1/projects/:id/funds': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/projects/${pick(c, c.f.approved)}/funds` }) },
  'POST /api/v1/projects/:id/allocations': { scoping: 'record', request: (c) => ({ method: 'POST', url: `/api/v1/projects/${pick(c, c.f.approved)}/allocations`, body: { amountFen: 1, onDate: '2024-03-05' } }) },
  'POST /api/v1/projects/:id/funds': { scoping: 'record', request: (c) => ({ method: 'POST', url: `/api/v1/projects/${pick(c, c.f.approved)}/funds`, body: { kind: 'disburse', amountFen: 1, onDate: '2024-03-05' } }) },
  'POST /api/v1/fund-transactions/:id/cosign': { scoping: 'record', request: async (c) => ({ method: 'POST', url: `/api/v1/fund-transactions/${await c.r.pendingDisbursement(pick(c, c.f.approved))}/cosign` }) },
  'GET /api/v1/projects/:id/progress': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/projects/${pick(c, c.f.approved)}/progress` }) },
  'POST /api/v1/projects/:id/progress': { scoping: 'record', request: (c) => ({ method: 'POST', url: `/api/v1/projects/${pick(c, c.f.approved)}/progress`, body: { onDate: '2024-04-01', percent: 10, narrative: '进场' } }) },
  'GET /api/v1/projects/:id/inspections': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/projects/${pick(c, c.f.approved)}/inspections` }) },
  'POST /api/v1/projects/:id/inspections': {
    scoping: 'record',
    request: (c) => ({ method: 'POST', url: `/api/v1/projects/${pick(c, c.f.approved)}/inspections`, body: { kind: 'inspection', onDate: '2024-04-01', inspector: '督查组', findings: '无' } }),
  },
  'GET /api/v1/rectifications': {
    scoping: 'list',
    request: async (c) => {
      const outId = await c.r.openRectification(c.f.approved.out);
      return { method: 'GET', url: '/api/v1/rectifications?pageSize=200', check: (res, all) => expect(ids(res).includes(outId)).toBe(all) };
    },
  },
  'POST /api/v1/projects/:id/rectifications': {
    scoping: 'record',
    request: (c) => ({ method: 'POST', url: `/api/v1/projects/${pick(c, c.f.approved)}/rectifications`, body: { finding: '问题', deadline: '2030-01-01', owner: '某人' } }),
  },
  'POST /api/v1/rectifications/:id/close': {
    scoping: 'record',
    request: async (c) => ({ method: 'POST', url: `/api/v1/rectifications/${await c.r.openRectification(pick(c, c.f.approved))}/close`, body: { closedOn: '2024-04-02', evidence: '照片' } }),
  },
  'GET /api/v1/projects/:id/assets': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/projects/${pick(c, c.f.completed)}/assets` }) },
  'POST /api/v1/projects/:id/assets': {
    scoping: 'record',
    request: (c) => ({ method: 'POST', url: `/api/v1/projects/${pick(c, c.f.completed)}/assets`, body: { name: '资产', kind: 'public_welfare', valueFen: 1, receiverName: '村委会', handedOverOn: '2024-04-01' } }),
  },

  'GET /api/v1/projects/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/projects/import-template.xlsx' }) },
  'POST /api/v1/projects/import': {
    scoping: 'create',
    outOfScope: 400, // an import refuses the file, naming the row that is outside the scope
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/projects/import',
      body: await sheet([
        ['项目名称', '开始年度', '项目层级', '项目类别', '项目地点区划代码', '帮扶方单位'],
        [c.r.name('矩阵导入'), 2024, '区级', '产业发展', c.inScope ? `${X}101` : `${Y}100`, await orgName(c, c.inScope ? c.f.townA : c.f.distB)],
      ]),
    }),
  },
  'GET /api/v1/projects/export.xlsx': {
    scoping: 'list',
    request: async (c) => {
      const out = await codeOf(c, c.f.reserve.out);
      return { method: 'GET', url: '/api/v1/projects/export.xlsx', check: async (res, all) => expect((await firstColumn(res)).includes(out)).toBe(all) };
    },
  },
  'GET /api/v1/fund-transactions/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/fund-transactions/import-template.xlsx' }) },
  'POST /api/v1/fund-transactions/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/fund-transactions/import',
      body: await sheet([['项目编号', '类型', '金额（元）', '日期'], [await codeOf(c, pick(c, c.f.approved)), '拨付', 0.01, '2024-03-06']]),
    }),
  },
  'GET /api/v1/fund-transactions/export.xlsx': {
    scoping: 'list',
    request: async (c) => {
      const out = await codeOf(c, c.f.approved.out);
      return { method: 'GET', url: '/api/v1/fund-transactions/export.xlsx', check: async (res, all) => expect((await firstColumn(res)).includes(out)).toBe(all) };
    },
  },

  'GET /api/v1/activities': {
    scoping: 'list',
    request: async (c) => {
      const out = await c.r.activity(c.f.pairOut);
      return { method: 'GET', url: '/api/v1/activities?pageSize=200', check: (res, all) => expect(ids(res).includes(out)).toBe(all) };
    },
  },
  'POST /api/v1/activities': {
    scoping: 'create',
    request: (c) => ({ method: 'POST', url: '/api/v1/activities', body: { type: 'meeting', title: c.r.name('矩阵座谈'), startDate: '2024-03-05', endDate: '2024-03-05', ...(c.inScope ? { pairingId: c.f.pairIn } : { orgIds: [c.f.distB] }) } }),
  },
  'GET /api/v1/activities/:id': { scoping: 'record', request: async (c) => ({ method: 'GET', url: `/api/v1/activities/${await c.r.activity(c.inScope ? c.f.pairIn : c.f.pairOut)}` }) },
  'PATCH /api/v1/activities/:id': { scoping: 'record', request: async (c) => ({ method: 'PATCH', url: `/api/v1/activities/${await c.r.activity(c.inScope ? c.f.pairIn : c.f.pairOut)}`, body: { leader: '某领导' } }) },
  'DELETE /api/v1/activities/:id': { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `/api/v1/activities/${await c.r.activity(c.inScope ? c.f.pairIn : c.f.pairOut)}` }) },
  'GET /api/v1/donations': {
    scoping: 'list',
    request: async (c) => {
      const out = await c.r.donation(c.f.pairOut, c.f.westY);
      return { method: 'GET', url: '/api/v1/donations?pageSize=200', check: (res, all) => expect(ids(res).includes(out)).toBe(all) };
    },
  },
  'GET /api/v1/donations/totals': {
    scoping: 'list',
    request: async (c) => {
      await c.r.donation(c.f.pairOut, c.f.westY);
      return { method: 'GET', url: '/api/v1/donations/totals?by=pairing', check: (res, all) => expect((res.body as { key: string }[]).some((r) => r.key === String(c.f.pairOut))).toBe(all) };
    },
  },
  'POST /api/v1/donations': {
    scoping: 'create',
    request: (c) => ({ method: 'POST', url: '/api/v1/donations', body: { donorName: '矩阵捐赠方', kind: 'cash', valueFen: 100, donatedOn: '2024-03-01', ...(c.inScope ? { recipientOrgId: c.f.westX, pairingId: c.f.pairIn } : { recipientOrgId: c.f.westY }) } }),
  },
  'GET /api/v1/donations/:id': { scoping: 'record', request: async (c) => ({ method: 'GET', url: `/api/v1/donations/${await c.r.donation(c.inScope ? c.f.pairIn : c.f.pairOut, c.inScope ? c.f.westX : c.f.westY)}` }) },
  'PATCH /api/v1/donations/:id': {
    scoping: 'record',
    request: async (c) => ({ method: 'PATCH', url: `/api/v1/donations/${await c.r.donation(c.inScope ? c.f.pairIn : c.f.pairOut, c.inScope ? c.f.westX : c.f.westY)}`, body: { purpose: '矩阵' } }),
  },
  'DELETE /api/v1/donations/:id': { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `/api/v1/donations/${await c.r.donation(c.inScope ? c.f.pairIn : c.f.pairOut, c.inScope ? c.f.westX : c.f.westY)}` }) },
  'GET /api/v1/trainings': {
    scoping: 'list',
    request: async (c) => {
      const out = await c.r.training(c.f.pairOut);
      return { method: 'GET', url: '/api/v1/trainings?pageSize=200', check: (res, all) => expect(ids(res).includes(out)).toBe(all) };
    },
  },
  'GET /api/v1/trainings/summary': {
    scoping: 'list',
    request: async (c) => {
      await c.r.training(c.f.pairOut);
      const before = await c.t.call('GET', '/api/v1/trainings/summary?year=2024', undefined, c.caller);
      return { method: 'GET', url: '/api/v1/trainings/summary?year=2024', check: (res) => expect(res.body.batches).toBe(before.body.batches) };
    },
  },
  'POST /api/v1/trainings': {
    scoping: 'create',
    request: (c) => ({
      method: 'POST',
      url: '/api/v1/trainings',
      body: { title: c.r.name('矩阵培训'), kind: 'training', startDate: '2024-04-01', endDate: '2024-04-02', targetGroup: 'teachers', batches: 1, participants: 5, personTimes: 5, ...(c.inScope ? { pairingId: c.f.pairIn } : { countyCode: Y }) },
    }),
  },
  'GET /api/v1/trainings/:id': { scoping: 'record', request: async (c) => ({ method: 'GET', url: `/api/v1/trainings/${await c.r.training(c.inScope ? c.f.pairIn : c.f.pairOut)}` }) },
  'PATCH /api/v1/trainings/:id': { scoping: 'record', request: async (c) => ({ method: 'PATCH', url: `/api/v1/trainings/${await c.r.training(c.inScope ? c.f.pairIn : c.f.pairOut)}`, body: { title: '矩阵改名' } }) },
  'DELETE /api/v1/trainings/:id': { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `/api/v1/trainings/${await c.r.training(c.inScope ? c.f.pairIn : c.f.pairOut)}` }) },

  'GET /api/v1/activities/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/activities/import-template.xlsx' }) },
  'POST /api/v1/activities/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/activities/import',
      body: await sheet([['类型', '标题', '开始日期', '结对关系编号', '参与单位'], ['座谈会/联席会议', c.r.name('矩阵导入座谈'), '2024-03-05', c.inScope ? c.f.pairIn : null, c.inScope ? null : await orgName(c, c.f.distB)]]),
    }),
  },
  'GET /api/v1/activities/export.xlsx': exportLine('/activities', async (c) => valueOf(c, 'activities', 'title', await c.r.activity(c.f.pairOut))),
  'GET /api/v1/donations/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/donations/import-template.xlsx' }) },
  'POST /api/v1/donations/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/donations/import',
      body: await sheet([['捐赠方', '受赠单位', '类型', '金额或价值（元）', '捐赠日期', '结对关系编号'], ['矩阵导入捐赠方', await orgName(c, c.inScope ? c.f.westX : c.f.westY), '资金', 1, '2024-03-05', c.inScope ? c.f.pairIn : null]]),
    }),
  },
  'GET /api/v1/donations/export.xlsx': exportLine('/donations', async (c) => valueOf(c, 'donations', 'donor_name', await c.r.donation(c.f.pairOut, c.f.westY))),
  'GET /api/v1/trainings/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/trainings/import-template.xlsx' }) },
  'POST /api/v1/trainings/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/trainings/import',
      body: await sheet([
        ['培训名称', '类型', '开始日期', '结束日期', '培训对象', '批次', '人数', '人次', '受训人员所在县代码', '结对关系编号'],
        [c.r.name('矩阵导入培训'), '培训', '2024-03-05', '2024-03-06', '教师', 1, 3, 3, c.inScope ? null : Y, c.inScope ? c.f.pairIn : null],
      ]),
    }),
  },
  'GET /api/v1/trainings/export.xlsx': exportLine('/trainings', async (c) => valueOf(c, 'trainings', 'title', await c.r.training(c.f.pairOut))),

  'GET /api/v1/dispatches/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/dispatches/import-template.xlsx' }) },
  'POST /api/v1/dispatches/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/dispatches/import',
      body: await sheet([
        ['姓名', '派出单位', '类别', '援助方向', '接收单位', '开始日期'],
        [c.r.name('矩阵导入干部'), await orgName(c, c.inScope ? c.f.people.eastInX : c.f.distB), '党政干部', '援滇', await orgName(c, c.inScope ? c.f.westX : c.f.westY), '2024-01-01'],
      ]),
    }),
  },
  'GET /api/v1/dispatches/export.xlsx': exportLine('/dispatches', async (c) => {
    const d = await c.t.call('GET', `/api/v1/dispatches/${c.f.people.dispatch.out}`);
    return d.body.personName;
  }),
  'GET /api/v1/labor/placements/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/labor/placements/import-template.xlsx' }) },
  'POST /api/v1/labor/placements/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/labor/placements/import',
      body: await sheet([['年度', '月份', '县代码', '去向', '脱贫人口就业人数', '监测对象就业人数', '结对关系编号'], [2050 + (++importSeq % 40), 1 + (importSeq % 12), c.inScope ? X : Y, '就地就近就业', 3, 0, c.inScope ? c.f.pairIn : c.f.pairOut]]),
    }),
  },
  'GET /api/v1/labor/placements/export.xlsx': exportLine('/labor/placements', (c) => laborMarker(c, '/api/v1/labor/placements', { countyCode: Y, year: 2060 + (++importSeq % 40), month: 1 + (importSeq % 12), destination: 'shanghai', poorCount: 1, monitoredCount: 0 })),
  'GET /api/v1/labor/job-fairs/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/labor/job-fairs/import-template.xlsx' }) },
  'POST /api/v1/labor/job-fairs/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/labor/job-fairs/import',
      body: await sheet([['举办日期', '举办地区划代码', '主办单位', '参会企业数', '提供岗位数', '达成就业人数', '结对关系编号'], ['2024-03-01', c.inScope ? `${X}101` : `${Y}100`, '矩阵人社局', 2, 20, 3, c.inScope ? c.f.pairIn : c.f.pairOut]]),
    }),
  },
  'GET /api/v1/labor/job-fairs/export.xlsx': exportLine('/labor/job-fairs', (c) => laborMarker(c, '/api/v1/labor/job-fairs', { heldOn: '2024-03-01', regionCode: `${Y}100`, organiserName: '矩阵人社局', employers: 1, jobsOffered: 1, placed: 1 })),

  'GET /api/v1/labor/workstations/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/labor/workstations/import-template.xlsx' }) },
  'POST /api/v1/labor/workstations/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/labor/workstations/import',
      body: await sheet([['名称', '所在地区划代码', '服务州县代码', '运营单位', '设立日期', '结对关系编号'], [c.r.name('矩阵工作站'), c.inScope ? '310112' : '310105', c.inScope ? X : Y, '矩阵人社局', '2024-01-01', c.inScope ? c.f.pairIn : c.f.pairOut]]),
    }),
  },
  'GET /api/v1/labor/workstations/export.xlsx': exportLine('/labor/workstations', (c) => laborMarker(c, '/api/v1/labor/workstations', { name: '矩阵标记工作站', regionCode: '310105', countyCode: Y, operatorName: '矩阵人社局', openedOn: '2024-01-01' })),
  'GET /api/v1/labor/retention/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/labor/retention/import-template.xlsx' }) },
  'POST /api/v1/labor/retention/import': {
    scoping: 'create',
    outOfScope: 400,
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/labor/retention/import',
      body: await sheet([['县代码', '输出年度', '输出月份', '输出人数', '6个月后仍在岗人数', '结对关系编号'], [c.inScope ? X : Y, 2050 + (++importSeq % 40), 1 + (importSeq % 12), 4, 3, c.inScope ? c.f.pairIn : c.f.pairOut]]),
    }),
  },
  'GET /api/v1/labor/retention/export.xlsx': exportLine('/labor/retention', (c) => laborMarker(c, '/api/v1/labor/retention', { countyCode: Y, cohortYear: 2060 + (++importSeq % 40), cohortMonth: 1 + (importSeq % 12), placed: 2, employedAfter6m: 1 })),

  'GET /api/v1/auth/me': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/auth/me' }) },
  'POST /api/v1/auth/logout': { scoping: 'none', request: async (c) => ({ method: 'POST', url: '/api/v1/auth/logout', as: await c.t.login(c.username, MATRIX_PASSWORD) }) },
  'POST /api/v1/auth/password': {
    scoping: 'none',
    request: () => ({ method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: 'not-mine', newPassword: 'Another-pass-456' }, ok: [400] }),
  },
  'GET /api/v1/auth/sessions': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/auth/sessions' }) },
  'DELETE /api/v1/auth/sessions/:id': {
    scoping: 'none',
    request: async (c) => {
      await c.t.login(c.username, MATRIX_PASSWORD);
      const s = await c.r.db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select('s.id').where('u.username', '=', c.username).orderBy('s.id', 'desc').executeTakeFirstOrThrow();
      return { method: 'DELETE', url: `/api/v1/auth/sessions/${s.id}` };
    },
  },
  'GET /api/v1/auth/tokens': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/auth/tokens' }) },
  'POST /api/v1/auth/tokens': { scoping: 'none', request: () => ({ method: 'POST', url: '/api/v1/auth/tokens', body: { name: '矩阵令牌', actions: ['org:read'] } }) },
  'DELETE /api/v1/auth/tokens/:id': {
    scoping: 'none',
    request: async (c) => {
      const made = await c.t.call('POST', '/api/v1/auth/tokens', { name: '待撤销', actions: ['org:read'] }, c.caller);
      return { method: 'DELETE', url: `/api/v1/auth/tokens/${made.body?.id ?? 0}` };
    },
  },

  'GET /api/v1/users': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    scoping: 'none',
    request: (c) => ({ method: 'POST', url: '/api/v1/users', body: { username: c.r.name('mx').replace('-', ''), displayName: '矩阵用户', roles: ['reader'], password: 'Fresh-pass-789' } }),
  },
  'GET /api/v1/users/:id': { scoping: 'none', request: async (c) => ({ method: 'GET', url: `/api/v1/users/${await c.r.user()}` }) },
  'PATCH /api/v1/users/:id': { scoping: 'none', request: async (c) => ({ method: 'PATCH', url: `/api/v1/users/${await c.r.user()}`, body: { displayName: '改名' } }) },
  'POST /api/v1/users/:id/password': { scoping: 'none', request: async (c) => ({ method: 'POST', url: `/api/v1/users/${await c.r.user()}/password`, body: { password: 'Reset-pass-789' } }) },
  'GET /api/v1/roles': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/roles' }) },
  'GET /api/v1/audit': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/audit' }) },

  ...PEOPLE_LINES,
  ...CONSUMPTION_LINES,
  ...BULLETIN_LINES,
  ...EDITION_LINES,
  ...CLAIM_LINES,
  ...INDUSTRY_LINES,
  ...PLACE_TAG_LINES,
  ...INDICATOR_LINES,
  ...ENTRY_LINES,
  ...ASSESSMENT_LINES,
};

/** The methods whose requests carry a JSON body. */
export const JSON_METHODS = new Set(['POST', 'PATCH', 'PUT']);

/**
 * The administrator's valid request for a route (its matrix line) when it can be built; else the bare
 * route with ids 1 (and an empty JSON body), which still meets every probe. `unbuilt` collects the latter.
 */
export function adminRequests(c: Omit<Ctx, 'role' | 'inScope'>, unbuilt: string[]) {
  return async (key: string): Promise<Req> => {
    try {
      if (!MATRIX[key]) throw new Error(`no matrix line for ${key}`);
      return await MATRIX[key].request({ ...c, role: 'sys_admin', inScope: true });
    } catch {
      unbuilt.push(key);
      const [method, url] = key.split(' ');
      return { method, url: url.replace(/:\w+/g, '1'), ...(JSON_METHODS.has(method) ? { body: {} } : {}) };
    }
  };
}
