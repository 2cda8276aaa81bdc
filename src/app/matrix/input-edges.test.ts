import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { buildFixture, MatrixRecords, type Fixture, type MatrixUser } from './access.matrix.fixture.ts';
import { adminRequests, JSON_METHODS, type Req } from './access.matrix.lines.ts';
import type { RoleCode } from '../../platform/access/actions.ts';
import { sql, type RawBuilder } from 'kysely';
import { toAppError } from '../../platform/http/errors.ts';

/**
 * Input edges answer 400, never 500. The routes come from the app itself (routeAccess, and the
 * parameters of each from the OpenAPI document); a valid request for each is the authorization
 * matrix's own (as the administrator, in scope), which is then spoiled one edge at a time.
 */
const t = useTestApp();
let f: Fixture;
let r: MatrixRecords;
let users: Map<RoleCode, MatrixUser>;

beforeAll(async () => {
  r = new MatrixRecords(t.database.db);
  ({ f, users } = await buildFixture(t, r));
});

interface Param {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  schema?: { type?: string | string[]; anyOf?: { type?: string }[] };
}

/** The query and path parameters the OpenAPI document declares for one route. */
function paramsOf(method: string, url: string): Param[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
  const path = url.replace(/:(\w+)/g, '{$1}');
  return doc.paths[path]?.[method.toLowerCase()]?.parameters ?? [];
}

const numeric = (p: Param) => {
  const types = [p.schema?.type, ...(p.schema?.anyOf ?? []).map((x) => x.type)].flat();
  return types.includes('integer') || types.includes('number');
};

/** A URL with the query key set to a value already percent-encoded (so malformed encodings can be sent). */
function withQuery(url: string, key: string, encoded: string): string {
  const [path, query = ''] = url.split('?');
  const kept = query.split('&').filter((kv) => kv && decodeURIComponent(kv.split('=')[0]) !== key);
  return `${path}?${[...kept, `${encodeURIComponent(key)}=${encoded}`].join('&')}`;
}

/** The route's URL (as the matrix fills it) with one path parameter replaced. */
function withParam(pattern: string, url: string, name: string, encoded: string): string {
  const [path, query] = url.split('?');
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return url;
  const i = want.indexOf(`:${name}`);
  if (i < 0) return url;
  got[i] = encoded;
  return got.join('/') + (query ? `?${query}` : '');
}

/** Every string leaf of a JSON value, by dotted path. */
function stringLeaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'string') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringLeaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringLeaves(x, [...path, k]));
  return [];
}

/** Every number leaf of a JSON value, by path. */
function numberLeaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'number') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => numberLeaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => numberLeaves(x, [...path, k]));
  return [];
}

function setAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

function spoil(body: unknown, path: (string | number)[], add: string): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  at[last] = `${at[last] as string}${add}`;
  return copy;
}

interface Outcome {
  route: string;
  probe: string;
  status: number;
  expect400: boolean;
  body: string;
  paths: string[];
  wantPath?: string;
}

const outcomes: Outcome[] = [];

async function probe(route: string, name: string, req: Req, caller: Caller, expect400: boolean, wantPath?: string) {
  const res = await t.call(req.method, req.url, req.body, req.as ?? caller, req.type);
  const body = Buffer.isBuffer(res.body) ? '(file)' : JSON.stringify(res.body).slice(0, 300);
  const paths = ((Buffer.isBuffer(res.body) ? [] : res.body?.issues) ?? []).map((i: { path: string }) => i.path);
  outcomes.push({ route, probe: name, status: res.status, expect400, body, paths, wantPath });
}

