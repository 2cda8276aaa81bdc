import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { heavyParse } from '../files/heavy.ts';
import { checkZip, SHEET_ZIP_LIMITS } from '../files/zip-guard.ts';
import { firstSheetRows } from './sheet-stream.ts';
import { xlsxBufferInReadingOrder } from './reading-order.ts';
import { parseCell, type CellValue, type Column, type RowError } from './columns.ts';

export interface ParsedRow {
  row: number;
  values: Record<string, CellValue>;
}

export interface ReadResult {
  rows: ParsedRow[];
  errors: RowError[];
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the first sheet against the columns: headers must be exactly the template's (in any
 * order), merged cells are refused, and every cell is parsed by its kind. File-level problems
 * throw a 400; cell problems come back as row errors, so all of them can be reported at once.
 * The file passes the zip guard first and is then streamed row by row, one file at a time per process.
 */
export async function readSheet(file: Buffer, columns: Column[], opts: { maxRows: number; fileName?: string }): Promise<ReadResult> {
  if (!file.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new AppError('VALIDATION', '文件不是 Excel 工作簿（.xlsx）：请使用下载的模板，另存为 .xlsx 后再导入', [{ path: 'file', message: '不是 .xlsx 文件' }]);
  }
  const label = opts.fileName ? `文件「${opts.fileName}」` : '上传的 Excel 文件';
  return heavyParse(async () => {
    await checkZip(file, SHEET_ZIP_LIMITS, label);
    return readRows(file, columns, opts.maxRows, label);
  });
}

async function readRows(file: Buffer, columns: Column[], maxRows: number, label: string): Promise<ReadResult> {
  const merges: string[] = [];
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  let index: Map<string, number> | null = null;
  let valued = 0;
  try {
    for await (const row of firstSheetRows(await xlsxBufferInReadingOrder(file), { label, merges })) {
      if (!row.hasValues) continue;
      valued++;
      if (!index) {
        index = checkHeaders(row.number === 1 ? (row.values as unknown[]).slice(1) : [], columns);
        if (row.number === 1) continue;
      }
      if (valued - 1 > maxRows) continue; // counted to the end (the refusal names the total), not kept
      const values: Record<string, CellValue> = {};
      let ok = true;
      for (const col of columns) {
        if (col.exportOnly) continue;
        const at = index.get(col.header);
        try {
          values[col.key] = parseCell(col, at ? row.getCell(at).value : null);
        } catch (err) {
          ok = false;
          errors.push({ row: row.number, column: col.header, reason: (err as Error).message });
        }
      }
      if (ok) rows.push({ row: row.number, values });
      if (valued % 2000 === 0) await new Promise((resolve) => setImmediate(resolve)); // let other requests in
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', `无法读取 Excel 文件：${(err as Error).message}`, [{ path: 'file', message: '文件已损坏或格式不对' }]);
  }
  if (!index) throw new AppError('VALIDATION', 'Excel 文件是空的：第一个工作表没有表头', [{ path: 'file', message: '空文件' }]);
  if (merges.length) {
    throw new AppError('VALIDATION', `表中有合并单元格（${merges.slice(0, 5).join('、')}${merges.length > 5 ? ' 等' : ''}）：请取消合并、每行填写完整后再导入`, merges.slice(0, 20).map((m) => ({ path: m, message: '合并单元格' })));
  }
  const dataRows = valued - 1;
  if (dataRows > maxRows) {
    throw new AppError('VALIDATION', `文件有 ${dataRows} 行数据，超过单次导入上限 ${maxRows} 行：请分批导入`, [{ path: 'file', message: '行数过多' }]);
  }
  return { rows, errors };
}

/** A sheet with the columns' headers, the given rows, and (for templates) a notes sheet. */
export async function writeSheet(columns: Column[], rows: Record<string, CellValue>[], opts: { sheetName: string; notes?: boolean }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xiezuo 协作';
  const ws = wb.addWorksheet(opts.sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      const v = r[c.key];
      out[c.key] = c.kind === 'enum' && typeof v === 'string' ? (c.labels?.[v] ?? v) : c.kind === 'yuan' && typeof v === 'number' ? v / 100 : v;
    }
    ws.addRow(out);
  }
  for (const c of columns) if (c.kind === 'yuan') ws.getColumn(c.key).numFmt = '#,##0.00';
  if (opts.notes) {
    const notes = wb.addWorksheet('填写说明');
    notes.columns = [{ header: '列', width: 24 }, { header: '是否必填', width: 10 }, { header: '说明', width: 80 }];
    notes.getRow(1).font = { bold: true };
    for (const c of columns.filter((x) => !x.exportOnly)) {
      const kind = { text: '文字', int: '非负整数', decimal: '非负数，最多两位小数', yuan: '金额（元，最多两位小数）', date: '日期，如 2024-03-01', enum: `可选值：${Object.values(c.labels ?? {}).join('、')}` }[c.kind];
      notes.addRow([c.header, c.required ? '必填' : '', [kind, c.note].filter(Boolean).join('；')]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The header row against the columns: every required column present, none unknown, none twice.
 * Returns header → 1-based column number; throws a 400 naming each wrong header.
 */
export function checkHeaders(cells: unknown[], columns: Column[]): Map<string, number> {
  const headerCells = cells.map((v) => (v == null ? '' : String(v).trim()));
  const index = new Map<string, number>();
  const issues: { path: string; message: string }[] = [];
  headerCells.forEach((h, i) => {
    if (!h) return;
    if (index.has(h)) issues.push({ path: `第1行「${h}」`, message: '列名重复' });
    index.set(h, i + 1);
  });
  const known = new Set(columns.map((c) => c.header));
  const unknown = [...index.keys()].filter((h) => !known.has(h));
  const missing = columns.filter((c) => c.required && !c.exportOnly && !index.has(c.header)).map((c) => c.header);
  // A file of another kind can have thousands of columns: the first ten are named, the rest counted.
  const short = (h: string) => (h.length > 30 ? `${h.slice(0, 30)}…` : h);
  const listed = (hs: string[]) => `${hs.slice(0, 10).map(short).join('、')}${hs.length > 10 ? `…等共 ${hs.length} 列` : ''}`;
  for (const h of unknown.slice(0, 10)) issues.push({ path: `第1行「${short(h)}」`, message: '不是模板中的列' });
  if (unknown.length > 10) issues.push({ path: '第1行', message: `另有 ${unknown.length - 10} 个不是模板中的列` });
  for (const h of missing) issues.push({ path: `第1行「${h}」`, message: '缺少必需的列' });
  if (issues.length) {
    throw new AppError('VALIDATION', `表头与模板不符：${[missing.length ? `缺少列 ${missing.join('、')}` : '', unknown.length ? `未知的列：${listed(unknown)}` : ''].filter(Boolean).join('；') || '列名重复'}。请使用下载的模板。`, issues.slice(0, 50));
  }
  return index;
}
