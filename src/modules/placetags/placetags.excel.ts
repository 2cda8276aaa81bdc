import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, parseRow, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import { PLACE_TAGS, placeTagInput, type PlaceTagFilters } from './placetags.contract.ts';
import { assertCityWide, createPlaceTagIn, listPlaceTags } from './placetags.service.ts';

export const PLACE_TAG_COLUMNS: Column[] = [
  { header: '区划代码', key: 'regionCode', kind: 'text', required: true, note: '县级标识填 6 位县级代码，村级标识填 12 位村级代码', example: '533401', width: 16 },
  { header: '区划名称', key: 'regionFullName', kind: 'text', exportOnly: true, width: 40 },
  { header: '标识', key: 'tag', kind: 'enum', required: true, labels: PLACE_TAGS, example: '脱贫县', width: 22 },
  { header: '起始年度', key: 'yearFrom', kind: 'int', required: true, example: 2019 },
  { header: '截止年度', key: 'yearTo', kind: 'int', note: '空白表示仍然有效', example: 2020 },
  { header: '依据文件', key: 'sourceDocument', kind: 'text', required: true, note: '列出该地的官方文件名称或文号', example: '云政发〔2020〕15号', width: 36 },
];

export const placeTagTemplate = () =>
  writeSheet(PLACE_TAG_COLUMNS.filter((c) => !c.exportOnly), [{ regionCode: '533401', tag: 'poverty_county', yearFrom: 2019, yearTo: 2020, sourceDocument: '云政发〔2020〕15号' }], { sheetName: '地区标识', notes: true });

/** All or nothing: a row's problem names its row and column; nothing lands while any row is wrong (unless skipInvalid). */
export async function importPlaceTags(db: Db, ctx: RequestContext, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
  assertCityWide(ctx); // before reading the file: a scoped caller's import is refused whole, not row by row
  const read = await readSheet(file, PLACE_TAG_COLUMNS, { maxRows: 10_000 });
  return importRows(db, ctx, read, {
    entity: 'place_tag',
    columns: PLACE_TAG_COLUMNS,
    skipInvalid,
    toInput: async ({ values: v }) => parseRow(placeTagInput, { ...v, regionFullName: undefined }),
    apply: (trx, input) => createPlaceTagIn(trx, ctx, input),
  });
}

/** `from` is where the rows are read (the replica when routed there); the export's audit row is written to `db`. */
export const exportPlaceTags = (db: Db, ctx: RequestContext, f: PlaceTagFilters, from: Db = db) =>
  exportSheet(db, ctx, { entity: 'place_tag', columns: PLACE_TAG_COLUMNS, sheetName: '地区标识', filters: f }, (page, pageSize) => listPlaceTags(from, { ...f, order: 'asc', page, pageSize }), (x) => ({ ...x }));
