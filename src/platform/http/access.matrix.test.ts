import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller, type Reply } from '../../testing/test-app.ts';
import { systemContext } from '../context.ts';
import type { Access } from '../access/actions.ts';
import { createOrg } from '../../modules/orgs/orgs.service.ts';
import { createAgreement, createPairing } from '../../modules/pairings/pairings.service.ts';
import { createUser } from '../../modules/users/users.service.ts';
import type { RoleCode } from '../access/actions.ts';

/**
 * The authorization matrix: every API route × every role (and anonymous) × a record in the
 * role's scope and one outside it. A route added without a line here fails the first test.
 */
const t = useTestApp();

interface Fixture {
  townA: number; // east, under district A
  distB: number; // east, district B
  westX: number; // west, township in 香格里拉市 (533401)
  westY: number; // west, township in 玛沁县 (632621)
  pairIn: number; // townA ↔ westX
  pairOut: number; // distB ↔ westY
  agIn: number;
  agOut: number;
}
let f: Fixture;
let n = 0;
const db = () => t.database.db;
const name = (p: string) => `${p}-${++n}`;

const freshEast = async (parentId: number, region = '310112') =>
  (await createOrg(db(), systemContext, { name: name('矩阵东部单位'), type: 'town', side: 'east', regionCode: region, parentId, aliases: [] })).id;
const freshWest = async (region: string) => (await createOrg(db(), systemContext, { name: name('矩阵西部单位'), type: 'township', side: 'west', regionCode: region, aliases: [] })).id;
const freshPair = async (east: number, west: number) =>
  (await createPairing(db(), systemContext, { type: 'xieshou', eastOrgId: east, westOrgId: west, startDate: '2020-01-01', status: 'active' })).id;

type Scoping = 'none' | 'record' | 'create' | 'list';
interface Req {
  method: string;
  url: string;
  body?: unknown;
  /** Call as this instead of the role's caller (a fresh session the call may end). */
  as?: Caller;
  /** Extra check of a permitted answer (lists: nothing out of scope shows). */
  check?: (res: Reply<any>, seesAll: boolean, inScope: boolean) => void;
  /** Statuses that count as a permitted answer; default any 2xx. */
  ok?: number[];
}
interface Ctx {
  role: RoleCode;
  caller: Caller;
  username: string;
  inScope: boolean;
}
type Line = { scoping: Scoping; request: (c: Ctx) => Promise<Req> | Req };

const ids = (res: Reply<any>) => (res.body.items as { id: number }[]).map((x) => x.id);

