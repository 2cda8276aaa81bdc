import { badCharacterIn } from '../contract.ts';

/**
 * A spreadsheet column as offices exchange them: a Chinese header, a kind that says how a cell
 * is read, and (for enums) the code → label map whose labels are what users type.
 */
/** `decimal`: a non-negative quantity with at most two decimals (an area in 亩). */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'yuan' | 'date' | 'enum';

export interface Column {
  header: string;
  key: string;
  kind: ColumnKind;
  required?: boolean;
  labels?: Readonly<Record<string, string>>;
  /** Shown in the template's example row. */
  example?: string | number;
  note?: string;
  width?: number;
  /** Written by exports, recognised and ignored by imports (so an export can be edited and imported back). */
  exportOnly?: boolean;
}

export interface RowError {
  /** The spreadsheet row number as the user sees it (the header is row 1). */
  row: number;
  column: string | null;
  reason: string;
}

export type CellValue = string | number | null;

/** Parses one cell by its column's kind; throws a reason (Chinese) when it cannot. */
export function parseCell(col: Column, raw: unknown): CellValue {
  const value = plain(raw);
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    if (col.required) throw new Error('必填，不能为空');
    return null;
  }
  switch (col.kind) {
    case 'text': {
      const text = String(value).trim();
      const bad = badCharacterIn(text, true); // a NUL or an escape from a CSV: the cell's error, not the database's
      if (bad) throw new Error(bad);
      return text;
    }
    case 'int': {
      const n = asNumber(value);
      if (n === null || !Number.isInteger(n)) throw new Error(`应为整数，而不是「${value}」`);
      if (n < 0) throw new Error('不能为负数');
      return n;
    }
    case 'decimal': {
      const n = asNumber(value);
      if (n === null || !Number.isFinite(n)) throw new Error(`应为数字，而不是「${value}」`);
      if (n < 0) throw new Error('不能为负数');
      if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6) throw new Error(`最多两位小数，而不是「${value}」`);
      return Math.round(n * 100) / 100;
    }
    case 'yuan':
      return yuanToFen(value);
    case 'date':
      return asDate(value);
    case 'enum': {
      const text = String(value).trim();
      const code = Object.entries(col.labels ?? {}).find(([c, label]) => label === text || c === text)?.[0];
      if (!code) throw new Error(`应为以下之一：${Object.values(col.labels ?? {}).join('、')}；而不是「${text}」`);
      return code;
    }
  }
}

/** Formula results, rich text and hyperlinks reduced to their plain value. */
function plain(raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  if (raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const o = raw as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if (o.error) return o.error;
    if ('result' in o) return plain(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  return raw;
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?[\d,]+(\.\d+)?\s*$/.test(v)) return Number(v.replace(/[,\s]/g, ''));
  return null;
}

/** 元 → integer fen, exactly: from the decimal text, never through float multiplication drift. */
export function yuanToFen(v: unknown): number {
  let text: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('金额无效');
    text = v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  } else if (typeof v === 'string' && /^\s*-?[\d,]+(\.\d+)?\s*$/.test(v)) {
    text = v.replace(/[,\s]/g, '');
  } else {
    throw new Error(`应为金额（元），而不是「${String(v)}」`);
  }
  if (text.startsWith('-')) throw new Error('金额不能为负数');
  const [whole, frac = ''] = text.split('.');
  if (frac.length > 2) throw new Error(`金额最多两位小数（分），而不是「${text}」`);
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new Error('金额过大');
  return fen;
}

function asDate(v: unknown): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new Error('日期无效');
    return v.toISOString().slice(0, 10); // exceljs reads date cells as UTC midnight
  }
  const m = String(v).trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) throw new Error(`应为日期（如 2024-03-01），而不是「${String(v)}」`);
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new Error(`不是有效的日期：「${String(v)}」`);
  return iso;
}

export const fenToYuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;
