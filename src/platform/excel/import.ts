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
 * All or nothing: every row is applied in one transaction, each under a savepoint so every row's
 * problem is found; any error rolls the whole import back unless the user chose to skip invalid
 * rows, in which case the valid ones land and the result lists what was skipped.
 */
export async function importRows<T>(
  db: Db,
  ctx: RequestContext,
  read: ReadResult,
  opts: {
    entity: string;
    columns: Column[];
    skipInvalid: boolean;
    /** Builds the service input from a row; throws AppError (with field issues) when it cannot. */
    toInput: (row: ParsedRow, trx: Trx) => Promise<T>;
    apply: (trx: Trx, input: T) => Promise<unknown>;
  },
): Promise<ImportResult> {
  const total = read.rows.length + new Set(read.errors.map((e) => e.row)).size;
  if (total === 0) throw new AppError('VALIDATION', '文件中没有数据行', [{ path: 'file', message: '没有数据' }]);
  // Rows whose cells already failed are still not applied, but every other row is tried so all problems show at once.
  const errors: RowError[] = [...read.errors];
  let imported = 0;
  await db.transaction().execute(async (trx) => {
    for (const row of read.rows) {
      await sql`savepoint import_row`.execute(trx);
      try {
        await opts.apply(trx, await opts.toInput(row, trx));
        await sql`release savepoint import_row`.execute(trx);
        imported += 1;
      } catch (err) {
        await sql`rollback to savepoint import_row`.execute(trx);
        if (!(err instanceof AppError)) throw err;
        const issues = err.issues.length ? err.issues : [{ path: '', message: err.message }];
        for (const issue of issues) errors.push({ row: row.row, column: columnOfPath(opts.columns, issue.path), reason: err.issues.length ? issue.message : err.message });
      }
      if (imported % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    errors.sort((a, b) => a.row - b.row);
    if (errors.length && !opts.skipInvalid) throw rejection(errors, total);
    await writeAudit(trx, ctx, { entity: opts.entity, entityId: null, action: 'import', after: { total, imported, skipped: errors.length } });
  });
  return { total, imported, skipped: errors, skippedRows: new Set(errors.map((e) => e.row)).size };
}
