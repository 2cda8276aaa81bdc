import { AppError } from '../../platform/errors.ts';

/** One CSV record: the line it ends on (as the user counts lines: the header is line 1) and its fields. */
export interface CsvRecord { line: number; cells: string[] }

const QUOTE = 34, COMMA = 44, LF = 10, CR = 13;
const formatError = (message: string) => new AppError('VALIDATION', `CSV 格式错误：${message}`, [{ path: 'file', message }]);
const tooLong = (line: number, max: number) => {
  const message = `CSV 第 ${line} 行起的记录超过 ${max / 1024 / 1024} MB：不是一行销售记录，请检查文件`;
  return new AppError('VALIDATION', message, [{ path: 'file', message }]);
};

/** Lines within text[from, to): LF, CRLF and a lone CR each end one. */
function linesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * CSV as spreadsheets write it (RFC 4180), fed text as it is read: fields split at commas, records
 * at LF, CRLF or CR; "quoted" fields may hold commas, line breaks and "" for a quote; a leading BOM
 * and empty lines are skipped; records may have any number of fields. csv-parse read these files
 * before: this does the same several times faster, since a million-row import spends most of
 * its time reading (no per-record info objects, no stream per record).
 */
export class CsvParser {
  private pending = '';
  private line = 1;
  private started = false;

  constructor(private readonly maxRecordChars: number) {}

  /** The complete records in what has been read so far; `end` says the text is all there is. */
  push(text: string, end = false): CsvRecord[] {
    if (!this.started && text) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const s = this.pending ? this.pending + text : text;
    const out: CsvRecord[] = [];
    const used = this.records(s, end, out);
    this.pending = used < s.length ? s.slice(used) : '';
    if (this.pending.length > this.maxRecordChars) throw tooLong(this.line, this.maxRecordChars);
    return out;
  }

  /** Parses whole records from s into out; returns how much of s they took. */
  private records(s: string, end: boolean, out: CsvRecord[]): number {
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      const cells: string[] = [];
      let i = pos;
      let inner = 0; // line breaks inside quoted fields
      for (;;) {
        let c: number;
        if (i < n && s.charCodeAt(i) === QUOTE) {
          const field = this.quoted(s, i + 1, end);
          if (!field) return pos;
          cells.push(field.value);
          inner += field.lines;
          i = field.next;
          c = i < n ? s.charCodeAt(i) : -1;
          if (c !== COMMA && c !== LF && c !== CR && c !== -1) throw formatError(`第 ${this.line + inner} 行的引号之后应为逗号或换行，而不是「${s[i]}」`);
        } else {
          let j = i;
          c = -1; // the end of the text, unless a comma, line break or quote comes first
          for (; j < n; j++) {
            const d = s.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR || d === QUOTE) {
              c = d;
              break;
            }
          }
          if (c === QUOTE) throw formatError(`第 ${this.line + inner} 行第 ${cells.length + 1} 个字段中有引号：含引号的字段须整体加引号，字段内的引号写作 ""`);
          cells.push(s.slice(i, j));
          i = j;
        }
        if (c === COMMA) {
          i++;
          continue;
        }
        if (c === -1 && !end) return pos; // the record may go on in the next chunk
        if (c === CR && i + 1 === n && !end) return pos; // a CR whose LF may be in the next chunk
        break;
      }
      const next = i >= n ? n : s.charCodeAt(i) === CR && s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      if (next - pos > this.maxRecordChars) throw tooLong(this.line, this.maxRecordChars);
      if (!(cells.length === 1 && i === pos)) out.push({ line: this.line + inner, cells });
      this.line += inner + (i < n ? 1 : 0);
      pos = next;
    }
    return pos;
  }

  /** A quoted field from just after its opening quote: its value, the lines it spans, where it ends; null if cut by the chunk's end. */
  private quoted(s: string, from: number, end: boolean): { value: string; lines: number; next: number } | null {
    let value = '';
    let lines = 0;
    for (;;) {
      const q = s.indexOf('"', from);
      if (q < 0) {
        if (end) throw formatError(`第 ${this.line} 行起的引号没有闭合`);
        return null;
      }
      lines += linesIn(s, from, q);
      if (q + 1 === s.length && !end) return null; // "" or a closing quote: the next chunk says
      if (s.charCodeAt(q + 1) === QUOTE) {
        value += s.slice(from, q + 1);
        from = q + 2;
        continue;
      }
      return { value: value + s.slice(from, q), lines, next: q + 1 };
    }
  }
}
