import { sql } from 'kysely';
import type { Queryable, Trx } from './database.ts';

/**
 * Drops a table's secondary indexes and foreign keys (as the migrations defined them, read back from
 * the catalog) and returns what rebuilds them. Building an index once is several times faster than
 * growing it row by row. Unique indexes backing constraints (primary keys) stay.
 */
export async function dropIndexes(q: Queryable, table: string): Promise<() => Promise<void>> {
  const indexes = await sql<{ name: string; def: string }>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = ${table}
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(q);
  const fks = await sql<{ name: string; def: string }>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'f'`.execute(q);
  for (const fk of fks.rows) await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(fk.name)}`.execute(q);
  for (const ix of indexes.rows) await sql`drop index ${sql.ref(ix.name)}`.execute(q);
  return async () => {
    for (const ix of indexes.rows) await sql.raw(ix.def).execute(q);
    for (const fk of fks.rows) await sql`alter table ${sql.table(table)} add constraint ${sql.ref(fk.name)} ${sql.raw(fk.def)}`.execute(q);
  };
}

/** Fills an empty table fast inside the caller's transaction: its indexes and foreign keys dropped for the load, rebuilt once after it. */
export async function withDeferredIndexes<T>(trx: Trx, table: string, work: () => Promise<T>): Promise<T> {
  const restore = await dropIndexes(trx, table);
  const result = await work();
  await restore();
  return result;
}
