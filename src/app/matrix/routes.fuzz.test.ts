import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { buildFixture, MatrixRecords, type Fixture, type MatrixUser } from './access.matrix.fixture.ts';
import { adminRequests, JSON_METHODS, type Req } from './access.matrix.lines.ts';
import type { RoleCode } from '../../platform/access/actions.ts';
import { anyJson, anyText, changedTables, count, dbSignature, deep, errorModelProblem, params, printTried, within, wrongValue } from '../../testing/fuzz/fuzz.ts';

/**
 * Fuzzing every route (issue 15): the routes come from the app itself (routeAccess; their query
 * parameters from the OpenAPI document), a valid request for each from the authorization matrix
 * (as the administrator, in scope). Each JSON route gets random JSON bodies and mutations of its
 * valid body; each GET route random query strings. Properties: no 5xx, an answer within the bound,
 * every 4xx in the error model with a Chinese message, and a refused request writes nothing.
 */
const t = useTestApp();
let f: Fixture;
let r: MatrixRecords;
let users: Map<RoleCode, MatrixUser>;
const BOUND_MS = Number(process.env.XIEZUO_FUZZ_BOUND_MS ?? 5_000);
/** Touched by any request (a session's last use) or by design on a refusal (the audit of a 403, login attempts). */
const SKIP = ['sessions', 'audit_log', 'login_attempts', 'api_tokens'];

beforeAll(async () => {
  r = new MatrixRecords(t.database.db);
  ({ f, users } = await buildFixture(t, r));
}, 600_000);
afterAll(() => printTried('routes'));

interface Param { name: string; in: 'query' | 'path' }
function paramsOf(method: string, url: string): Param[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
  return doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.parameters ?? [];
}

/** Percent-encodes any text byte by byte (a lone surrogate becomes U+FFFD, as a browser sends it). */
const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');

const failures: string[] = [];

/** One request, checked: bound, no 5xx, the error model on a 4xx, nothing written by a refusal. */
async function send(route: string, req: Req, caller: Caller, what: string) {
  const signature = await dbSignature(t.database.db, SKIP); // after the request was built (building it may write)
  const res = await within(BOUND_MS, `${route} ${what}`, t.call(req.method, req.url, req.body, req.as ?? caller, req.type));
  count(`${route.split(' ')[0]} ${what}`);
  const shown = () => `${route} | ${what} | ${req.method} ${req.url.slice(0, 200)} ${typeof req.body === 'string' ? req.body.slice(0, 200) : JSON.stringify(req.body)?.slice(0, 200)} → ${res.status} ${Buffer.isBuffer(res.body) ? '(file)' : JSON.stringify(res.body).slice(0, 300)}`;
  // 503 UNAVAILABLE is the PDF route on a server without LibreOffice: a tool missing, not an input edge.
  const unavailable = res.status === 503 && (res.body as { code?: string })?.code === 'UNAVAILABLE';
  const problem = unavailable ? null : errorModelProblem(res.status, res.body);
  if (problem) failures.push(`${problem}: ${shown()}`);
  if (res.status >= 400) {
    const changed = changedTables(signature, await dbSignature(t.database.db, SKIP));
    if (changed.length) failures.push(`refused but wrote ${changed.join(', ')}: ${shown()}`);
  }
  if (problem) throw new Error(shown());
  return res;
}

/** Every leaf and inner path of a JSON value (the root excluded). */
function pathsOf(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length ? [path] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => pathsOf(x, [...path, i]))];
  if (v && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...path, k]))];
  return here;
}

type Mutation = { kind: 'set'; at: number; value: unknown } | { kind: 'drop'; at: number } | { kind: 'extra'; key: string; value: unknown } | { kind: 'dup'; at: number; times: number };

function mutate(body: unknown, m: Mutation): unknown {
  if (m.kind === 'extra') return body && typeof body === 'object' && !Array.isArray(body) ? { ...body, [m.key]: m.value } : { [m.key]: m.value };
  const paths = pathsOf(body);
  if (!paths.length) return m.kind === 'set' ? m.value : body;
  const path = paths[m.at % paths.length];
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (m.kind === 'set') at[last] = m.value;
  else if (m.kind === 'drop') {
    if (Array.isArray(at)) at.splice(Number(last), 1);
    else delete at[last];
  } else at[last] = Array.from({ length: m.times }, () => at[last]); // a field repeated into an array of itself
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: fc.oneof(anyText(20), fc.constantFrom('__proto__', 'constructor', 'id', 'ownerOrgId')), value: anyJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), times: fc.integer({ min: 0, max: 300 }) }) },
);

