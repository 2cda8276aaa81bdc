import type { z } from 'zod';
import type { Db, Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, parseRow, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import type { Page } from '../../platform/contract.ts';
import type { AnySpec, recordKinds } from './recordkinds.service.ts';

/** One record kind as a spreadsheet: its columns, an example row, and cells → the API's input. */
export interface KindSheet {
  path: string;
  name: string;
  spec: AnySpec;
  columns: Column[];
  example: Record<string, string | number | null>;
  /** Cells → the API's input (organisations resolved by name and the like). */
  toInput: (v: Record<string, unknown>, q: Queryable) => Promise<unknown>;
  schema: z.ZodType;
}

type Service = Pick<ReturnType<typeof recordKinds<any, any, any>>, 'createRecordIn' | 'listRecords'>;
type Paged = { page: number; pageSize: number };

/**
 * Template, all-or-nothing import (each row through the service's create, under a savepoint) and
 * export of the filtered list, the same for every record kind; `toCells` turns a listed record
 * into the sheet's cells.
 */
export function kindSheetFiles<F extends Paged>(service: Service, toCells: (item: Record<string, unknown>) => Record<string, unknown> = (item) => item) {
  const template = (sheet: KindSheet) => writeSheet(sheet.columns.filter((c) => !c.exportOnly), [sheet.example], { sheetName: sheet.name, notes: true });

  async function importFile(db: Db, ctx: RequestContext, sheet: KindSheet, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
    const read = await readSheet(file, sheet.columns, { maxRows: 10_000 });
    return importRows(db, ctx, read, {
      entity: sheet.spec.entity,
      columns: sheet.columns,
      skipInvalid,
      toInput: async ({ values }, trx) => {
        const cells = Object.fromEntries(Object.entries(values).filter(([, x]) => x !== null));
        return parseRow(sheet.schema, await sheet.toInput(cells, trx));
      },
      apply: (trx, input) => service.createRecordIn(trx, ctx, sheet.spec, input as never),
    });
  }

  const exportFile = (db: Db, ctx: RequestContext, sheet: KindSheet, f: Omit<F, 'page' | 'pageSize'>) =>
    exportSheet(
      db,
      ctx,
      { entity: sheet.spec.entity, columns: sheet.columns, sheetName: sheet.name, filters: f },
      (page, pageSize) => service.listRecords(db, sheet.spec, ctx.scope, { ...f, page, pageSize } as unknown as F) as Promise<Page<unknown>>,
      (item) => toCells(item as Record<string, unknown>),
    );

  return { template, importFile, exportFile };
}
