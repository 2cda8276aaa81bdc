import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-db.ts';
import { systemContext } from '../context.ts';
import { AppError, invalidField } from '../errors.ts';
import type { Column } from './columns.ts';
import type { ReadResult } from './workbook.ts';
import { importRows, type BulkImport } from './import.ts';

const COLUMNS: Column[] = [{ header: '名称', key: 'name', kind: 'text' }, { header: '数量', key: 'n', kind: 'int' }];
const read: ReadResult = {
  rows: [2, 3, 4, 5].map((row) => ({ row, values: { name: `第${row}行`, n: row } })),
  errors: [{ row: 6, column: '数量', reason: '应为整数' }],
};

/** A bulk import whose parse refuses row 3 and whose check refuses row 5 (after row 4 took its running total). */
function fake(written: string[][]): BulkImport<{ name: string; n: number }, string> {
  return {
    parse: ({ values }) => {
      if (values.n === 3) throw invalidField('n', '第三行不行');
      return { name: String(values.name), n: Number(values.n) };
    },
    async prepare() {
      let total = 0;
      return (p) => {
        if (total + p.n > 6) throw invalidField('name', `累计 ${total + p.n} 超过 6`);
        total += p.n;
        return p.name;
      };
    },
    async write(_trx, rows) {
      written.push(rows);
    },
  };
}

describe('set-based imports', () => {
  it('reports every row’s problem, from reading, parsing and checking, by row, and writes nothing', async () => {
    const { db } = await openTestDatabase();
    const written: string[][] = [];
    const err = (await importRows(db, systemContext, read, { entity: 'test', columns: COLUMNS, skipInvalid: false, bulk: fake(written) }).catch((e) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect((err.details as { errors: unknown[] }).errors).toEqual([
      { row: 3, column: '数量', reason: '第三行不行' },
      { row: 5, column: '名称', reason: '累计 11 超过 6' },
      { row: 6, column: '数量', reason: '应为整数' },
    ]);
    expect(written).toEqual([]);
    expect(await db.selectFrom('audit_log').select('id').where('entity', '=', 'test').execute()).toEqual([]);
  });

  it('writes the accepted rows in sheet order when invalid rows are skipped, and records the import', async () => {
    const { db } = await openTestDatabase();
    const written: string[][] = [];
    const result = await importRows(db, systemContext, read, { entity: 'test', columns: COLUMNS, skipInvalid: true, bulk: fake(written) });
    expect(result).toMatchObject({ total: 5, imported: 2, skippedRows: 3 });
    expect(written).toEqual([['第2行', '第4行']]);
    const audit = await db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'test').execute();
    expect(audit).toEqual([{ action: 'import', after: { total: 5, imported: 2, skipped: 3 } }]);
  });
});
