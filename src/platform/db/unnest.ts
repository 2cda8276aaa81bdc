import { sql } from 'kysely';
import type { Queryable } from './database.ts';

/** A column's SQL type, as its array is cast for unnest (bigint, text, date, smallint …). */
export type ColumnTypes<R> = { [C in keyof R & string]: string };

/**
 * Ids for n new rows of a table with an identity id, taken from its sequence in one query: a bulk
 * insert can then name each row's id (its audit entry, its children) without relying on RETURNING order.
 */
export async function reserveIds(q: Queryable, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence(${table}, 'id'))::bigint as id from generate_series(1, ${n}::int)`.execute(q);
  return r.rows.map((x) => x.id);
}

/** A table's column types as the catalog has them (for tables whose rows are built generically). */
export async function columnTypesOf(q: Queryable, table: string): Promise<Record<string, string>> {
  const r = await sql<{ name: string; type: string }>`
    select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`.execute(q);
  return Object.fromEntries(r.rows.map((c) => [c.name, c.type]));
}

/**
 * Many rows in one statement inside the caller's transaction: a column array per field, unnested
 * (a parameter per column, whatever the row count). Rows carrying `id` keep it (reserveIds); the
 * columns named in `returning` come back for every row (match them by a unique column, not by order).
 */
export async function insertUnnest<R extends Record<string, unknown>, T = never>(q: Queryable, table: string, types: ColumnTypes<R>, rows: R[], returning: string[] | '*' = []): Promise<T[]> {
  if (!rows.length) return [];
  const cols = Object.keys(types) as (keyof R & string)[];
  const arrays = cols.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(types[c])}[]`);
  const overriding = cols.includes('id') ? sql`overriding system value` : sql``;
  const back = returning === '*' ? sql`returning *` : returning.length ? sql`returning ${sql.join(returning.map((c) => sql.ref(c)))}` : sql``;
  const r = await sql<T>`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) ${overriding} select * from unnest(${sql.join(arrays)}) ${back}`.execute(q);
  return r.rows;
}
