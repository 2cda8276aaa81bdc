import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import type { DbConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

/**
 * Cleanups of this test file's databases, run once after the file. Registered here, at module
 * load (collection time): an afterAll called later, from inside a beforeAll, would never run.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
});

/**
 * A database of this test file's own, copied from the run's prepared template (migrated, regions
 * loaded) and dropped after the file. PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<DbConfig> {
  const spec = inject('testDb');
  const tag = `${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  if (spec.engine === 'postgres') {
    const name = `xiezuo_test_${tag}`;
    await adminQuery(spec.adminUrl, `create database ${name} template ${spec.template}`);
    cleanups.push(() => adminQuery(spec.adminUrl, `drop database if exists ${name} with (force)`));
    return { engine: 'postgres', url: withDatabase(spec.adminUrl, name) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-${tag}-`));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(spec.template, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'xiezuo.lock'), { force: true });
  return { engine: 'pglite', dataDir: dir };
}

export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase(await createTestDatabase());
  cleanups.push(() => database.close()); // runs before the removal above (cleanups run in reverse)
  return database;
}

/** The environment that points the CLI at a test database. */
export function envFor(config: DbConfig): NodeJS.ProcessEnv {
  const { DATABASE_URL: _u, XIEZUO_DATA_DIR: _d, ...rest } = process.env;
  return config.engine === 'postgres' ? { ...rest, DATABASE_URL: config.url } : { ...rest, XIEZUO_DATA_DIR: config.dataDir };
}
