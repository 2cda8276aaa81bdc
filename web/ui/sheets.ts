import { api } from './api.ts';

/** Excel sheets of a record kind (src/platform/http/sheets.ts): template, all-or-nothing import, export of the filtered list. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

export type RowError = { row: number; column: string | null; reason: string };
export type ImportResult = { total: number; imported: number; skipped: RowError[] };

/** POST {path}/import?skipInvalid= — the raw .xlsx as the body; a 400 lists the bad rows in details.errors. */
export const importSheet = (path: string, file: Blob, skipInvalid: boolean) => api.upload<ImportResult>(`${path}/import`, file, XLSX_TYPE, { skipInvalid });
