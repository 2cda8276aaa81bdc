import { sql, type Kysely } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { columnTypesOf, insertUnnest, reserveIds } from '../../platform/db/unnest.ts';
import type { Scope } from '../../platform/access/scope.ts';

/**
 * The SQL every record-kind feature (labor, industry) shares: one generic query builder over the
 * feature's table map. Table and column names come from the feature's KINDS, never from input;
 * what a kind's list filters on stays the feature's (its `filtered`).
 */
export const loose = (q: Queryable) => q as unknown as Kysely<any>;

/** A feature's filtered selection of one kind's table, aliased `x`. */
type Filtered<K, F> = (q: Queryable, kind: K, scope: Scope, f: Partial<F>) => any;

export interface KindTables<K extends string, F> {
  table(kind: K): string;
  /** Columns a list is ordered by (in the query's order), before the id. */
  sort(kind: K): readonly string[];
  filtered: Filtered<K, F>;
  /** Whether the id that breaks ties follows the asked order or always ascends. */
  idOrder: 'asc' | 'asked';
}

export type KindStore<K extends string, F> = ReturnType<typeof kindStore<K, F>>;

/** list / find / insert / update / remove over the feature's tables. */
export function kindStore<K extends string, F>(t: KindTables<K, F>) {
  return {
    async list(q: Queryable, kind: K, scope: Scope, f: F & { page: number; pageSize: number; order: 'asc' | 'desc' }): Promise<{ rows: unknown[]; total: number }> {
      const query = t.filtered(q, kind, scope, f);
      let rows = query.selectAll('x');
      for (const col of t.sort(kind)) rows = rows.orderBy(col, f.order);
      rows = t.idOrder === 'asked' ? rows.orderBy('x.id', f.order) : rows.orderBy('x.id');
      const [items, count] = await Promise.all([
        rows.offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
        query.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows: items as unknown[], total: Number(count.n) };
    },
    async find(q: Queryable, kind: K, scope: Scope, id: number): Promise<unknown> {
      return t.filtered(q, kind, scope, {}).selectAll('x').where('x.id', '=', id).executeTakeFirst();
    },
    async insert(q: Queryable, kind: K, values: Record<string, unknown>): Promise<number> {
      return (await loose(q).insertInto(t.table(kind)).values(values).returning('id').executeTakeFirstOrThrow()).id as number;
    },
    async update(q: Queryable, kind: K, id: number, values: Record<string, unknown>) {
      await loose(q).updateTable(t.table(kind)).set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
    },
    async remove(q: Queryable, kind: K, id: number) {
      await loose(q).deleteFrom(t.table(kind)).where('id', '=', id).execute();
    },
    /** Ids for n new records of the kind (a sheet's, before they are written). */
    reserveIds: (q: Queryable, kind: K, n: number) => reserveIds(q, t.table(kind), n),
    /** Many records at once, ids given (reserveIds), in one statement typed by the table's own columns. */
    async insertMany(q: Queryable, kind: K, rows: Record<string, unknown>[]) {
      if (!rows.length) return;
      const types = await columnTypesOf(q, t.table(kind));
      const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      await insertUnnest(q, t.table(kind), Object.fromEntries(cols.map((c) => [c, types[c]])), rows);
    },
    /** Records of the kind by id, in scope (a sheet's new records, for their audit entries). */
    async findByIds(q: Queryable, kind: K, scope: Scope, ids: number[]): Promise<unknown[]> {
      const out: unknown[] = [];
      for (let i = 0; i < ids.length; i += 1000) out.push(...(await t.filtered(q, kind, scope, {}).selectAll('x').where(sql<boolean>`x.id = any(${ids.slice(i, i + 1000)}::bigint[])`).orderBy('x.id').execute()));
      return out;
    },
    /** The record already holding a unique key (its columns and values), other than `exceptId`. */
    async findByKey(q: Queryable, kind: K, key: Record<string, string | number>, exceptId?: number) {
      let query = loose(q).selectFrom(t.table(kind)).select('id');
      for (const [col, value] of Object.entries(key)) query = query.where(col, '=', value);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) as { id: number } | undefined;
    },
    /** The records holding any of these keys (same columns each), compared as text: one query for a sheet. */
    async findByKeys(q: Queryable, kind: K, keys: Record<string, string | number>[]) {
      if (!keys.length) return [];
      const cols = Object.keys(keys[0]);
      const arrays = cols.map((c) => sql`${keys.map((k) => String(k[c]))}::text[]`);
      const row = sql.join(cols.map((c) => sql`${sql.ref(c)}::text`));
      const r = await sql<Record<string, unknown> & { id: number }>`
        select id, ${sql.join(cols.map((c) => sql.ref(c)))} from ${sql.table(t.table(kind))} where (${row}) in (select * from unnest(${sql.join(arrays)}))`.execute(q);
      return r.rows;
    },
  };
}
