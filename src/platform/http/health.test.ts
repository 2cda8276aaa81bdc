import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { lockFileOf } from '../db/lock.ts';
import { readiness } from './health.ts';

const t = useTestApp();

describe('the probes at the root', () => {
  it('/healthz answers without a session or a database call', async () => {
    const res = await t.call('GET', '/healthz', undefined, null);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { process: { ok: true } } });
  });

  it('/readyz is 200 when the database answers, its migrations are the code\'s and (PGlite) this process holds the lock', async () => {
    const res = await t.call('GET', '/readyz', undefined, null);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.checks).toMatchObject({ database: { ok: true }, migrations: { ok: true } });
    expect('lock' in res.body.checks).toBe(t.database.engine === 'pglite');
  });

  it('names each failed check in Chinese: migrations behind the code', async () => {
    const checks = await readiness(t.database, '9999');
    expect(checks.database).toEqual({ ok: true });
    expect(checks.migrations).toMatchObject({ ok: false, reason: expect.stringContaining('代码要求 9999') });
  });

  it.runIf(process.env.TEST_DATABASE_URL === undefined)('503 when the lock file names another process, and its reason', async () => {
    const file = lockFileOf(path.dirname(t.database.location));
    const mine = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, '999999');
    try {
      const res = await t.call('GET', '/readyz', undefined, null);
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('unavailable');
      expect(res.body.checks.lock).toMatchObject({ ok: false, reason: expect.stringContaining('进程 999999') });
    } finally {
      fs.writeFileSync(file, mine);
    }
  });
});
