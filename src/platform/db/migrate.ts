import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { AppError } from '../errors.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return { version: file.slice(0, 4), name: file, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies pending migrations, each in its own transaction with its record.
 * Refuses to start when a landed migration's file no longer matches its checksum.
 */
export async function migrate(db: Db, files = readMigrations()): Promise<{ applied: string[] }> {
  await sql`create table if not exists schema_migrations (
    version text primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const landed = await db.selectFrom('schema_migrations').selectAll().orderBy('version').execute();
  const byVersion = new Map(files.map((f) => [f.version, f]));
  for (const row of landed) {
    const file = byVersion.get(row.version);
    if (!file) {
      throw new AppError('MIGRATION_EDITED', `数据库已应用迁移 ${row.name}，但代码中找不到该文件：代码版本比数据库旧，或迁移文件被删除。`);
    }
    if (file.checksum !== row.checksum) {
      throw new AppError(
        'MIGRATION_EDITED',
        `迁移 ${row.name} 在应用后被修改（校验和不符）。已落地的迁移不可编辑：请恢复原文件，并把改动写成新的迁移。`,
        [{ path: `migrations/${row.name}`, message: '校验和不符' }],
      );
    }
  }
  const done = new Set(landed.map((r) => r.version));
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file.version)) continue;
    await db.transaction().execute(async (trx) => {
      await sql.raw(file.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: file.version, name: file.name, checksum: file.checksum }).execute();
    });
    applied.push(file.name);
  }
  return { applied };
}
