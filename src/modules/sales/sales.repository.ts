import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { copyRows, type CopyValue } from '../../platform/db/copy.ts';
import { containing } from '../../platform/db/like.ts';
import { recordInScope, type Scope } from '../../platform/access/scope.ts';
import type { SaleFilters, SaleListQuery, SummaryQuery } from './sales.contract.ts';

/** A sale of a bulk import is invisible until its import is done (a failed import leaves nothing counted). */
const visible: Expression<SqlBool> = sql<SqlBool>`(sa.import_id is null or exists (select 1 from sales_imports si where si.id = sa.import_id and si.status = 'done'))`;
/** Flagged and confirmed duplicates are not counted. */
const counted: Expression<SqlBool> = sql<SqlBool>`sa.dup_status in ('unique', 'distinct')`;

/** `scope` is widened by the pairings: a sale is in reach by its county or by the unit it is credited to. */
const inScope = (scope: Scope) => recordInScope(scope, { orgs: ['sa.owning_org_id', 'sa.credited_org_id'], region: 'sa.county_code' });
/** What counts in a scope's totals: by county or owner always; for the credited unit once it has confirmed the credit. */
const countsIn = (scope: Scope) => recordInScope(scope, { orgs: ['sa.owning_org_id'], region: 'sa.county_code', extra: [sql<SqlBool>`(sa.claim_status = 'confirmed' and ${recordInScope(scope, { orgs: ['sa.credited_org_id'] })})`] });

function filtered(q: Queryable, scope: Scope, f: SaleFilters, within = inScope) {
  let query = q.selectFrom('sales as sa').where(visible).where(within(scope));
  if (f.county) query = query.where('sa.county_code', 'like', `${f.county.slice(0, 6)}%`);
  if (f.channel) query = query.where('sa.channel', '=', f.channel);
  if (f.buyerType) query = query.where('sa.buyer_type', '=', f.buyerType);
  if (f.category) query = query.where('sa.category', '=', f.category);
  if (f.supplier) query = query.where('sa.supplier_id', '=', f.supplier);
  if (f.product) query = query.where('sa.product_id', '=', f.product);
  if (f.credited) query = query.where('sa.credited_org_id', '=', f.credited);
  if (f.activity) query = query.where('sa.activity_id', '=', f.activity);
  if (f.year) query = query.where('sa.sold_on', '>=', `${f.year}-01-01`).where('sa.sold_on', '<=', `${f.year}-12-31`);
  if (f.from) query = query.where('sa.sold_on', '>=', f.from);
  if (f.to) query = query.where('sa.sold_on', '<=', f.to);
  if (f.dupStatus) query = query.where('sa.dup_status', '=', f.dupStatus);
  if (f.importId) query = query.where('sa.import_id', '=', f.importId);
  if (f.q) {
    const like = containing(f.q);
    query = query.where(sql<SqlBool>`(sa.supplier_name like ${like} or sa.credited_name like ${like} or sa.note like ${like}
      or exists (select 1 from suppliers s where s.id = sa.supplier_id and s.name like ${like})
      or exists (select 1 from products p where p.id = sa.product_id and p.name like ${like})
      or exists (select 1 from orgs o where o.id = sa.credited_org_id and o.name like ${like}))`);
  }
  return query;
}

function withNames<T extends ReturnType<typeof filtered>>(query: T) {
  return query
    .leftJoin('products as p', 'p.id', 'sa.product_id')
    .leftJoin('suppliers as s', 's.id', 'sa.supplier_id')
    .leftJoin('orgs as o', 'o.id', 'sa.credited_org_id')
    .leftJoin('regions as c', 'c.code', 'sa.county_code')
    .leftJoin('orgs as ow', 'ow.id', 'sa.owning_org_id')
    .selectAll('sa')
    .select(['p.name as product_name', 's.name as supplier_registered_name', 'o.name as credited_org_name', 'c.name as county_name', 'ow.name as owning_org_name']);
}

