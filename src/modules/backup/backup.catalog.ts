import type { CopySession } from '../../platform/db/copy.ts';

/** One table of the public schema as a backup sees it: the columns COPY writes, the key it sorts by. */
export interface TableInfo {
  name: string;
  /** Every column but generated ones (COPY cannot write those), in column order. */
  columns: string[];
  /** The primary key's columns; empty when the table has none (then every column sorts). */
  key: string[];
  /**
   * Columns whose collation does not already sort byte-wise: sorted and compared with collate "C", so
   * both engines order alike (a database whose default is C — PGlite's — keeps its indexes usable).
   */
  collatable: string[];
}

/** Tables the product fills itself (migrations, the division loader): a restore replaces them; any other row is a user record. */
export const REFERENCE_TABLES: readonly string[] = ['schema_migrations', 'regions', 'regions_source', 'roles', 'role_permissions', 'certification_rules'];

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const ident = quote;

/** Every table of the public schema, read from the catalog, parents before the tables whose foreign keys name them. */
export async function listTables(session: CopySession): Promise<TableInfo[]> {
  const columns = await session.query<{ table: string; column: string; collatable: boolean }>(`
    with db as (
      select coalesce(to_jsonb(d) ->> 'datlocprovider', 'c') = 'c' and d.datcollate in ('C', 'POSIX') as byte_order
      from pg_database d where d.datname = current_database()
    )
    select c.relname as "table", a.attname as "column",
      a.attcollation not in (0, 950) and not (a.attcollation = 100 and (select byte_order from db)) as collatable
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname collate "C", a.attnum`);
  const keys = await session.query<{ table: string; column: string }>(`
    select c.relname as "table", a.attname as "column"
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, pos)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where n.nspname = 'public' and i.indisprimary
    order by c.relname collate "C", k.pos`);
  const refs = await session.query<{ child: string; parent: string }>(`
    select distinct c.relname as child, p.relname as parent
    from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where f.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`);
  const tables = new Map<string, TableInfo>();
  for (const r of columns) {
    const t = tables.get(r.table) ?? { name: r.table, columns: [], key: [], collatable: [] };
    t.columns.push(r.column);
    if (r.collatable) t.collatable.push(r.column);
    tables.set(r.table, t);
  }
  for (const k of keys) tables.get(k.table)?.key.push(k.column);
  return dependencyOrder([...tables.values()], refs);
}

/** Parents first (a stable topological sort by name); a cycle, should one appear, keeps name order for its members. */
function dependencyOrder(tables: TableInfo[], refs: { child: string; parent: string }[]): TableInfo[] {
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  for (const r of refs) parents.get(r.child)?.add(r.parent);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const names = [...byName.keys()].sort();
  const done = new Set<string>();
  const out: TableInfo[] = [];
  while (out.length < names.length) {
    const ready = names.filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p) || !byName.has(p)));
    const next = ready.length ? ready : names.filter((n) => !done.has(n)).slice(0, 1);
    for (const n of next) {
      done.add(n);
      out.push(byName.get(n)!);
    }
  }
  return out;
}

/** A column as it sorts: collate "C" where it has a collation, so both engines order text byte-wise. */
export function sortExpr(t: TableInfo, column: string): string {
  return t.collatable.includes(column) ? `${quote(column)} collate "C"` : quote(column);
}

/** Sequences that feed a column (identity or serial), for the restore to continue after the largest value. */
export async function listSequences(session: CopySession): Promise<{ table: string; column: string }[]> {
  return session.query(`
    select t.relname as "table", a.attname as "column"
    from pg_class s join pg_namespace n on n.oid = s.relnamespace
    join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
    join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and n.nspname = 'public'
    order by t.relname collate "C", a.attname collate "C"`);
}
