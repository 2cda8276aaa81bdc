import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../../testing/test-app.ts';
import { systemContext } from '../../platform/context.ts';
import type { RefKind } from '../../platform/contract.ts';
import type { RoleCode } from '../../platform/access/actions.ts';
import { addInspection } from '../../modules/monitoring/monitoring.service.ts';
import { insertEdition } from '../../modules/editions/editions.repository.ts';
import { buildFixture, MatrixRecords, type Fixture, type MatrixUser } from './access.matrix.fixture.ts';
import { MATRIX } from './access.matrix.lines.ts';

/**
 * One rule for references, tried as a hostile scoped user: every id field of every request body
 * (found by walking the routes' own schemas, so a new field cannot be forgotten) is sent with the
 * id of a record outside the caller's scope. The answer must be the 400 on that field that an id
 * of no record at all gets, word for word, so ids cannot be probed.
 */
const t = useTestApp();
let f: Fixture;
let r: MatrixRecords;
let users: Map<RoleCode, MatrixUser>;
const outOf = new Map<RefKind, number>();
const NONE = 1_999_999_999;

type Field = { path: string; kind: RefKind | null };

/** Every field of a body schema whose name says it holds an id, with the kind its schema declares. */
function idFields(schema: unknown, path = ''): Field[] {
  const s = schema as z.ZodType & { _zod: { def: Record<string, any> } };
  if (!s?._zod) return [];
  const def = s._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
        const at = path ? `${path}.${key}` : key;
        const inner = idFields(child, at);
        if (/(^id|Id|Ids)$/.test(key) && !inner.length) return [{ path: /Ids$/.test(key) ? `${at}.0` : at, kind: refOf(child) }];
        return inner;
      });
    case 'array':
      return idFields(def.element, `${path}.0`);
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return idFields(def.innerType, path);
    case 'pipe':
      return idFields(def.in, path);
    case 'union':
      return uniq((def.options as unknown[]).flatMap((o) => idFields(o, path)));
    case 'intersection':
      return uniq([...idFields(def.left, path), ...idFields(def.right, path)]);
    default:
      return [];
  }
}
const uniq = (fs: Field[]) => fs.filter((x, i) => fs.findIndex((y) => y.path === x.path) === i);

/** The kind a reference field declares (platform/contract.ts ref()), through its wrappers. */
function refOf(schema: unknown): RefKind | null {
  let s = schema as z.ZodType & { _zod: { def: Record<string, any> } };
  for (let i = 0; s && i < 10; i++) {
    const meta = z.globalRegistry.get(s) as { ref?: RefKind; refBy?: 'kind' } | undefined;
    if (meta?.ref) return meta.ref;
    if (meta?.refBy) return 'project'; // an activity link: tried as a link to a project (its sibling `kind` is set so)
    const d = s._zod.def;
    s = d.innerType ?? d.element ?? d.in;
  }
  return null;
}

/** Sets a dotted path in a body, creating what is missing (arrays for numeric segments). */
function setPath(body: Record<string, any>, path: string, value: number) {
  const keys = path.split('.');
  let at: any = body;
  keys.slice(0, -1).forEach((k, i) => {
    if (at[k] == null || typeof at[k] !== 'object') at[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    at = at[k];
  });
  at[keys[keys.length - 1]] = value;
}

const bodies = () => t.app.routeAccess.filter((x) => x.body && ['POST', 'PATCH', 'PUT'].includes(x.method));

beforeAll(async () => {
  r = new MatrixRecords(t.database.db);
  ({ f, users } = await buildFixture(t, r));
  const db = t.database.db;
  outOf.set('pairing', f.pairOut);
  outOf.set('agreement', f.agOut);
  outOf.set('project', f.reserve.out);
  outOf.set('activity', await r.activity(f.pairOut));
  outOf.set('donation', await r.donation(f.pairOut, f.westY));
  outOf.set('training', await r.training(f.pairOut));
  outOf.set('supplier', f.consumption.supplier.out);
  outOf.set('product', f.consumption.certified.out);
  outOf.set('person', f.people.person.out);
  outOf.set('dispatch', f.people.dispatch.out);
  outOf.set('inspection', (await addInspection(db, systemContext, f.reserve.out, { kind: 'spot_check', onDate: '2024-03-01', inspector: '矩阵', findings: '无' })).id);
  outOf.set('edition', await insertEdition(db, {
    publisher_org_id: f.distB, title: '矩阵界外简报', supplement: false, year: 2024, issue_no: 1, total_no: 1, issued_on: '2024-03-31', editor: '矩阵', period_from: null, period_to: null,
    pairing_id: null, county_code: null, with_toc: false, distribution: JSON.stringify({ bao: [], song: [], fa: [] }), copies: null, corrects_id: null, created_by: 'matrix',
  }));
});

describe('references', () => {
  it('every id field of every request body declares the kind it refers to', () => {
    const unmarked = bodies().flatMap((route) => idFields(route.body).filter((x) => !x.kind).map((x) => `${route.method} ${route.url} ${x.path}`));
    expect(unmarked).toEqual([]);
    expect(bodies().flatMap((route) => idFields(route.body)).length).toBeGreaterThan(40);
  });

  it('an id outside the caller\'s scope answers exactly as an id of no record, on its field, for every scoped role', async () => {
    const scoped = [...users.values()].filter((u) => !u.global);
    const tried: string[] = [];
    const leaks: string[] = [];
    for (const route of bodies()) {
      const key = `${route.method} ${route.url}`;
      const line = MATRIX[key];
      for (const field of idFields(route.body).filter((x) => x.kind && x.kind !== 'org')) {
        for (const u of scoped) {
          if (route.access !== 'user' && route.access !== 'authenticated' && !u.permissions.has(route.access)) continue;
          const send = async (id: number) => {
            const req = await line.request({ role: u.role, caller: u.caller, username: u.username, inScope: true, f, r, t });
            if (req.type || typeof req.body !== 'object' || req.body === null) return null;
            const body = structuredClone(req.body) as Record<string, any>;
            setPath(body, field.path, id);
            if (field.path.endsWith('links.0.id')) setPath(body as never, field.path.replace(/id$/, 'kind'), 'project' as never);
            return t.call(req.method, req.url, body, u.caller);
          };
          const out = await send(outOf.get(field.kind!)!);
          if (!out) continue;
          const none = (await send(NONE))!;
          tried.push(`${key} ${field.path} as ${u.role}`);
          const label = `${key} ${field.path}=${field.kind} as ${u.role}: ${out.status} ${JSON.stringify(out.body).slice(0, 300)} / none: ${none.status} ${JSON.stringify(none.body).slice(0, 200)}`;
          const same = (x: typeof out) => ({ status: x.status, path: x.body?.issues?.[0]?.path, message: String(x.body?.message ?? '').replace(/\d+/g, '#') });
          if (out.status < 300 || out.status === 404 || out.status === 403) leaks.push(label);
          else {
            expect(same(out), label).toEqual(same(none));
            expect(out.status, label).toBe(400);
            expect(out.body.issues[0].path, label).toBe(field.path);
          }
        }
      }
    }
    console.log(`references: ${tried.length} reference fields × roles tried, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    expect(tried.length).toBeGreaterThan(50);
  });
});
