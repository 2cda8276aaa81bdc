import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxOf } from '../../testing/xlsx.ts';
import { xlsxBomb } from '../../testing/zip-bombs.ts';
import { MAX_CSV_LINE_BYTES, readRecords, sniff } from './sales.reader.ts';

const dir = mkdtempSync(join(tmpdir(), 'xiezuo-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('sniffing an upload', () => {
  it('accepts UTF-8 text whose first 64 KB end inside a character, at every offset', async () => {
    for (const shift of [0, 1, 2]) {
      const path = file(`cut${shift}.csv`, `${'x'.repeat(65_535 - shift)}${'销售'.repeat(10)}\n`);
      expect(await sniff(path, 'csv')).toBe('csv');
    }
  });

  it('tells CSV, Excel, binary and GBK apart', async () => {
    expect(await sniff(file('a.xlsx', await xlsxOf([['销售日期'], ['2024-01-01']])), null)).toBe('xlsx');
    await expect(sniff(file('z.xlsx', Buffer.from('PK\u0003\u0004rest')), null, 'z.xlsx')).rejects.toThrow('文件「z.xlsx」不是有效的 zip 格式');
    await expect(sniff(file('b.csv', Buffer.from([0x41, 0x00, 0x42])), 'csv')).rejects.toThrow('不是文本');
    await expect(sniff(file('c.csv', Buffer.from([0xcf, 0xfa, 0xca, 0xdb, 0x0a])), 'csv')).rejects.toThrow('UTF-8');
    await expect(sniff(file('d.csv', ''), 'csv')).rejects.toThrow('空');
  });

  it('reads quoted fields with commas and line breaks, giving each record its line', async () => {
    const path = file('q.csv', '\uFEFFa,b\n1,"x, y"\n2,"多\n行"\n\n3,z\n');
    const seen: { line: number; cells: unknown[] }[] = [];
    for await (const r of readRecords(path, 'csv', () => {})) seen.push(r);
    expect(seen).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x, y'] },
      { line: 4, cells: ['2', '多\n行'] },
      { line: 6, cells: ['3', 'z'] },
    ]);
  });

  it('refuses a workbook that would unpack past its limits before exceljs opens it', async () => {
    await expect(sniff(file('bomb.xlsx', xlsxBomb(3.3e9)), 'xlsx', '销售.xlsx')).rejects.toThrow(/文件「销售\.xlsx」中的「xl\/worksheets\/sheet1\.xml」解压后为 \d+(\.\d)? MB，超过单个条目上限 2048 MB/);
    await expect(sniff(file('lie.xlsx', xlsxBomb(3.3e9, 50 << 20)), 'xlsx')).rejects.toThrow('上传的 Excel 文件中的「xl/worksheets/sheet1.xml」实际解压大小超过其声明的 50 MB');
  });

  it('refuses a CSV line or record past 1 MB as it streams, naming the line', async () => {
    const read = async (path: string) => {
      for await (const _ of readRecords(path, 'csv', () => {})) void _;
    };
    await expect(read(file('commas.csv', `a,b\n${','.repeat(MAX_CSV_LINE_BYTES + 10)}\n`))).rejects.toThrow('CSV 中有一行超过 1 MB');
    await expect(read(file('field.csv', `a,b\n1,"${'x\n'.repeat(MAX_CSV_LINE_BYTES / 2 + 10)}"\n`))).rejects.toThrow('CSV 第 2 行起的记录超过 1 MB');
  });
});
