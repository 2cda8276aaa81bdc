import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-db.ts';
import { adminQuery, withDatabase } from '../../testing/global-setup.ts';
import { prepareDatabase } from '../../app/prepare.ts';
import { loadDemoData } from '../../app/demo.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import type { DbConfig } from '../../platform/config.ts';
import { copyDatabase } from './backup.restore.ts';
import { tableChecksums } from './backup.test-support.ts';

/** The PostgreSQL server both tiers can reach; the embedded → PostgreSQL path is tested in each. */
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const made: string[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const name of made) await adminQuery(ADMIN_URL, `drop database if exists ${name} with (force)`).catch(() => {});
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** An empty PostgreSQL database (named so the test run's sweep drops it if this process dies). */
async function emptyPostgres(): Promise<string> {
  const name = `xiezuo_test_${process.pid}_${Date.now()}_m${made.length}`;
  await adminQuery(ADMIN_URL, `create database ${name} template template0 encoding 'UTF8'`);
  made.push(name);
  return withDatabase(ADMIN_URL, name);
}

/** An embedded database with the demo records: the tier's PGlite copy, or (PostgreSQL tier) a new prepared folder. */
async function demoPglite(): Promise<{ config: DbConfig & { engine: 'pglite' }; database: Database }> {
  let config: DbConfig;
  if (inject('testDb').engine === 'pglite') config = await createTestDatabase();
  else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-${process.pid}_${Date.now()}-`));
    dirs.push(dir);
    config = { engine: 'pglite', dataDir: dir };
  }
  const database = await openDatabase(config);
  await prepareDatabase(database.db);
  await loadDemoData(database.db);
  return { config: config as DbConfig & { engine: 'pglite' }, database };
}

let source: Database;
let sourceSums: Record<string, string>;
beforeAll(async () => {
  ({ database: source } = await demoPglite());
  sourceSums = await tableChecksums(source.db);
});
afterAll(() => source?.close());

describe('migrate-to-postgres', () => {
  it('copies the embedded database into an empty PostgreSQL database, every table equal; a non-empty target is refused', async () => {
    const url = await emptyPostgres();
    const target = await openDatabase({ engine: 'postgres', url });
    try {
      const result = await copyDatabase(source, target);
      expect(result.tables).toBe(Object.keys(sourceSums).length);
      expect(await tableChecksums(target.db)).toEqual(sourceSums);
      await expect(copyDatabase(source, target)).rejects.toThrow(/目标数据库已有业务记录/);
      expect(await tableChecksums(target.db)).toEqual(sourceSums);
    } finally {
      await target.close();
    }
  });
});