const MATRIX: Record<string, Line> = {
  'GET /api/v1/health': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/health' }) },
  'GET /api/v1/openapi.json': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/openapi.json' }) },
  'POST /api/v1/auth/login': { scoping: 'none', request: (c) => ({ method: 'POST', url: '/api/v1/auth/login', body: { username: c.username, password: 'Matrix-pass-123' } }) },

  'GET /api/v1/regions': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/regions?parent=533401' }) },
  'GET /api/v1/regions/search': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/regions/search?q=香格里拉' }) },
  'GET /api/v1/regions/:code': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/regions/533401' }) },

  'GET /api/v1/orgs': {
    scoping: 'list',
    request: () => ({ method: 'GET', url: '/api/v1/orgs?pageSize=200', check: (res, all) => expect(ids(res).includes(f.distB)).toBe(all) }),
  },
  'POST /api/v1/orgs': {
    scoping: 'create',
    request: (c) => ({ method: 'POST', url: '/api/v1/orgs', body: inOrgBody(c) }),
  },
  'GET /api/v1/orgs/:id': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/orgs/${orgFor(c)}` }) },
  'PATCH /api/v1/orgs/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/orgs/${orgFor(c)}`, body: { note: '矩阵测试' } }) },
  'DELETE /api/v1/orgs/:id': {
    scoping: 'record',
    request: async (c) => ({ method: 'DELETE', url: `/api/v1/orgs/${c.inScope ? (c.role === 'frontline' || c.role === 'recipient_clerk' ? await freshWest('533401102') : await freshEast(f.townA)) : await freshEast(f.distB, '310105')}` }),
  },
  'GET /api/v1/orgs/:id/graph': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/orgs/${orgFor(c)}/graph` }) },

  'GET /api/v1/pairings': {
    scoping: 'list',
    request: () => ({
      method: 'GET',
      url: '/api/v1/pairings?pageSize=200',
      check: (res, all) => {
        expect(ids(res)).toContain(f.pairIn);
        expect(ids(res).includes(f.pairOut)).toBe(all);
      },
    }),
  },
  'POST /api/v1/pairings': {
    scoping: 'create',
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/pairings',
      body: c.inScope
        ? { type: 'xieshou', eastOrgId: await freshEast(f.townA), westOrgId: await freshWest('533401103'), startDate: '2021-01-01' }
        : { type: 'xieshou', eastOrgId: await freshEast(f.distB, '310105'), westOrgId: await freshWest('632621100'), startDate: '2021-01-01' },
    }),
  },
  'GET /api/v1/pairings/:id': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/pairings/${c.inScope ? f.pairIn : f.pairOut}` }) },
  'PATCH /api/v1/pairings/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/pairings/${c.inScope ? f.pairIn : f.pairOut}`, body: { note: '矩阵测试' } }) },
  'DELETE /api/v1/pairings/:id': {
    scoping: 'record',
    request: async (c) => ({
      method: 'DELETE',
      url: `/api/v1/pairings/${c.inScope ? await freshPair(await freshEast(f.townA), await freshWest('533401104')) : await freshPair(await freshEast(f.distB, '310105'), await freshWest('632621100'))}`,
    }),
  },
  'GET /api/v1/pairings/:id/agreements': { scoping: 'record', request: (c) => ({ method: 'GET', url: `/api/v1/pairings/${c.inScope ? f.pairIn : f.pairOut}/agreements` }) },
  'POST /api/v1/pairings/:id/agreements': {
    scoping: 'record',
    request: (c) => ({ method: 'POST', url: `/api/v1/pairings/${c.inScope ? f.pairIn : f.pairOut}/agreements`, body: { year: 2024, pledgedFen: 100 } }),
  },
  'PATCH /api/v1/agreements/:id': { scoping: 'record', request: (c) => ({ method: 'PATCH', url: `/api/v1/agreements/${c.inScope ? f.agIn : f.agOut}`, body: { note: '矩阵' } }) },
  'DELETE /api/v1/agreements/:id': {
    scoping: 'record',
    request: async (c) => {
      const ag = await createAgreement(db(), systemContext, c.inScope ? f.pairIn : f.pairOut, { year: 2023, pledgedFen: 1 });
      return { method: 'DELETE', url: `/api/v1/agreements/${ag.id}` };
    },
  },
  'GET /api/v1/coverage/:code': {
    scoping: 'list',
    request: (c) => ({
      method: 'GET',
      url: `/api/v1/coverage/${c.inScope ? '533401' : '632621'}?year=2024`,
      check: (res, all, inScope) => {
        const counted = (res.body.units as { pairings: { pairingId: number }[] }[]).flatMap((u) => u.pairings.map((p) => p.pairingId));
        if (inScope) expect(counted).toContain(f.pairIn);
        else expect(counted.includes(f.pairOut)).toBe(all);
      },
    }),
  },

  'GET /api/v1/auth/me': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/auth/me' }) },
  'POST /api/v1/auth/logout': { scoping: 'none', request: async (c) => ({ method: 'POST', url: '/api/v1/auth/logout', as: await t.login(c.username, 'Matrix-pass-123') }) },
  'POST /api/v1/auth/password': {
    scoping: 'none',
    request: () => ({ method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: 'not-mine', newPassword: 'Another-pass-456' }, ok: [400] }),
  },
  'GET /api/v1/auth/sessions': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/auth/sessions' }) },
  'DELETE /api/v1/auth/sessions/:id': {
    scoping: 'none',
    request: async (c) => {
      await t.login(c.username, 'Matrix-pass-123');
      const s = await db().selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select('s.id').where('u.username', '=', c.username).orderBy('s.id', 'desc').executeTakeFirstOrThrow();
      return { method: 'DELETE', url: `/api/v1/auth/sessions/${s.id}` };
    },
  },
  'GET /api/v1/auth/tokens': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/auth/tokens' }) },
  'POST /api/v1/auth/tokens': { scoping: 'none', request: () => ({ method: 'POST', url: '/api/v1/auth/tokens', body: { name: '矩阵令牌', actions: ['org:read'] } }) },
  'DELETE /api/v1/auth/tokens/:id': {
    scoping: 'none',
    request: async (c) => {
      const made = await t.call('POST', '/api/v1/auth/tokens', { name: '待撤销', actions: ['org:read'] }, c.caller);
      return { method: 'DELETE', url: `/api/v1/auth/tokens/${made.body?.id ?? 0}` };
    },
  },

  'GET /api/v1/users': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/users' }) },
  'POST /api/v1/users': { scoping: 'none', request: () => ({ method: 'POST', url: '/api/v1/users', body: { username: name('mx').replace('-', ''), displayName: '矩阵用户', roles: ['reader'], password: 'Fresh-pass-789' } }) },
  'GET /api/v1/users/:id': { scoping: 'none', request: async () => ({ method: 'GET', url: `/api/v1/users/${await freshUser()}` }) },
  'PATCH /api/v1/users/:id': { scoping: 'none', request: async () => ({ method: 'PATCH', url: `/api/v1/users/${await freshUser()}`, body: { displayName: '改名' } }) },
  'POST /api/v1/users/:id/password': { scoping: 'none', request: async () => ({ method: 'POST', url: `/api/v1/users/${await freshUser()}/password`, body: { password: 'Reset-pass-789' } }) },
  'GET /api/v1/roles': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/roles' }) },
  'GET /api/v1/audit': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/audit' }) },
};

