import type { Kysely } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
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
  };
}

/** The pairing a record names: both sides (for the scope and the owner). */
export async function findPairing(q: Queryable, id: number) {
  return q.selectFrom('pairings').select(['id', 'east_org_id', 'west_org_id']).where('id', '=', id).executeTakeFirst();
}
