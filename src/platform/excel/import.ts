import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from '../audit.ts';
import type { RequestContext } from '../context.ts';
import type { Column, RowError } from './columns.ts';
import type { ParsedRow, ReadResult } from './workbook.ts';

export interface ImportResult {
  total: number;
  imported: number;
  /** Rows left out (the user chose to skip invalid rows), one entry per problem found in them. */
  skipped: RowError[];
  /** How many rows were left out. */
  skippedRows: number;
}

/** Where a service's error points (a field path such as "funds.shanghaiFen"), as a column header. */
export function columnOfPath(columns: Column[], path: string | undefined): string | null {
  if (!path) return null;
  const parts = path.split('.');
  const exact = columns.find((c) => parts.includes(c.key));
  return (exact ?? columns.find((c) => parts.some((p) => p.startsWith(c.key))))?.header ?? null; // eastOrgId → 帮扶方单位 (eastOrg)
}

/** A row's values through the API's own schema: its issues become the row's errors, by field. */
export function parseRow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION', '行数据无效', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}

function rejection(errors: RowError[], total: number): AppError {
  const first = errors[0];
  const where = (e: RowError) => `第 ${e.row} 行${e.column ? `「${e.column}」` : ''}`;
  return new AppError(
    'VALIDATION',
    `导入未执行：${total} 行中有 ${new Set(errors.map((e) => e.row)).size} 行有错误，共 ${errors.length} 处，未导入任何数据。${where(first)}：${first.reason}`,
    errors.slice(0, 1000).map((e) => ({ path: where(e), message: e.reason })),
    { errors: errors.slice(0, 1000), total },
  );
}

/**
 * A feature's set-based import. Phase 1 reads each row without the database; phase 2 loads what
 * the whole sheet refers to in a few queries and checks each row against it, in sheet order (so
 * numbering and running sums see the rows accepted before); phase 3 writes the accepted rows and
 * their audit entries in a few statements, only when nothing failed (or invalid rows are skipped).
 */
export interface BulkImport<P, W> {
  /** Cells → what the checks need; throws AppError (with field issues) when it cannot. */
  parse: (row: ParsedRow) => P;
  /** Loads the sheet's references; returns the check of one row (throws AppError) → what is written. */
  prepare: (trx: Trx, parsed: P[]) => Promise<(p: P) => W | Promise<W>>;
  /** Writes every accepted row with its audit entry. */
  write: (trx: Trx, rows: W[]) => Promise<void>;
}

/** Row by row: each row through the service's own create, under a savepoint so every row's problem is found. */
interface PerRow<T> {
  /** Builds the service input from a row; throws AppError (with field issues) when it cannot. */
  toInput: (row: ParsedRow, trx: Trx) => Promise<T>;
  apply: (trx: Trx, input: T) => Promise<unknown>;
}

type ImportOptions<T, P, W> = { entity: string; columns: Column[]; skipInvalid: boolean } & (PerRow<T> | { bulk: BulkImport<P, W> });

/** A row's failure as its errors, by column; anything but an AppError is a fault and propagates. */
function rowErrors(err: unknown, row: number, columns: Column[]): RowError[] {
  if (!(err instanceof AppError)) throw err;
  const issues = err.issues.length ? err.issues : [{ path: '', message: err.message }];
  return issues.map((issue) => ({ row, column: columnOfPath(columns, issue.path), reason: err.issues.length ? issue.message : err.message }));
}

const breathe = () => new Promise((resolve) => setImmediate(resolve));

/**
 * All or nothing: every row is checked in one transaction so every row's problem is found; any
 * error rolls the whole import back unless the user chose to skip invalid rows, in which case the
 * valid ones land and the result lists what was skipped. Features with a `bulk` import check
 * set-based and write in bulk; the others apply each row under a savepoint.
 */
export async function importRows<T = unknown, P = unknown, W = unknown>(db: Db, ctx: RequestContext, read: ReadResult, opts: ImportOptions<T, P, W>): Promise<ImportResult> {
  const total = read.rows.length + new Set(read.errors.map((e) => e.row)).size;
  if (total === 0) throw new AppError('VALIDATION', '文件中没有数据行', [{ path: 'file', message: '没有数据' }]);
  // Rows whose cells already failed are still not applied, but every other row is tried so all problems show at once.
  const errors: RowError[] = [...read.errors];
  let imported = 0;
  await db.transaction().execute(async (trx) => {
    const settle = () => {
      errors.sort((a, b) => a.row - b.row);
      if (errors.length && !opts.skipInvalid) throw rejection(errors, total);
    };
    imported = 'bulk' in opts ? await inBulk(trx, read.rows, opts.bulk, opts.columns, errors, settle) : await rowByRow(trx, read.rows, opts, errors, settle);
    // Skipping invalid rows when no row is valid would import nothing yet record an import: refused instead.
    if (imported === 0 && errors.length) throw rejection(errors, total);
    await writeAudit(trx, ctx, { entity: opts.entity, entityId: null, action: 'import', after: { total, imported, skipped: errors.length } });
  });
  return { total, imported, skipped: errors, skippedRows: new Set(errors.map((e) => e.row)).size };
}

async function rowByRow<T>(trx: Trx, rows: ParsedRow[], opts: PerRow<T> & { columns: Column[] }, errors: RowError[], settle: () => void): Promise<number> {
  let imported = 0;
  for (const row of rows) {
    await sql`savepoint import_row`.execute(trx);
    try {
      await opts.apply(trx, await opts.toInput(row, trx));
      await sql`release savepoint import_row`.execute(trx);
      imported += 1;
    } catch (err) {
      await sql`rollback to savepoint import_row`.execute(trx);
      errors.push(...rowErrors(err, row.row, opts.columns));
    }
    if (imported % 500 === 0) await breathe();
  }
  settle();
  return imported;
}

async function inBulk<P, W>(trx: Trx, rows: ParsedRow[], bulk: BulkImport<P, W>, columns: Column[], errors: RowError[], settle: () => void): Promise<number> {
  const parsed: { row: number; p: P }[] = [];
  for (const row of rows) {
    try {
      parsed.push({ row: row.row, p: bulk.parse(row) });
    } catch (err) {
      errors.push(...rowErrors(err, row.row, columns));
    }
  }
  const check = await bulk.prepare(trx, parsed.map((x) => x.p));
  const accepted: W[] = [];
  for (const [i, { row, p }] of parsed.entries()) {
    try {
      accepted.push(await check(p));
    } catch (err) {
      errors.push(...rowErrors(err, row, columns));
    }
    if (i % 1000 === 999) await breathe(); // let other requests in
  }
  settle();
  await bulk.write(trx, accepted);
  return accepted.length;
}