const orgFor = (c: Ctx) => (!c.inScope ? f.distB : c.role === 'frontline' || c.role === 'recipient_clerk' ? f.westX : f.townA);
const inOrgBody = (c: Ctx) =>
  c.inScope
    ? c.role === 'frontline' || c.role === 'recipient_clerk'
      ? { name: name('矩阵新建'), type: 'village_committee', side: 'west', regionCode: '533401101201', aliases: [] }
      : { name: name('矩阵新建'), type: 'subdistrict', side: 'east', regionCode: '310112', parentId: f.townA, aliases: [] }
    : { name: name('矩阵新建'), type: 'subdistrict', side: 'east', regionCode: '310105', parentId: f.distB, aliases: [] };
const freshUser = async () => (await createUser(db(), systemContext, { username: name('tgt').replace('-', ''), displayName: '目标', roles: ['reader'], scopes: [], password: 'Target-pass-123' }, { mustChangePassword: false })).id;

const ROLES: { role: RoleCode; scopes: ({ orgId: number } | { regionCode: string })[] }[] = [];
const users = new Map<RoleCode, { caller: Caller; username: string; permissions: Set<string>; global: boolean }>();

beforeAll(async () => {
  const distA = (await createOrg(db(), systemContext, { name: '矩阵A区', type: 'party_government', side: 'east', regionCode: '310112', aliases: [] })).id;
  const townA = await freshEast(distA);
  const distB = (await createOrg(db(), systemContext, { name: '矩阵B区', type: 'party_government', side: 'east', regionCode: '310105', aliases: [] })).id;
  const westX = await freshWest('533401101');
  const westY = await freshWest('632621100');
  const pairIn = await freshPair(townA, westX);
  const pairOut = await freshPair(distB, westY);
  const agIn = (await createAgreement(db(), systemContext, pairIn, { year: 2024, pledgedFen: 1 })).id;
  const agOut = (await createAgreement(db(), systemContext, pairOut, { year: 2024, pledgedFen: 1 })).id;
  f = { townA, distB, westX, westY, pairIn, pairOut, agIn, agOut };
  ROLES.push(
    { role: 'sys_admin', scopes: [] },
    { role: 'city_admin', scopes: [] },
    { role: 'district_admin', scopes: [{ orgId: distA }] },
    { role: 'frontline', scopes: [{ regionCode: '533401' }] },
    { role: 'recipient_clerk', scopes: [{ regionCode: '533401' }] },
    { role: 'reader', scopes: [{ orgId: distA }] },
  );
  const roleRows = await db().selectFrom('roles').selectAll().execute();
  for (const { role, scopes } of ROLES) {
    const username = `matrix_${role}`;
    await createUser(db(), systemContext, { username, displayName: role, roles: [role], scopes, password: 'Matrix-pass-123' }, { mustChangePassword: false });
    const perms = await db().selectFrom('role_permissions').select('action').where('role_code', '=', role).execute();
    users.set(role, { caller: await t.login(username, 'Matrix-pass-123'), username, permissions: new Set(perms.map((p) => p.action)), global: roleRows.find((r) => r.code === role)!.global_scope });
  }
});

describe('the authorization matrix', () => {
  it('lists every API route, and every listed route exists', () => {
    const declared = t.app.routeAccess.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(declared);
  });

  it('keeps the sensitive grants as designed', () => {
    expect(users.get('recipient_clerk')!.permissions.has('pairing:write')).toBe(false);
    expect([...users.get('reader')!.permissions].every((a) => a.endsWith(':read'))).toBe(true);
    expect(users.get('district_admin')!.permissions.has('user:write')).toBe(false);
    expect(users.get('sys_admin')!.permissions.has('user:write')).toBe(true);
  });

  const accessOf = (key: string): Access => t.app.routeAccess.find((r) => `${r.method} ${r.url}` === key)!.access;

  it.each(Object.keys(MATRIX))('%s answers each role by its permission and scope', async (key) => {
    const line = MATRIX[key];
    const access = accessOf(key);
    const anon = await line.request({ role: 'reader', caller: null, username: 'matrix_reader', inScope: true });
    const anonRes = await t.call(anon.method, anon.url, anon.body, null);
    if (access === 'public') expect(anonRes.status, `${key} anonymous`).not.toBe(401);
    else expect(anonRes.status, `${key} anonymous`).toBe(401);

    for (const { role } of ROLES) {
      const u = users.get(role)!;
      const permitted = access === 'public' || access === 'authenticated' || access === 'user' || u.permissions.has(access);
      for (const inScope of line.scoping === 'none' ? [true] : [true, false]) {
        const req = await line.request({ role, caller: u.caller, username: u.username, inScope });
        const res = await t.call(req.method, req.url, req.body, req.as ?? u.caller);
        const label = `${key} as ${role} (${inScope ? 'in scope' : 'out of scope'}): ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
        if (!permitted) {
          expect(res.status, label).toBe(403);
          continue;
        }
        const seesAll = u.global || line.scoping === 'none';
        if (!inScope && !seesAll && line.scoping === 'record') expect(res.status, label).toBe(404);
        else if (!inScope && !seesAll && line.scoping === 'create') expect(res.status, label).toBe(403);
        else if (req.ok) expect(req.ok, label).toContain(res.status);
        else expect(res.status >= 200 && res.status < 300, label).toBe(true);
        if (res.status < 300) req.check?.(res, seesAll, inScope);
      }
    }
  });
});
