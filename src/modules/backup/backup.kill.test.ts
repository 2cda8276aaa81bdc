import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, envFor, openTestDatabase } from '../../testing/test-db.ts';
import { adminQuery, withDatabase } from '../../testing/global-setup.ts';
import { prepareDatabase } from '../../app/prepare.ts';
import { loadDemoData } from '../../app/demo.ts';
import { openDatabase } from '../../platform/db/database.ts';
import type { DbConfig } from '../../platform/config.ts';
import { REFERENCE_TABLES } from './backup.catalog.ts';
import { tableChecksums } from './backup.test-support.ts';
import { readVerifiedBackup, restoreBackup } from './backup.restore.ts';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const made: string[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-${process.pid}_${Date.now()}-kill-`));
afterAll(async () => {
  for (const name of made) await adminQuery(ADMIN_URL, `drop database if exists ${name} with (force)`).catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyPostgres(): Promise<string> {
  const name = `xiezuo_test_${process.pid}_${Date.now()}_k${made.length}`;
  await adminQuery(ADMIN_URL, `create database ${name} template template0 encoding 'UTF8'`);
  made.push(name);
  return withDatabase(ADMIN_URL, name);
}

/** A database of the tier with the demo records, closed again (the CLI must be able to open it), and its checksums. */
async function demoDatabase(engine: 'tier' | 'pglite'): Promise<{ config: DbConfig; sums: Record<string, string> }> {
  const config: DbConfig =
    engine === 'pglite' && inject('testDb').engine !== 'pglite' ? { engine: 'pglite', dataDir: fs.mkdtempSync(path.join(dir, 'pg-')) } : await createTestDatabase();
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database.db);
    await loadDemoData(database.db);
    return { config, sums: await tableChecksums(database.db) };
  } finally {
    await database.close();
  }
}

async function sumsOf(config: DbConfig) {
  const database = await openDatabase(config);
  try {
    return await tableChecksums(database.db);
  } finally {
    await database.close();
  }
}

function xiezuo(env: NodeJS.ProcessEnv, ...args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const child = spawn('node', ['bin/xiezuo.mjs', ...args], { env, cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
  return { child, done };
}

/** Kills the child with SIGKILL as soon as `ready` holds (polled), failing if the command ends first. */
async function killWhen(run: ReturnType<typeof xiezuo>, ready: () => Promise<boolean> | boolean) {
  let ended = false;
  void run.done.then(() => (ended = true));
  while (!ended && !(await ready())) await new Promise((r) => setTimeout(r, 10));
  expect(ended, 'the command finished before it could be killed').toBe(false);
  run.child.kill('SIGKILL');
  expect((await run.done).signal).toBe('SIGKILL');
}

describe('a killed backup or migration leaves nothing that looks complete', () => {
  it('SIGKILL during `xiezuo backup FILE`: no FILE, the database opens, a re-run completes and restores exactly', { timeout: 240_000 }, async () => {
    const { config, sums } = await demoDatabase('tier');
    const file = path.join(dir, 'killed.xzbak');
    const run = xiezuo(envFor(config), 'backup', file);
    await killWhen(run, () => fs.existsSync(`${file}.partial`) && fs.statSync(`${file}.partial`).size > 64 * 1024);
    expect(fs.existsSync(file)).toBe(false);
    expect(await sumsOf(config)).toEqual(sums);
    const again = await xiezuo(envFor(config), 'backup', file).done;
    expect(again.code, again.out).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    const target = await openTestDatabase(); // restored in this process: the CLI's restore is the same call
    await restoreBackup(target, await readVerifiedBackup(file));
    expect(await tableChecksums(target.db)).toEqual(sums);
  });

  it('SIGKILL during `xiezuo migrate-to-postgres`: the target stays empty (one transaction), a re-run succeeds', { timeout: 240_000 }, async () => {
    const { config, sums } = await demoDatabase('pglite');
    const url = await emptyPostgres();
    const { DATABASE_URL: _u, ...env } = envFor(config);
    const name = new URL(url).pathname.slice(1);
    const copying = async () => {
      const probe = await openDatabase({ engine: 'postgres', url: ADMIN_URL });
      try {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = ${name} and query ilike 'copy%from stdin%'`.execute(probe.db);
        return rows[0]!.n > 0;
      } finally {
        await probe.close();
      }
    };
    await killWhen(xiezuo(env, 'migrate-to-postgres', url), copying);
    const left = await sumsOf({ engine: 'postgres', url });
    const userRows = Object.entries(left).filter(([t, s]) => !REFERENCE_TABLES.includes(t) && !s.startsWith('0:'));
    expect(userRows).toEqual([]);
    expect(await sumsOf(config)).toEqual(sums); // the embedded source opens, unchanged
    const again = await xiezuo(env, 'migrate-to-postgres', url).done;
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/设置环境变量 DATABASE_URL/);
    expect(await sumsOf({ engine: 'postgres', url })).toEqual(sums);
  });
});
