import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvParser, type CsvRecord } from './sales.csv.ts';

/** All records of `text` given to the parser in pieces of `size` characters. */
function records(text: string, size = text.length || 1, max = 1 << 20): CsvRecord[] {
  const parser = new CsvParser(max);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.push('', true));
  return out;
}

/** What csv-parse (which read these files before) makes of the same text, with the import's options. */
const reference = (text: string): CsvRecord[] =>
  (parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]).map((r) => ({ line: r.info.lines, cells: r.record }));

const SAMPLES = [
  '\uFEFFa,b\n1,"x, y"\n2,"多\n行"\n\n3,z\n',
  'a,b,c\r\n1,,3\r\n"",2,"say ""hi"""\r\n\r\n4,5',
  '销售日期,供应主体\n2024-03-05,香格里拉市高原菌业专业合作社\n2024-03-06,"带,逗号"\n,,\n',
  'one\r\ntwo\r\n"three\nlines"\r\nfour',
  'x\n\n\n"a""b",c\n',
  ' a , b \n"",\n',
];

describe('CSV records (sales files)', () => {
  it('reads what csv-parse read, lines included, whatever the chunk boundaries', () => {
    for (const text of SAMPLES) {
      const expected = reference(text);
      for (let size = 1; size <= text.length; size++) expect(records(text, size), `${JSON.stringify(text)} in pieces of ${size}`).toEqual(expected);
    }
  });

  it('ends records at a lone CR too (old Mac exports), and counts a CRLF inside quotes as one line (csv-parse counted two)', () => {
    expect(records('a,b\r1,2\r"x\ry",3\r')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['x\ry', '3'] },
    ]);
    for (const size of [1, 2, 3, 100]) expect(records('a\r\n"b\r\nc"\r\nd', size)).toEqual([{ line: 1, cells: ['a'] }, { line: 3, cells: ['b\r\nc'] }, { line: 4, cells: ['d'] }]);
  });

  it('refuses a quote inside a bare field, text after a closing quote and an unclosed quote, naming the line', () => {
    expect(() => records('a,b\n1,x"y\n')).toThrow('第 2 行第 2 个字段中有引号');
    expect(() => records('a,b\n"1"x,2\n')).toThrow('第 2 行的引号之后应为逗号或换行，而不是「x」');
    expect(() => records('a,b\n1,"open\n2,3\n')).toThrow('第 2 行起的引号没有闭合');
  });

  it('refuses a record longer than the limit, whole or still arriving', () => {
    expect(() => records(`a\n"${'x'.repeat(100)}"\n`, 1000, 50)).toThrow('CSV 第 2 行起的记录超过');
    expect(() => records(`a\n"${'x\n'.repeat(100)}`, 10, 50)).toThrow('CSV 第 2 行起的记录超过');
  });
});
