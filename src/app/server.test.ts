import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../testing/test-app.ts';
import { buildApp } from './server.ts';

const t = useTestApp();

describe('the HTTP layer', () => {
  it('reports health with the engine and the loaded regions', async () => {
    const res = await t.call('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.regions).toBeGreaterThan(660_000);
    expect(['pglite', 'postgres']).toContain(res.body.engine);
  });

  it('publishes an OpenAPI document generated from the contracts', async () => {
    const res = await t.call('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/orgs', '/api/v1/pairings/{id}', '/api/v1/coverage/{code}', '/api/v1/regions/search']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown routes and broken JSON in the one error format', async () => {
    const missing = await t.call('GET', '/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', issues: [] });
    const admin = t.admin as { cookie: string; csrf: string };
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: '{"name":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('JSON') });
  });

  it('names the bad query parameter', async () => {
    const res = await t.call('GET', '/api/v1/regions/search?q=');
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('q');
    expect(res.body.message).toContain('查询参数');
  });

  it('compresses JSON when the caller accepts it and sends Excel exports as they are (issue 18)', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const br = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const cookie = (t.admin as { cookie: string }).cookie;
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/projects/export.xlsx', headers: { cookie, 'accept-encoding': 'br, gzip' } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.headers['content-encoding']).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toContain('项目名称');
  });

  it('takes the client address from X-Forwarded-For only behind a trusted proxy (XIEZUO_TRUST_PROXY)', async () => {
    const { username } = await t.userWith({ roles: ['reader'] });
    const sessionIp = async (trustProxy: boolean) => {
      const app = await buildApp({ database: t.database, trustProxy });
      try {
        const headers = { 'x-forwarded-for': '203.0.113.9' };
        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { username, password: TEST_PASSWORD } });
        expect(login.statusCode).toBe(200);
        const cookie = `xiezuo_session=${login.cookies.find((c) => c.name === 'xiezuo_session')!.value}`;
        const sessions = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { ...headers, cookie } });
        return (sessions.json() as { ip: string | null; current: boolean }[]).find((s) => s.current)?.ip;
      } finally {
        await app.close();
      }
    };
    expect(await sessionIp(true)).toBe('203.0.113.9');
    expect(await sessionIp(false)).toBe('127.0.0.1');
  });
});
