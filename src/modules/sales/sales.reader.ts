import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

export interface Record { line: number; cells: unknown[] }

const fileError = (message: string) => new AppError('VALIDATION', message, [{ path: 'file', message }]);

/**
 * What the file is, from its first bytes: an .xlsx (a zip), or CSV text in UTF-8. Binary data,
 * another encoding (GBK from an old Excel) and empty files are refused before anything is read.
 */
export async function sniff(path: string, declared: 'csv' | 'xlsx' | null): Promise<'csv' | 'xlsx'> {
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
 * The file's rows, one at a time, from the disk (never the whole file in memory); the first is the
 * header. `onBytes` follows how far the file has been read, for the progress bar.
 */
export async function* readRecords(path: string, format: 'csv' | 'xlsx', onBytes: (n: number) => void): AsyncGenerator<Record> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  stream.on('data', (chunk) => onBytes((bytes += chunk.length)));
  try {
    if (format === 'csv') {
      const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
      try {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) yield { line: info.lines, cells: record };
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw fileError(`CSV 格式错误：${(err as Error).message}`);
      }
      return;
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
    try {
      for await (const sheet of reader) {
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) yield { line: row.number, cells: (row.values as unknown[]).slice(1) };
        return; // the first sheet only
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw fileError(`无法读取 Excel 文件：${(err as Error).message}`);
    }
  } finally {
    stream.destroy();
  }
}
