import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';

/** More sheet XML than this without a row ending is one enormous cell or junk, never a row of a form. */
export const MAX_ROW_XML_BYTES = 4 * 1024 * 1024;

type Chunk = Buffer | string;
/** What exceljs's WorksheetReader reads its XML from (set before iteration starts; not in its typings). */
type Tappable = { id?: number; iterator: AsyncIterable<Chunk> };
type BookModel = { model?: { sheets?: { id: number }[] } };

/**
 * The first sheet's rows, one at a time, from exceljs's stream reader: the workbook is never held
 * whole. The sheet's XML is watched on its way in: past `maxRowBytes` without a row the read is
 * refused, and merged ranges (which the stream reader skips) are added to `merges` — complete once
 * the rows are done, since they come after them. The reader is run on past the sheet, other sheets
 * unread: exceljs removes the temporary file of a sheet it spilled to disk only when it moves past it.
 */
export async function* firstSheetRows(input: Readable, opts: { label: string; merges?: string[]; maxRowBytes?: number }): AsyncGenerator<ExcelJS.Row> {
  const max = opts.maxRowBytes ?? MAX_ROW_XML_BYTES;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  // exceljs reads `model.sheets` when a sheet arrives; a zip that puts workbook.xml after the sheets
  // (archive order varies, even between files exceljs wrote) would crash it: start from no tab order.
  (reader as unknown as BookModel).model = { sheets: [] };
  const sheets = reader[Symbol.asyncIterator]();
  let taken = false;
  let direct = false; // the sheet being read comes straight from the zip: running on would inflate the rest of it
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      const sheet = next.value;
      const ws = sheet as unknown as Tappable;
      // The first tab by workbook.xml; before that is read (zip order varies), a sheet is known only by its
      // file, and the first tab is taken to be sheet1.xml — never whichever sheet happens to come first.
      const firstTab = (reader as unknown as BookModel).model?.sheets?.[0]?.id ?? 1;
      if (taken || (ws.id !== undefined && Number(ws.id) !== Number(firstTab))) {
        skip(ws);
        continue;
      }
      taken = true;
      const source = ws.iterator;
      direct = typeof (source as { path?: unknown }).path !== 'string'; // a spilled sheet is read from its file
      let sinceRow = 0;
      const seen = new Set<string>();
      let carry = '';
      ws.iterator = (async function* watch() {
        for await (const chunk of source) {
          sinceRow += chunk.length;
          if (sinceRow > max) {
            throw new AppError('VALIDATION', `${opts.label}中有一行超过 ${max / 1024 / 1024} MB（单元格内容过长或文件已损坏），已拒绝`, [{ path: 'file', message: '单行过大' }]);
          }
          if (opts.merges) carry = scanMerges(carry, chunk, seen, opts.merges);
          yield chunk;
        }
      })();
      for await (const row of sheet) {
        sinceRow = 0;
        yield row;
      }
      direct = false;
    }
  } finally {
    // Stopped while reading a spilled sheet (a refusal, or the caller had enough): the zip is already
    // read, so running the reader out is cheap and removes its temp files.
    if (!direct) {
      try {
        for (let next = await sheets.next(); !next.done; next = await sheets.next()) skip(next.value as unknown as Tappable);
      } catch {
        // the reader's own failure is already on its way to the caller
      }
    }
  }
}

/** A sheet not read: a spilled one's file stream is closed (exceljs then removes the file); a zipped one is drained by exceljs. */
function skip(ws: Tappable) {
  (ws.iterator as Partial<Readable>).destroy?.();
}

const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref=["']([^"']+)["']/g;

/** Merged ranges in this chunk (and the tail of the last, so a tag cut in two is still seen); returns the new tail. */
function scanMerges(carry: string, chunk: Chunk, seen: Set<string>, out: string[]): string {
  const text = carry + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
  for (const m of text.matchAll(MERGE)) {
    if (!seen.has(m[1])) {
      seen.add(m[1]);
      out.push(m[1]);
    }
  }
  return text.slice(-512);
}
