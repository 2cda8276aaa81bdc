import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../platform/errors.ts';
import { xlsxFileInReadingOrder } from '../../platform/excel/reading-order.ts';
import { firstSheetRows } from '../../platform/excel/sheet-stream.ts';
import { heavyParse } from '../../platform/files/heavy.ts';
import { checkZip, SALES_ZIP_LIMITS } from '../../platform/files/zip-guard.ts';
import { CsvParser } from './sales.csv.ts';

export interface Record { line: number; cells: unknown[] }

const fileError = (message: string) => new AppError('VALIDATION', message, [{ path: 'file', message }]);
/** A sales row is well under 1 KB: a longer line or record is junk, refused before it is held. */
export const MAX_CSV_LINE_BYTES = 1024 * 1024;

/**
 * What the file is, from its first bytes: an .xlsx (a zip), or CSV text in UTF-8. Binary data,
 * another encoding (GBK from an old Excel) and empty files are refused before anything is read;
 * an .xlsx must pass the zip guard (one file check at a time per process) before exceljs opens it.
 */
export async function sniff(path: string, declared: 'csv' | 'xlsx' | null, name?: string): Promise<'csv' | 'xlsx'> {
  const format = await sniffBytes(path, declared);
  if (format === 'xlsx') await heavyParse(() => checkZip(path, SALES_ZIP_LIMITS, name ? `文件「${name}」` : '上传的 Excel 文件'));
  return format;
}

async function sniffBytes(path: string, declared: 'csv' | 'xlsx' | null): Promise<'csv' | 'xlsx'> {
  const fh = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) throw fileError('文件是空的');
    if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
    if (declared === 'xlsx') throw fileError('文件不是 Excel 工作簿（.xlsx）');
    if (head.includes(0)) throw fileError('文件不是文本（CSV）也不是 Excel 工作簿：请上传 .csv（UTF-8）或 .xlsx');
    try {
      // stream: a character cut at the 64 KB boundary is the start of the rest, not an error.
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: bytesRead === 64 * 1024 });
    } catch {
      throw fileError('CSV 文件须为 UTF-8 编码：请在 Excel 中「另存为 → CSV UTF-8」后再导入');
    }
    return 'csv';
  } finally {
    await fh.close();
  }
}

/**
 * The file's rows, a chunk of them at a time, from the disk (never the whole file in memory); the
 * first is the header. `onBytes` follows how far the file has been read, for the progress bar.
 */
export async function* readRecordBatches(path: string, format: 'csv' | 'xlsx', onBytes: (n: number) => void): AsyncGenerator<Record[]> {
  // A workbook is read with its shared strings before its sheets (see reading-order.ts).
  const stream = format === 'xlsx' ? await xlsxFileInReadingOrder(path) : createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  stream.on('data', (chunk: Buffer | string) => onBytes((bytes += chunk.length)));
  try {
    if (format === 'csv') yield* csvBatches(stream);
    else yield* sheetBatches(stream);
  } finally {
    stream.destroy();
  }
}

/** The file's rows one at a time (see readRecordBatches). */
export async function* readRecords(path: string, format: 'csv' | 'xlsx', onBytes: (n: number) => void): AsyncGenerator<Record> {
  for await (const batch of readRecordBatches(path, format, onBytes)) yield* batch;
}

async function* csvBatches(stream: Readable): AsyncGenerator<Record[]> {
  const bound = lineBound();
  const decoder = new StringDecoder('utf8');
  const parser = new CsvParser(MAX_CSV_LINE_BYTES);
  for await (const chunk of stream) {
    bound(chunk);
    const records = parser.push(decoder.write(chunk));
    if (records.length) yield records;
  }
  const last = parser.push(decoder.end(), true);
  if (last.length) yield last;
}

/** A workbook's rows are handed on a thousand at a time (a CSV's, a chunk of the file at a time). */
const SHEET_BATCH = 1_000;

async function* sheetBatches(stream: Readable): AsyncGenerator<Record[]> {
  let batch: Record[] = [];
  try {
    for await (const row of firstSheetRows(stream, { label: 'Excel 文件' })) {
      batch.push({ line: row.number, cells: (row.values as unknown[]).slice(1) });
      if (batch.length < SHEET_BATCH) continue;
      yield batch;
      batch = [];
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError(`无法读取 Excel 文件：${(err as Error).message}`);
  }
  if (batch.length) yield batch;
}

/** Refuses a line longer than MAX_CSV_LINE_BYTES as it streams (a line of bare commas is a record the parser would hold whole). */
function lineBound(): (chunk: Buffer) => void {
  let run = 0;
  return (chunk) => {
    const first = chunk.indexOf(10);
    const longest = first < 0 ? run + chunk.length : run + first;
    if (longest > MAX_CSV_LINE_BYTES) throw fileError(`CSV 中有一行超过 ${MAX_CSV_LINE_BYTES / 1024 / 1024} MB：不是一行销售记录，请检查文件`);
    run = first < 0 ? run + chunk.length : chunk.length - chunk.lastIndexOf(10) - 1;
  };
}
