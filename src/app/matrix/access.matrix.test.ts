import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import type { Access, RoleCode } from '../../platform/access/actions.ts';
import { buildFixture, MatrixRecords, type Fixture, type MatrixUser } from './access.matrix.fixture.ts';
import { MATRIX } from './access.matrix.lines.ts';

/**
 * The authorization matrix: every API route × every role (and anonymous) × a record in the
 * role's scope and one outside it. A route added without a line in MATRIX fails the first test.
 */
const t = useTestApp();
let f: Fixture;
let r: MatrixRecords;
let users: Map<RoleCode, MatrixUser>;

beforeAll(async () => {
  r = new MatrixRecords(t.database.db);
  ({ f, users } = await buildFixture(t, r));
});

describe('the authorization matrix', () => {
  it('lists every API route, and every listed route exists', () => {
    const declared = t.app.routeAccess.map((x) => `${x.method} ${x.url}`).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(declared);
  });

  it('keeps the sensitive grants as designed', () => {
    const can = (role: RoleCode, action: string) => users.get(role)!.permissions.has(action);
    expect(can('recipient_clerk', 'pairing:write')).toBe(false);
    expect(can('recipient_clerk', 'fund:allocate') || can('recipient_clerk', 'fund:cosign') || can('recipient_clerk', 'project:approve')).toBe(false);
    expect([...users.get('reader')!.permissions].every((a) => a.endsWith(':read'))).toBe(true);
    expect(can('district_admin', 'user:write')).toBe(false);
    expect(can('sys_admin', 'user:write')).toBe(true);
  });

  const accessOf = (key: string): Access => t.app.routeAccess.find((x) => `${x.method} ${x.url}` === key)!.access;

  it.each(Object.keys(MATRIX))('%s answers each role by its permission and scope', async (key) => {
    const line = MATRIX[key];
    const access = accessOf(key);
    const anon = await line.request({ role: 'reader', caller: null, username: 'matrix_reader', inScope: true, f, r, t });
    const anonRes = await t.call(anon.method, anon.url, anon.body, null, anon.type);
    if (access === 'public') expect(anonRes.status, `${key} anonymous`).not.toBe(401);
    else expect(anonRes.status, `${key} anonymous`).toBe(401);

    for (const u of users.values()) {
      const holds = (a: Access) => a === 'public' || a === 'authenticated' || a === 'user' || u.permissions.has(a);
      for (const inScope of line.scoping === 'none' ? [true] : [true, false]) {
        const req = await line.request({ role: u.role, caller: u.caller, username: u.username, inScope, f, r, t });
        const res = await t.call(req.method, req.url, req.body, req.as ?? u.caller, req.type);
        const label = `${key} as ${u.role} (${inScope ? 'in scope' : 'out of scope'}): ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
        const seesAll = u.global || line.scoping === 'none';
        // The route's rule first (403 reveals nothing about records), then the scope (404), then a step's own action.
        if (!holds(access)) {
          expect(res.status, label).toBe(403);
          continue;
        }
        if (!inScope && !seesAll && line.scoping === 'record') {
          expect(res.status, label).toBe(line.outOfScope ?? 404);
          continue;
        }
        if (line.decidedBy && !holds(line.decidedBy)) {
          expect(res.status, label).toBe(403);
          continue;
        }
        if (!inScope && !seesAll && line.scoping === 'create') expect(res.status, label).toBe(line.outOfScope ?? 403);
        else if (req.ok) expect(req.ok, label).toContain(res.status);
        else expect(res.status >= 200 && res.status < 300, label).toBe(true);
        if (res.status < 300) await req.check?.(res, seesAll, inScope);
      }
    }
  });
});
