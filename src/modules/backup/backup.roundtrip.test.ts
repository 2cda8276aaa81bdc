import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-db.ts';
import { loadDemoData } from '../../app/demo.ts';
import type { Database } from '../../platform/db/database.ts';
import { backupToFile } from './backup.writer.ts';
import { readVerifiedBackup, restoreBackup } from './backup.restore.ts';
import { REFERENCE_TABLES } from './backup.catalog.ts';
import { tableChecksums } from './backup.test-support.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-${process.pid}_backup-rt-`));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let source: Database;
let sourceSums: Record<string, string>;
let file: string;

beforeAll(async () => {
  source = await openTestDatabase();
  await loadDemoData(source.db);
  sourceSums = await tableChecksums(source.db);
  file = path.join(dir, 'demo.xzbak');
  await backupToFile(source, file);
});

describe('backup and restore', () => {
  it('a fresh database holds rows only in the reference tables a restore replaces', async () => {
    const fresh = await openTestDatabase();
    const sums = await tableChecksums(fresh.db);
    const filled = Object.keys(sums).filter((t) => !sums[t]!.startsWith('0:'));
    expect(filled.every((t) => REFERENCE_TABLES.includes(t)), filled.join(',')).toBe(true);
  });

  it('writes one complete file covering every table of the public schema, no .partial left', async () => {
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const backup = await readVerifiedBackup(file);
    expect(backup.manifest.tables.map((t) => t.name).sort()).toEqual(Object.keys(sourceSums).sort());
    for (const t of backup.manifest.tables) expect(`${t.name}:${t.rows}`).toBe(`${t.name}:${sourceSums[t.name]!.split(':')[0]}`);
    expect(backup.manifest.tables.filter((t) => t.rows > 0).length).toBeGreaterThan(40); // records of many kinds
  });

  it('restores into an empty database: every table equal by an independent checksum, sequences continue', async () => {
    const target = await openTestDatabase();
    await sql`delete from role_permissions where role_code = 'reader'`.execute(target.db); // a reference table that differs is replaced
    const result = await restoreBackup(target, await readVerifiedBackup(file));
    expect(result.tables).toBe(Object.keys(sourceSums).length);
    expect(await tableChecksums(target.db)).toEqual(sourceSums);
    const { rows } = await sql<{ ok: boolean }>`select nextval(pg_get_serial_sequence('orgs', 'id')) > (select max(id) from orgs) as ok`.execute(target.db);
    expect(rows[0]!.ok).toBe(true);
  });

  it('refuses a database that holds user records, and writes nothing', async () => {
    const target = await openTestDatabase();
    await sql`insert into orgs (name, type, side) values ('已有单位', 'government', 'east')`.execute(target.db);
    const before = await tableChecksums(target.db);
    await expect(restoreBackup(target, await readVerifiedBackup(file))).rejects.toThrow(/已有业务记录（表 orgs）：只能恢复到空数据库/);
    expect(await tableChecksums(target.db)).toEqual(before);
  });
});