describe('input edges', () => {
  it('answers every route × every edge probe without a 500', { timeout: 900_000 }, async () => {
    const admin = users.get('sys_admin')!;
    const routes = t.app.routeAccess;
    // The matrix's valid request when it can be built; else the bare route (ids 1), which still meets every edge.
    const unbuilt: string[] = [];
    const fresh = adminRequests({ caller: admin.caller, username: admin.username, f, r, t }, unbuilt);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const base = await fresh(key);
      const again = async () => (base.as ? await fresh(key) : base);
      const params = paramsOf(route.method, route.url);
      // Path parameters: a NUL, a control character, and numbers no column holds.
      for (const p of params.filter((x) => x.in === 'path')) {
        for (const [label, value, bad] of [
          ['NUL', '%00', true],
          ['control', 'a%01b', true],
          ['1e400', '1e400', numeric(p)],
          ['huge', '99999999999999999999', numeric(p)],
          ['negative', '-1', numeric(p)],
        ] as const) {
          const req = await again();
          await probe(key, `path ${p.name}=${label}`, { ...req, url: withParam(route.url, req.url, p.name, value) }, admin.caller, bad, p.name);
        }
      }
      if (route.method === 'GET' || route.method === 'DELETE') {
        const generic = [
          ['q', '%00', true],
          ['q', 'a%01b', true],
          ['q', 'a%1Fb%7F', true],
          ['page', '1e400', false],
          ['pageSize', 'abc', false],
        ] as const;
        const declared = params.filter((x) => x.in === 'query');
        const perParam = declared.flatMap((p) => [
          [p.name, '%00', true],
          [p.name, 'a%0Ab', true],
          [p.name, '1e400', numeric(p)],
          [p.name, '-99999999999999999999', numeric(p)],
          [p.name, '99999999999999999999', numeric(p)],
          [p.name, 'abc', numeric(p)],
          [p.name, '0000-01-01', numeric(p) || ['from', 'to'].includes(p.name)],
          [p.name, '%E0%A4%A', false],
        ] as const);
        for (const [name, value, bad] of [...generic, ...perParam]) {
          const readsIt = declared.some((p) => p.name === name) || value.includes('%0') || value.includes('%1');
          const req = await again();
          await probe(key, `query ${name}=${value}`, { ...req, url: withQuery(req.url, name, value) }, admin.caller, bad && readsIt, name);
        }
      }
      if (JSON_METHODS.has(route.method) && !Buffer.isBuffer(base.body) && (!base.type || base.type.includes('json'))) {
        const body = base.body ?? {};
        const leaves = stringLeaves(body).slice(0, 12);
        for (const leaf of leaves) {
          for (const [label, add] of [['NUL', 'x\u0000y'], ['control', '\u0007']] as const) {
            const req = await again();
            await probe(key, `body ${leaf.join('.')} ${label}`, { ...req, body: spoil(req.body ?? {}, leaf, add) }, admin.caller, true, leaf.join('.'));
          }
        }
        for (const leaf of numberLeaves(body).slice(0, 12)) {
          const req = await again();
          const at = leaf.join('.');
          // 10^15 fits a JavaScript number but not an integer column; 1e400 is Infinity once parsed.
          await probe(key, `body ${at}=1e15`, { ...req, body: setAt(req.body, leaf, 1e15) }, admin.caller, false, at);
          const raw = JSON.stringify(setAt(req.body, leaf, 424242424242)).replace('424242424242', '1e400');
          await probe(key, `body ${at}=1e400`, { ...req, body: raw, type: 'application/json' }, admin.caller, true, at);
        }
        const req = await again();
        await probe(key, 'body extra NUL', { ...req, body: { ...((req.body as object) ?? {}), zzProbe: ['\u0000'] } }, admin.caller, true, 'zzProbe.0');
      }
    }
    // 503 UNAVAILABLE is the PDF route on a server without LibreOffice: a tool missing, not an input edge.
    const errors = outcomes.filter((o) => o.status >= 500 && !o.body.includes('"UNAVAILABLE"'));
    const not400 = outcomes.filter((o) => o.expect400 && o.status !== 400);
    // Answered by the handler's backstop for PostgreSQL data errors: the input reached the database unchecked.
    const backstop = outcomes.filter((o) => o.body.includes('"输入有误：'));
    const wrongPath = outcomes.filter((o) => o.expect400 && o.status === 400 && o.wantPath && !o.paths.includes(o.wantPath));
    if (unbuilt.length) console.log(`input edges: no valid request built for ${[...new Set(unbuilt)].join(', ')}`);
    console.log(`input edges: ${routes.length} routes, ${outcomes.length} probes, ${errors.length} answered 5xx, ${not400.length} not 400 where expected, ${wrongPath.length} 400 naming another field, ${backstop.length} refused only by the database`);
    const show = (list: Outcome[]) => list.map((o) => `${o.route} | ${o.probe} → ${o.status} ${o.paths.join(',')} ${o.body}`).join('\n');
    expect(show(errors)).toBe('');
    expect(show(not400)).toBe('');
    expect(show(wrongPath)).toBe('');
    expect(show(backstop)).toBe('');
  });
});

