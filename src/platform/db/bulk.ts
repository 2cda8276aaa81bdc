import { sql } from 'kysely';
import type { Trx } from './database.ts';

/**
 * Fills an empty table fast: its secondary indexes and foreign keys (as the migrations defined
 * them, read back from the catalog) are dropped for the load and rebuilt once after it, inside
 * the caller's transaction. Building an index once is several times faster than growing it row by row.
 */
export async function withDeferredIndexes<T>(trx: Trx, table: string, work: () => Promise<T>): Promise<T> {
  const indexes = await sql<{ name: string; def: string }>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = ${table}
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(trx);
  const fks = await sql<{ name: string; def: string }>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'f'`.execute(trx);
  for (const fk of fks.rows) await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(fk.name)}`.execute(trx);
  for (const ix of indexes.rows) await sql`drop index ${sql.ref(ix.name)}`.execute(trx);
  const result = await work();
  for (const ix of indexes.rows) await sql.raw(ix.def).execute(trx);
  for (const fk of fks.rows) await sql`alter table ${sql.table(table)} add constraint ${sql.ref(fk.name)} ${sql.raw(fk.def)}`.execute(trx);
  return result;
}
