import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/database.ts';
import { prepareDatabase } from '../app/prepare.ts';
import { isAlive } from '../platform/db/lock.ts';

/**
 * Builds one migrated database with the full division tree, once per run; every test file
 * then gets its own copy (a copied PGlite folder, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  await sweepLeftovers(adminUrl);
  if (adminUrl) {
    const name = `xiezuo_tpl_${process.pid}_${Date.now()}`;
    await adminQuery(adminUrl, `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
    const database = await openDatabase({ engine: 'postgres', url: withDatabase(adminUrl, name) });
    await prepareDatabase(database.db);
    await database.close();
    project.provide('testDb', { engine: 'postgres', adminUrl, template: name });
    return async () => {
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-tpl_${process.pid}-`));
  const database = await openDatabase({ engine: 'pglite', dataDir: dir });
  await prepareDatabase(database.db);
  await database.close();
  project.provide('testDb', { engine: 'pglite', template: dir });
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}


/** Databases of earlier runs that were killed before their cleanup (their process is gone). */
async function sweepLeftovers(adminUrl?: string) {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = Number(name.match(/^xiezuo-test-(?:tpl_)?(\d+)[_-]/)?.[1]);
    if (pid && !isAlive(pid)) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
  if (!adminUrl) return;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname ~ '^xiezuo_(test|tpl)_[0-9]+_'`);
    for (const { datname } of rows) {
      if (!isAlive(Number(datname.split('_')[2]))) await client.query(`drop database if exists ${datname} with (force)`);
    }
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { engine: 'pglite'; template: string } | { engine: 'postgres'; adminUrl: string; template: string };
  }
}