describe('control characters', () => {
  it('names the field, in the query string, the path and the JSON body (keeping tab and newline in body text)', async () => {
    const q = await t.call('GET', '/api/v1/public/catalogue?q=%00', undefined, null);
    expect(q.status).toBe(400);
    expect(q.body).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'q' }] });
    expect(q.body.message).toBe('查询参数有误：字段 q：含有不允许的控制字符（U+0000）');
    const esc = await t.call('GET', '/api/v1/orgs?q=a%1B%5B31m');
    expect(esc.status).toBe(400);
    expect(esc.body.message).toContain('U+001B');
    const param = await t.call('GET', '/api/v1/regions/53%00');
    expect(param.status).toBe(400);
    expect(param.body.message).toMatch(/^路径参数有误：字段 code：/);
    const body = await t.call('PUT', `/api/v1/bulletin-editions/1/items`, { items: [{}, {}, {}, { item: 'a\u0000b' }] });
    expect(body.status).toBe(400);
    expect(body.body.issues[0]).toEqual({ path: 'items.3.item', message: '含有不允许的控制字符（U+0000）' });
    expect(body.body.message).toMatch(/^请求体有误：字段 items\.3\.item：/);
    const key = await t.call('POST', '/api/v1/orgs', { ['a\u0000']: 1 });
    expect(key.status).toBe(400);
    const lines = await t.call('PATCH', `/api/v1/orgs/${f.distA}`, { note: '第一行\n\t第二行\r\n' });
    expect(lines.status).toBe(200);
  });

  it('refuses a NUL in an uploaded sheet cell as that cell\'s error', async () => {
    const { parseCell } = await import('../../platform/excel/columns.ts');
    expect(() => parseCell({ header: '备注', key: 'note', kind: 'text' }, 'a\u0000b')).toThrow('含有不允许的控制字符（U+0000）');
    expect(parseCell({ header: '备注', key: 'note', kind: 'text' }, '一行\n两行')).toBe('一行\n两行');
  });
});