/** A whole body: any JSON, raw text that is not JSON, deep nesting, oversized. */
const wholeBody = fc.oneof(
  { weight: 4, arbitrary: anyJson.map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })) },
  { weight: 1, arbitrary: anyText(200).map((s) => ({ body: s, type: 'application/json' })) },
  { weight: 1, arbitrary: fc.integer({ min: 500, max: 200_000 }).map((d) => ({ body: `${'['.repeat(d)}${']'.repeat(d)}`, type: 'application/json' })) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map((d) => ({ body: JSON.stringify(deep(d, 'x', true)), type: 'application/json' })) },
  { weight: 1, arbitrary: fc.constantFrom(21 * 1024 * 1024, 1 << 20).map((n) => ({ body: JSON.stringify({ text: 'x'.repeat(n) }), type: 'application/json' })) },
  { weight: 1, arbitrary: fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=gbk').map((type) => ({ body: 'a=1&b=2', type })) },
);

/** A query string's pairs: the declared keys and random ones, random values, repeated keys, huge values. */
const queryPairs = (declared: string[]) =>
  fc.array(
    fc.tuple(
      declared.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...declared) }, { weight: 1, arbitrary: anyText(12) }) : anyText(12),
      fc.oneof(
        { weight: 6, arbitrary: anyText(40).map(pct) },
        { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '+', '[]', 'a[b]=c', '..%2F..%2F') },
        { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'x'.repeat(n)) },
      ),
      fc.integer({ min: 1, max: 3 }),
    ),
    { maxLength: 6 },
  );

function withQuery(url: string, pairs: [string, string, number][]): string {
  const [path, query = ''] = url.split('?');
  const extra = pairs.flatMap(([k, v, times]) => Array.from({ length: times }, () => `${pct(k)}=${v}`));
  return `${path}?${[query, ...extra].filter(Boolean).join('&')}`;
}

/** One property of one route: a failure (with fast-check's seed, path and shrunk counterexample) is kept and the next route goes on. */
async function check(route: string, what: string, property: fc.IAsyncPropertyWithHooks<any>, weight: number) {
  try {
    await fc.assert(property, params(weight));
  } catch (err) {
    failures.push(`${route} (${what}): ${(err as Error).message.split('\n').filter((l) => /Counterexample|seed|Got error|Error:/.test(l)).join(' | ').slice(0, 1500)}`);
  }
}

describe('fuzzing every route', () => {
  it('answers random JSON bodies, mutated valid bodies and random query strings on every route without a 5xx', { timeout: 3_600_000 }, async () => {
    const admin = users.get('sys_admin')!;
    const unbuilt: string[] = [];
    const fresh = adminRequests({ caller: admin.caller, username: admin.username, f, r, t }, unbuilt);
    const routes = t.app.routeAccess.filter((x) => x.url.startsWith('/api/') && x.method !== 'HEAD');
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const base = await fresh(key);
      // A request that ends its session (logout, password change) is built afresh each time.
      const again = async () => (base.as ? await fresh(key) : base);
      if (JSON_METHODS.has(route.method)) {
        await check(key, 'whole body', fc.asyncProperty(wholeBody, async (b) => {
            const req = await again();
            await send(key, { ...req, body: b.body, type: b.type }, admin.caller, 'whole body');
          }), 0.3);
        const jsonBase = !Buffer.isBuffer(base.body) && (!base.type || base.type.includes('json'));
        if (jsonBase) {
          await check(key, 'mutated body', fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
              const req = await again();
              const body = ms.reduce((b, m) => mutate(b, m), (req.body ?? {}) as unknown);
              await send(key, { ...req, body: JSON.stringify(body) ?? 'null', type: 'application/json' }, admin.caller, 'mutated body');
            }), 0.5);
        }
      }
      if (route.method === 'GET') {
        const declared = paramsOf(route.method, route.url).filter((p) => p.in === 'query').map((p) => p.name);
        await check(key, 'query', fc.asyncProperty(queryPairs(declared), async (pairs) => {
            const req = await again();
            await send(key, { ...req, url: withQuery(req.url, pairs) }, admin.caller, 'query');
          }), 0.5);
      }
    }
    if (unbuilt.length) console.log(`routes fuzz: no valid request built for ${[...new Set(unbuilt)].join(', ')}`);
    expect(failures.join('\n')).toBe('');
  });

  it('answers an anonymous caller 401 with a Chinese message on every non-public route, whatever the body', { timeout: 600_000 }, async () => {
    failures.length = 0;
    const routes = t.app.routeAccess.filter((x) => x.url.startsWith('/api/') && x.method !== 'HEAD' && x.access !== 'public');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), wholeBody, fc.array(fc.tuple(anyText(8), anyText(20).map(pct), fc.constant(1)), { maxLength: 3 }), async (route, b, pairs) => {
        const url = withQuery(route.url.replace(/:\w+/g, '1'), pairs);
        const json = JSON_METHODS.has(route.method);
        const res = await send(`${route.method} ${route.url}`, { method: route.method, url, ...(json ? { body: b.body, type: b.type } : {}) }, null, 'anonymous');
        // Before the caller is known only the request's form may be refused (a body over the limit, a bad JSON, a control character).
        if (res.status !== 401) expect([400, 404, 415], `${route.method} ${route.url} → ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
      }),
      params(3),
    );
    expect(failures.join('\n')).toBe('');
  });
});
