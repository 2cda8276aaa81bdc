import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-db.ts';
import type { Database } from '../db/database.ts';
import type { App, Feature } from '../feature.ts';
import type { Authenticator } from '../access/authenticated.ts';
import { AppError } from '../errors.ts';
import { buildServer } from './server.ts';
import { createLogger, logLevelFromEnv } from './logging.ts';

/** The JSON lines a server logs, collected from a pino logger writing here. */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l)); done(); } });
const nobody: Authenticator = { session: async () => null, token: async () => null };
const probe: Feature = {
  name: 'probe',
  setup: (deps) => ({
    routes: (app) => {
      app.get('/echo', { config: { access: 'public' } }, async (req) => {
        req.log.info({ headers: req.headers }, 'headers seen');
        deps.log.info('through the route deps');
        return { ok: true };
      });
      app.get('/broken', { config: { access: 'public' } }, async () => {
        throw new AppError('CONFLICT', '冲突');
      });
    },
  }),
};

let database: Database;
let app: App;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildServer({ database, webDist: '/nonexistent', authenticator: nobody, features: [probe], logger: createLogger('info', sink) });
});
afterAll(async () => {
  await app?.close();
});

describe('request ids and JSON logs', () => {
  it('keeps a sane incoming X-Request-Id, echoes it, and puts it on every line of the request', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/echo', headers: { 'x-request-id': 'proxy-42.abc' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('proxy-42.abc');
    const mine = lines.filter((l) => l.reqId === 'proxy-42.abc');
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'headers seen', 'request completed']));
    expect(lines.some((l) => l.msg === 'through the route deps')).toBe(true);
  });

  it('replaces an overlong or unsafe id with a fresh UUID', async () => {
    for (const given of ['x'.repeat(129), 'a b', 'evil\u0007', '']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/echo', headers: { 'x-request-id': given } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('never logs cookies, authorization or CSRF tokens', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/echo', headers: { cookie: 'xiezuo_session=SECRET-COOKIE', authorization: 'Bearer SECRET-TOKEN', 'x-csrf-token': 'SECRET-CSRF' } });
    await app.inject({ method: 'GET', url: '/api/v1/echo', headers: { cookie: 'other=SECRET-OTHER' } }); // no session cookie: answered, its headers logged by the route
    app.log.info({ req: { headers: { cookie: 'SECRET-A', authorization: 'SECRET-B' } }, res: { headers: { 'set-cookie': 'SECRET-C' } } }, 'a line logging credentials');
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/SECRET-/);
    expect(text).toContain('[已隐去]');
  });

  it('puts the request id in every error body, the same as the header', async () => {
    for (const url of ['/api/v1/broken', '/api/v1/nowhere']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.json().requestId).toBe(res.headers['x-request-id']);
    }
  });

  it('takes the level from XIEZUO_LOG_LEVEL (default info) and refuses an unknown one', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ XIEZUO_LOG_LEVEL: 'WARN' })).toBe('warn');
    expect(() => logLevelFromEnv({ XIEZUO_LOG_LEVEL: 'loud' })).toThrow(/XIEZUO_LOG_LEVEL/);
  });
});
