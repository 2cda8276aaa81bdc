import { CSV_TYPE } from './sheets.ts';
import { saveFile } from './download.ts';

export type CsvCell = string | number | null | undefined;

/** A text cell Excel would read as a formula (=, +, -, @, or a leading tab/CR) is kept as text with a leading apostrophe. */
function guarded(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : guarded(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text (CRLF, quoted where needed) with a UTF-8 BOM, so Excel opens the Chinese text correctly. */
export function csvText(header: string[], rows: CsvCell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Saves rows the page already holds as a .csv — for lists the API has no export endpoint for
 * (the record kinds with a sheet export on the server through `useDownload` / `SheetActions` instead).
 */
export function saveCsv(fileName: string, header: string[], rows: CsvCell[][]): void {
  saveFile({ blob: new Blob([csvText(header, rows)], { type: `${CSV_TYPE};charset=utf-8` }), fileName }, fileName);
}
