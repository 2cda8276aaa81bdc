import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
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
 */
export async function readSheet(file: Buffer, columns: Column[], opts: { maxRows: number }): Promise<ReadResult> {
  if (!file.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new AppError('VALIDATION', '文件不是 Excel 工作簿（.xlsx）：请使用下载的模板，另存为 .xlsx 后再导入', [{ path: 'file', message: '不是 .xlsx 文件' }]);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError('VALIDATION', `无法读取 Excel 文件：${(err as Error).message}`, [{ path: 'file', message: '文件已损坏或格式不对' }]);
  }
  const sheet = wb.worksheets[0];
  if (!sheet || sheet.actualRowCount < 1) throw new AppError('VALIDATION', 'Excel 文件是空的：第一个工作表没有表头', [{ path: 'file', message: '空文件' }]);

  const index = checkHeaders((sheet.getRow(1).values as unknown[]).slice(1), columns);

  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).filter(Boolean);
  if (merges.length) {
    throw new AppError('VALIDATION', `表中有合并单元格（${merges.slice(0, 5).join('、')}${merges.length > 5 ? ' 等' : ''}）：请取消合并、每行填写完整后再导入`, merges.slice(0, 20).map((m) => ({ path: m, message: '合并单元格' })));
  }
  const dataRows = sheet.actualRowCount - 1;
  if (dataRows > opts.maxRows) {
    throw new AppError('VALIDATION', `文件有 ${dataRows} 行数据，超过单次导入上限 ${opts.maxRows} 行：请分批导入`, [{ path: 'file', message: '行数过多' }]);
  }

  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const values: Record<string, CellValue> = {};
    let ok = true;
    for (const col of columns) {
      if (col.exportOnly) continue;
      const at = index.get(col.header);
      try {
        values[col.key] = parseCell(col, at ? row.getCell(at).value : null);
      } catch (err) {
        ok = false;
        errors.push({ row: r, column: col.header, reason: (err as Error).message });
      }
    }
    if (ok) rows.push({ row: r, values });
    if (r % 2000 === 0) await new Promise((resolve) => setImmediate(resolve)); // let other requests in
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
      const kind = { text: '文字', int: '非负整数', yuan: '金额（元，最多两位小数）', date: '日期，如 2024-03-01', enum: `可选值：${Object.values(c.labels ?? {}).join('、')}` }[c.kind];
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
  for (const h of unknown) issues.push({ path: `第1行「${h}」`, message: '不是模板中的列' });
  for (const h of missing) issues.push({ path: `第1行「${h}」`, message: '缺少必需的列' });
  if (issues.length) {
    throw new AppError('VALIDATION', `表头与模板不符：${[missing.length ? `缺少列 ${missing.join('、')}` : '', unknown.length ? `多出列 ${unknown.join('、')}` : ''].filter(Boolean).join('；') || '列名重复'}。请使用下载的模板。`, issues);
  }
  return index;
}
