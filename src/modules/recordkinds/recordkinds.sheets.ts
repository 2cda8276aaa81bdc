import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, parseRow, type BulkImport, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import type { Page } from '../../platform/contract.ts';
import { Lookups } from '../references/references.lookups.ts';
import type { AnySpec, recordKinds } from './recordkinds.service.ts';

/** One record kind as a spreadsheet: its columns, an example row, and cells → the API's input. */
export interface KindSheet {
  path: string;
  name: string;
  spec: AnySpec;
  columns: Column[];
  example: Record<string, string | number | null>;
  /** Cells → the API's input (organisations resolved by name through the sheet's lookups). */
  toInput: (v: Record<string, unknown>, look: Lookups) => Promise<unknown>;
  /** The cell naming an organisation, if any: its names are loaded for the whole sheet at once. */
  orgCell?: string;
  schema: z.ZodType;
}

type Service = Pick<ReturnType<typeof recordKinds<any, any, any>>, 'sheetRecords' | 'listRecords'>;
type Cells = Record<string, unknown>;
const PLACE = /^\d{2,12}$/;

/** What a sheet's rows name, loaded at once: every cell that reads as a division code, the organisation cell's names, the pairings. */
const preloadOf = (sheet: KindSheet, rows: Cells[]) => ({
  regions: rows.flatMap((v) => Object.values(v).filter((x): x is string => typeof x === 'string' && PLACE.test(x))),
  orgNames: sheet.orgCell ? rows.map((v) => v[sheet.orgCell!] as string | undefined) : [],
  pairingIds: rows.map((v) => v.pairingId as number | undefined),
});

/** The sheet of one record kind, set-based (the service's sheetRecords), with the sheet's lookups and unique keys loaded once. */
function kindSheetImport(service: Service, ctx: RequestContext, sheet: KindSheet): BulkImport<Cells, Record<string, unknown> & { id: number }> {
  let records: Awaited<ReturnType<Service['sheetRecords']>>;
  return {
    parse: ({ values }) => Object.fromEntries(Object.entries(values).filter(([, x]) => x !== null)),
    async prepare(trx, rows) {
      const look = await new Lookups(trx, ctx.scope).preload(preloadOf(sheet, rows));
      // The keys rows will hold, read from their cells as they stand (a row whose input differs is looked up on its own).
      const expected = rows.map((v) => sheet.schema.safeParse(v)).filter((r) => r.success).map((r) => r.data);
      records = await service.sheetRecords(trx, ctx, sheet.spec, look, { rows: rows.length, expected });
      return async (cells) => records.check(parseRow(sheet.schema, await sheet.toInput(cells, look)));
    },
    write: (_trx, rows) => records.write(rows),
  };
}
type Paged = { page: number; pageSize: number };

/**
 * Template, all-or-nothing import (set-based: every row checked, then all written at once) and
 * export of the filtered list, the same for every record kind; `toCells` turns a listed record
 * into the sheet's cells.
 */
export function kindSheetFiles<F extends Paged>(service: Service, toCells: (item: Record<string, unknown>) => Record<string, unknown> = (item) => item) {
  const template = (sheet: KindSheet) => writeSheet(sheet.columns.filter((c) => !c.exportOnly), [sheet.example], { sheetName: sheet.name, notes: true });

  async function importFile(db: Db, ctx: RequestContext, sheet: KindSheet, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
    const read = await readSheet(file, sheet.columns, { maxRows: 10_000 });
    return importRows(db, ctx, read, { entity: sheet.spec.entity, columns: sheet.columns, skipInvalid, bulk: kindSheetImport(service, ctx, sheet) });
  }

  // `from` is where the rows are read (the replica when routed there); the export's audit row is written to `db`.
  const exportFile = (db: Db, ctx: RequestContext, sheet: KindSheet, f: Omit<F, 'page' | 'pageSize'>, from: Db = db) =>
    exportSheet(
      db,
      ctx,
      { entity: sheet.spec.entity, columns: sheet.columns, sheetName: sheet.name, filters: f },
      (page, pageSize) => service.listRecords(from, sheet.spec, ctx.scope, { ...f, page, pageSize } as unknown as F) as Promise<Page<unknown>>,
      (item) => toCells(item as Record<string, unknown>),
    );

  return { template, importFile, exportFile };
}