describe('dates', () => {
  it('refuse days before 1949-10-01, after 2100-12-31 and days that do not exist, naming the range', async () => {
    for (const bad of ['0000-01-01', '1899-12-31', '9999-12-31', '1949-09-30', '2101-01-01']) {
      const res = await t.call('GET', `/api/v1/activities?from=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.issues, bad).toEqual([{ path: 'from', message: '日期应在 1949-10-01 至 2100-12-31 之间' }]);
    }
    const impossible = await t.call('GET', '/api/v1/sales?to=2024-02-30');
    expect(impossible.status).toBe(400);
    expect(impossible.body.issues).toEqual([{ path: 'to', message: '不是有效的日期' }]);
    const created = await t.call('POST', '/api/v1/pairings', { type: 'xieshou', eastOrgId: f.townA, westOrgId: f.westX, startDate: '0000-01-01' });
    expect(created.status).toBe(400);
    expect(created.body.message).toBe('请求体有误：字段 startDate：日期应在 1949-10-01 至 2100-12-31 之间');
    for (const ok of ['1949-10-01', '2100-12-31']) {
      const res = await t.call('GET', `/api/v1/activities?from=${ok}&to=${ok}`);
      expect(res.status, ok).toBe(200);
    }
  });

  it('keeps every year field of the query strings within the range', async () => {
    for (const url of ['/api/v1/pairings?year=1948', '/api/v1/projects?year=2101', '/api/v1/labor/summary?year=0', '/api/v1/trainings/summary?year=99999']) {
      const res = await t.call('GET', url);
      expect(res.status, url).toBe(400);
      expect(res.body.issues[0].path, url).toBe('year');
    }
  });
});

describe('numbers in the query string and the path', () => {
  it('answer 400 naming the field for 1e400, abc, negative and huge values', async () => {
    const cases: [string, string, RegExp][] = [
      ['/api/v1/orgs?page=1e400', 'page', /页码 page 应为数字，而不是「1e400」/],
      ['/api/v1/orgs?pageSize=abc', 'pageSize', /每页条数 pageSize 应为数字，而不是「abc」/],
      ['/api/v1/orgs?page=-1', 'page', /页码 page 应不小于 1/],
      ['/api/v1/orgs?page=99999999999999999999', 'page', /页码 page/],
      ['/api/v1/orgs?pageSize=201', 'pageSize', /每页条数 pageSize 应在 1–200 之间/],
      ['/api/v1/orgs/1e400', 'id', /编号 id 应为数字/],
      ['/api/v1/orgs/99999999999999999999', 'id', /编号 id 应为正整数/],
      ['/api/v1/orgs/-1', 'id', /编号 id 应为正整数/],
      ['/api/v1/pairings?year=1e400', 'year', /年度 year 应为数字，而不是「1e400」/],
    ];
    for (const [url, path, message] of cases) {
      const res = await t.call('GET', url);
      expect(res.status, url).toBe(400);
      expect(res.body.issues[0].path, url).toBe(path);
      expect(res.body.message, url).toMatch(message);
    }
  });

  it('names a missing required query field in Chinese: 缺少年度 year', async () => {
    const res = await t.call('GET', '/api/v1/labor/summary');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('查询参数有误：缺少年度 year');
    expect(res.body.issues).toEqual([{ path: 'year', message: '缺少年度 year' }]);
    const empty = await t.call('GET', '/api/v1/personnel/summary?year=');
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('查询参数有误：年度 year 不能为空');
    const by = await t.call('GET', '/api/v1/donations/totals');
    expect(by.status).toBe(400);
    expect(by.body.message).toBe('查询参数有误：缺少汇总方式 by');
    const body = await t.call('POST', '/api/v1/orgs', { type: 'subdistrict', side: 'east' });
    expect(body.status).toBe(400);
    expect(body.body.message).toMatch(/^请求体有误：缺少名称 name/);
  });
});

describe('sheet headers', () => {
  it('summarise a long list of unknown columns: the first ten and the count', async () => {
    const { checkHeaders } = await import('../../platform/excel/workbook.ts');
    const extra = Array.from({ length: 37 }, (_, i) => `列${i + 1}`);
    let message = '';
    let issues: unknown[] = [];
    try {
      checkHeaders(['名称', ...extra], [{ header: '名称', key: 'name', kind: 'text', required: true }]);
    } catch (err) {
      ({ message, issues } = err as { message: string; issues: unknown[] });
    }
    expect(message).toBe(`表头与模板不符：未知的列：${extra.slice(0, 10).join('、')}…等共 37 列。请使用下载的模板。`);
    expect(issues).toHaveLength(11);
    const csv = `${extra.join(',')}\n${extra.map(() => '1').join(',')}\n`;
    const res = await t.upload('/api/v1/sales/imports?fileName=wrong.csv', csv, 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(`未知的列：${extra.slice(0, 10).join('、')}…等共 37 列`);
  });
});

describe('integrity errors', () => {
  /** The database's refusal of a statement (run in a transaction that never commits), as the handler maps it. */
  const refused = async (statement: RawBuilder<unknown>) => {
    const accepted = new Error('the database accepted it');
    try {
      await t.database.db.transaction().execute(async (trx) => {
        await statement.execute(trx);
        throw accepted;
      });
    } catch (err) {
      if (err === accepted) throw err;
      return { err, app: toAppError(err) };
    }
    throw accepted;
  };

  it('name the record and the field, never the constraint', async () => {
    const dup = await refused(sql`insert into orgs (name, type, side) values ('矩阵A区', 'party_government', 'east')`);
    expect(dup.app.status).toBe(409);
    expect(dup.app.message).toBe('该组织已存在：名称与已有组织相同');
    expect(dup.app.issues).toEqual([{ path: 'name', message: '已被使用' }]);
    expect(JSON.stringify(dup.app.toJSON())).not.toContain('orgs_name_unique');

    const missing = await refused(sql`insert into activity_links (activity_id, kind, target_id) values (999999999, 'project', 1)`);
    expect(missing.app.status).toBe(409);
    expect(missing.app.message).toBe('引用的活动不存在');
    expect(missing.app.issues[0].path).toBe('activityId');

    const referenced = await refused(sql`delete from orgs where id = ${f.westX}`);
    expect(referenced.app.status).toBe(409);
    expect(referenced.app.message).toMatch(/^该组织仍被.+引用，不能删除或修改$/);
    expect(referenced.app.message).not.toContain('仍被记录');

    const rule = await refused(sql`update pairings set end_date = '2000-01-01' where id = ${f.pairIn}`);
    expect(rule.app.status).toBe(422);
    expect(rule.app.message).toBe('结对关系不符合规则：结束日期不能早于开始日期');
    for (const x of [dup, missing, referenced, rule]) expect(x.app.message).not.toMatch(/_fkey|_key|_check|pairings_dates/);
  });
});