export async function list(q: Queryable, scope: Scope, f: SaleListQuery) {
  const query = filtered(q, scope, f);
  const [rows, count] = await Promise.all([
    withNames(query).orderBy('sa.sold_on', f.order).orderBy('sa.id', f.order).offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One slice of the filtered list after `afterId`, in id order, without counting (exports of large lists). */
export async function slice(q: Queryable, scope: Scope, f: SaleFilters, afterId: number, limit: number) {
  return withNames(filtered(q, scope, f).where('sa.id', '>', afterId)).orderBy('sa.id').limit(limit).execute();
}

export async function count(q: Queryable, scope: Scope, f: SaleFilters) {
  return Number((await filtered(q, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

export async function findById(q: Queryable, scope: Scope, id: number) {
  return withNames(filtered(q, scope, {}).where('sa.id', '=', id)).executeTakeFirst();
}
export type SaleRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export type SaleValues = {
  sold_on: string; period_end: string | null; product_id: number | null; category: string; supplier_id: number | null; supplier_name: string | null; county_code: string;
  channel: string; buyer_type: string; credited_org_id: number | null; credited_name: string | null; amount_fen: number; quantity: number | null; unit: string | null;
  households: number | null; activity_id: number | null; certified: boolean; dup_key: string; note: string | null;
  owning_org_id: number | null; claim_status: 'pending' | 'confirmed' | 'refused';
};

/** Keys looked up per query: each one index probe, and few enough that the planner never prefers a scan of the table (or JIT). */
const KEYS_PER_QUERY = 1_000;

/** Which of these duplicate keys are taken by sales that count (visible, or rows of the import `importId` being loaded). */
export async function existingKeys(q: Queryable, keys: string[], opts: { importId?: number; exceptId?: number } = {}): Promise<Set<string>> {
  const taken = new Set<string>();
  const counts = opts.importId ? sql<SqlBool>`(${visible} or sa.import_id = ${opts.importId})` : visible;
  const except = opts.exceptId ? sql`and sa.id <> ${opts.exceptId}` : sql``;
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const { rows } = await sql<{ key: string }>`
      select k.key from unnest(${keys.slice(i, i + KEYS_PER_QUERY)}::text[]) as k(key)
      cross join lateral (select 1 from sales sa where sa.dup_key = k.key and sa.dup_status <> 'duplicate' and ${counts} ${except} limit 1) hit`.execute(q);
    for (const r of rows) taken.add(r.key);
  }
  return taken;
}

export async function insert(q: Queryable, v: SaleValues & { dup_status: 'unique' | 'flagged'; is_demo?: boolean }) {
  return (await q.insertInto('sales').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function update(q: Queryable, id: number, v: Partial<SaleValues> & { dup_status?: 'unique' | 'flagged' | 'duplicate' | 'distinct'; claim_note?: string | null; claim_decided_by?: string | null; claim_decided_at?: Date | null }) {
  await q.updateTable('sales').set(v).where('id', '=', id).execute();
}
export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('sales').where('id', '=', id).execute();
}

/** The columns an import's COPY writes, in the order of `importRow`. */
const IMPORT_COLUMNS = ['sold_on', 'period_end', 'product_id', 'category', 'supplier_id', 'supplier_name', 'county_code', 'channel', 'buyer_type', 'credited_org_id', 'credited_name', 'amount_fen', 'quantity', 'unit', 'households', 'activity_id', 'certified', 'dup_key', 'dup_status', 'import_id', 'source_row', 'note', 'owning_org_id', 'claim_status'] as const;
const DUP_STATUS_AT = IMPORT_COLUMNS.indexOf('dup_status');
export type SaleCopyRow = CopyValue[];

/** A checked row of an import as COPY writes it, counted as unique until its duplicates are known. */
export function importRow(v: SaleValues, importId: number, sourceRow: number): SaleCopyRow {
  return [v.sold_on, v.period_end, v.product_id, v.category, v.supplier_id, v.supplier_name, v.county_code, v.channel, v.buyer_type, v.credited_org_id, v.credited_name,
    v.amount_fen, v.quantity, v.unit, v.households, v.activity_id, v.certified, v.dup_key, 'unique', importId, sourceRow, v.note, v.owning_org_id, v.claim_status];
}
export const flagDuplicate = (row: SaleCopyRow) => {
  row[DUP_STATUS_AT] = 'flagged';
};

/**
 * One slice of an import in one COPY statement: all its rows or none. Without triggers and foreign-key
 * checks where the role allows (most of the COPY's time): the indicator triggers (cells and fact rows) add
 * nothing for an import not done (ind_facts_sale), and the references are checked once at the end (lockReferences).
 */
export async function copyImportRows(db: Db, rows: SaleCopyRow[]) {
  await copyRows(db, { table: 'sales', columns: IMPORT_COLUMNS }, rows, { withoutTriggers: true });
}

/** What an import's rows refer to, by table (the foreign keys of sales other than its import). */
export interface ImportReferences { products: Set<number>; suppliers: Set<number>; orgs: Set<number>; activities: Set<number> }
export const noReferences = (): ImportReferences => ({ products: new Set(), suppliers: new Set(), orgs: new Set(), activities: new Set() });

/** Adds a row's references (the columns of SaleValues that are foreign keys). */
export function addReferences(refs: ImportReferences, v: SaleValues) {
  if (v.product_id !== null) refs.products.add(v.product_id);
  if (v.supplier_id !== null) refs.suppliers.add(v.supplier_id);
  if (v.credited_org_id !== null) refs.orgs.add(v.credited_org_id);
  if (v.owning_org_id !== null) refs.orgs.add(v.owning_org_id);
  if (v.activity_id !== null) refs.activities.add(v.activity_id);
}

/**
 * The foreign-key check of an import's rows, done once: the rows they refer to are locked as the
 * checks would lock them (FOR KEY SHARE, until the transaction ends; from then on a delete sees the
 * rows and is refused), and those that are gone — deleted while the file was read — are returned.
 */
export async function lockReferences(trx: Queryable, refs: ImportReferences): Promise<{ table: keyof ImportReferences; id: number }[]> {
  const missing: { table: keyof ImportReferences; id: number }[] = [];
  for (const table of ['products', 'suppliers', 'orgs', 'activities'] as const) {
    const ids = [...refs[table]];
    if (!ids.length) continue;
    const found = await sql<{ id: number }>`select id from ${sql.table(table)} where id = any(${ids}::bigint[]) for key share`.execute(trx);
    const present = new Set(found.rows.map((r) => Number(r.id)));
    for (const id of ids) if (!present.has(id)) missing.push({ table, id });
  }
  return missing;
}

export async function summary(q: Queryable, scope: Scope, f: SummaryQuery) {
  const key = {
    county: sql<string>`sa.county_code`,
    channel: sql<string>`sa.channel`,
    month: sql<string>`to_char(sa.sold_on, 'YYYY-MM')`,
    category: sql<string>`sa.category`,
    credited: sql<string>`case when sa.claim_status = 'confirmed' then coalesce('o' || sa.credited_org_id::text, 'n' || sa.credited_name) else '?' end`,
    buyer: sql<string>`sa.buyer_type`,
  }[f.by];
  const base = filtered(q, scope, f, countsIn);
  const [rows, totals] = await Promise.all([
    base.where(counted).select([key.as('key'), sql<number>`sum(sa.amount_fen)::bigint`.as('amount'), sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(sa.households), 0)::bigint`.as('households')]).groupBy(sql`1`).orderBy(sql`1`).execute(),
    base
      .select([
        sql<number>`coalesce(sum(sa.amount_fen) filter (where ${counted}), 0)::bigint`.as('total'),
        sql<number>`count(*) filter (where ${counted})::int`.as('n'),
        sql<number>`coalesce(sum(sa.amount_fen) filter (where ${counted} and sa.certified), 0)::bigint`.as('certified'),
        sql<number>`count(*) filter (where sa.dup_status = 'flagged')::int`.as('flagged_n'),
        sql<number>`coalesce(sum(sa.amount_fen) filter (where sa.dup_status = 'flagged'), 0)::bigint`.as('flagged_fen'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, totals };
}

// ---- imports ----
/**
 * A new import, queued, with the process that will run it (host, process id and start: see
 * sales.runner.ts). One inserted without a runner is held by no live run: the next recovery fails it.
 */
export async function insertImport(
  q: Queryable,
  v: { file_name: string; format: 'csv' | 'xlsx'; skip_invalid: boolean; total_bytes: number; user_id: number | null; actor_name: string },
  runner?: { host: string; pid: number; startedAt: Date; startTicks: number | null },
) {
  return (
    await q
      .insertInto('sales_imports')
      .values({ ...v, status: 'queued', runner_host: runner?.host ?? null, runner_pid: runner?.pid ?? null, runner_started_at: runner?.startedAt ?? null, runner_start_ticks: runner?.startTicks ?? null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
/** The states of an import that is not finished: queued, or being checked or loaded by its runner. */
export const UNFINISHED = ['queued', 'checking', 'loading'] as const;
type ImportState = Partial<{ status: 'queued' | 'checking' | 'loading' | 'done' | 'failed'; phase_note: string | null; bytes_read: number; rows_read: number; rows_valid: number; rows_loaded: number; error_count: number; errors: string; duplicates: number; finished_at: Date }>;
/**
 * Progress (and the heartbeat) of an unfinished import. False when the import is finished already —
 * failed by a recovery that judged its run dead: the runner must then stop and remove its rows.
 */
export async function updateImport(q: Queryable, id: number, v: ImportState): Promise<boolean> {
  const r = await q.updateTable('sales_imports').set({ ...v, heartbeat_at: sql`now()` }).where('id', '=', id).where('status', 'in', UNFINISHED).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
/** The heartbeat alone, of the unfinished imports this process holds (queued ones too, which make no progress). */
export async function touchImports(q: Queryable, ids: number[]) {
  if (!ids.length) return;
  await q.updateTable('sales_imports').set({ heartbeat_at: sql`now()` }).where('id', 'in', ids).where('status', 'in', UNFINISHED).execute();
}
export const findImport = (q: Queryable, id: number) => q.selectFrom('sales_imports').selectAll().where('id', '=', id).executeTakeFirst();
export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;
/** Imports are the caller's own, unless the caller sees everything. */
export async function listImports(q: Queryable, userId: number | null, all: boolean, page: number, pageSize: number) {
  let query = q.selectFrom('sales_imports');
  if (!all) query = userId === null ? query.where(sql<SqlBool>`false`) : query.where('user_id', '=', userId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').offset((page - 1) * pageSize).limit(pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
/** Removes what a failed import had loaded, a slice at a time. */
export async function deleteImportedSlice(q: Queryable, importId: number, limit: number): Promise<number> {
  const r = await sql`delete from sales where id in (select id from sales where import_id = ${importId} limit ${limit})`.execute(q);
  return Number(r.numAffectedRows ?? 0);
}
/** How long a heartbeat may stop before its run counts as dead whatever its runner (runners beat every 20 seconds). */
const STALE = sql`interval '2 minutes'`;
/** Unfinished imports with their runner and heartbeat, for recovery to judge (sales.runner.ts isDeadRun). */
export async function unfinishedImports(q: Queryable) {
  return q
    .selectFrom('sales_imports')
    .select(['id', 'runner_host', 'runner_pid', 'runner_started_at', 'runner_start_ticks'])
    .select([sql<boolean>`heartbeat_at < now() - ${STALE}`.as('stale'), sql<string>`heartbeat_at::text`.as('beat')])
    .where('status', 'in', UNFINISHED)
    .orderBy('id')
    .execute();
}
/**
 * Fails an unfinished import judged dead — unless its heartbeat moved since it was read (`beat`),
 * which means its runner lives after all. True when it was failed.
 */
export async function abandonImport(q: Queryable, id: number, beat: string, note: string): Promise<boolean> {
  const r = await q
    .updateTable('sales_imports')
    .set({ status: 'failed', phase_note: note, finished_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', UNFINISHED)
    .where(sql<SqlBool>`heartbeat_at = ${beat}::timestamptz`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
/** Failed imports that still have rows (their removal was cut off), to finish removing them. */
export async function failedImportsWithRows(q: Queryable) {
  return q
    .selectFrom('sales_imports as si')
    .select('si.id')
    .where('si.status', '=', 'failed')
    .where((eb) => eb.exists(eb.selectFrom('sales as sa').select('sa.id').whereRef('sa.import_id', '=', 'si.id')))
    .execute();
}

/** The id span of an import's rows (null when it has none). */
export async function importIdSpan(q: Queryable, importId: number): Promise<{ lo: number; hi: number } | null> {
  const r = await q.selectFrom('sales').select([(eb) => eb.fn.min('id').as('lo'), (eb) => eb.fn.max('id').as('hi')]).where('import_id', '=', importId).executeTakeFirst();
  return r?.lo == null ? null : { lo: Number(r.lo), hi: Number(r.hi) };
}

/** Stages the facts of an import's rows with ids in [lo, hi] (fact rows and summed cells, migration 0020), before it is marked done. */
export async function stageImport(q: Queryable, importId: number, lo: number, hi: number) {
  await sql`select ind_stage_import(${importId}::bigint, ${lo}::bigint, ${hi}::bigint)`.execute(q);
}
