import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { HEADER_BYTES, TRAILER_BYTES, trailer, type Manifest } from './backup.format.ts';
import { openBackup } from './backup.reader.ts';

/**
 * Each table's row count and a checksum computed apart from the backup code: the sum of every
 * row's md5 (as row text), so row order plays no part. For tests comparing two databases.
 */
export async function tableChecksums(db: Db): Promise<Record<string, string>> {
  return db.transaction().execute(async (trx) => {
    // Row text of dates and numbers alike on both engines, whatever each server's defaults
    await sql`set local timezone = 'UTC'`.execute(trx);
    await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
    await sql`set local extra_float_digits = 1`.execute(trx);
    return checksumsIn(trx);
  });
}

async function checksumsIn(db: Queryable): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name collate "C"`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ n: number; sum: string | null }>`
      select count(*)::int as n, sum(('x' || substr(md5(x::text), 1, 15))::bit(60)::bigint::numeric)::text as sum
      from ${sql.table(name)} x`.execute(db);
    out[name] = `${rows[0]!.n}:${rows[0]!.sum ?? '0'}`;
  }
  return out;
}

/** Writes a copy of a backup with its manifest changed (and a valid trailer), to test what a restore refuses. */
export async function withManifest(file: string, out: string, change: (m: Manifest) => void) {
  const { manifest } = await openBackup(file);
  change(manifest);
  const bytes = fs.readFileSync(file);
  const manifestOffset = manifest.tables.at(-1)!.offset + manifest.tables.at(-1)!.length;
  const json = Buffer.from(JSON.stringify(manifest));
  fs.writeFileSync(out, Buffer.concat([bytes.subarray(0, manifestOffset), json, trailer(manifestOffset, json.length, createHash('sha256').update(json).digest())]));
}

export { HEADER_BYTES, TRAILER_BYTES };
