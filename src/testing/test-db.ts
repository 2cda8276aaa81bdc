import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import type { DbConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

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
    afterAll(() => adminQuery(spec.adminUrl, `drop database if exists ${name} with (force)`));
    return { engine: 'postgres', url: withDatabase(spec.adminUrl, name) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-${tag}-`));
  fs.cpSync(spec.template, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'xiezuo.lock'), { force: true });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { engine: 'pglite', dataDir: dir };
}

export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase(await createTestDatabase());
  afterAll(() => database.close()); // registered last, so it runs before the drop
  return database;
}

/** The environment that points the CLI at a test database. */
export function envFor(config: DbConfig): NodeJS.ProcessEnv {
  const { DATABASE_URL: _u, XIEZUO_DATA_DIR: _d, ...rest } = process.env;
  return config.engine === 'postgres' ? { ...rest, DATABASE_URL: config.url } : { ...rest, XIEZUO_DATA_DIR: config.dataDir };
}
