import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { xlsxOf } from '../../testing/xlsx.ts';
import { firstSheetRows } from './sheet-stream.ts';
import { xlsxBufferInReadingOrder, xlsxFileInReadingOrder } from './reading-order.ts';

/** exceljs's temporary files of this process (it spills sheets that come before the shared strings). */
const spilled = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`tmp-${process.pid}-`)).length;

async function read(stream: Readable) {
  const rows: unknown[][] = [];
  let peak = 0;
  for await (const row of firstSheetRows(stream, { label: '表' })) {
    peak = Math.max(peak, spilled());
    rows.push((row.values as unknown[]).slice(1));
  }
  return { rows, peak };
}

const entryOrder = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const all = Buffer.concat(chunks);
  const names: string[] = [];
  for (let i = all.indexOf('PK\x03\x04'); i >= 0 && i + 30 <= all.length; i = all.indexOf('PK\x03\x04', i + 4)) names.push(all.subarray(i + 30, i + 30 + all.readUInt16LE(i + 26)).toString());
  return { names, all };
};

describe('a workbook read in reading order', () => {
  it('streams the shared strings before the sheet, so the sheet is read straight from the zip with its text', async () => {
    const file = await xlsxOf([['名称', '人数'], ['甲', 1], ['乙', 2]]);
    const before = (await entryOrder((await import('node:stream')).Readable.from([file]))).names;
    expect(before.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(before.indexOf('xl/sharedStrings.xml')); // as exceljs writes it
    const { names, all } = await entryOrder(await xlsxBufferInReadingOrder(file));
    expect(names.indexOf('xl/sharedStrings.xml')).toBeLessThan(names.indexOf('xl/worksheets/sheet1.xml'));
    expect(names.slice().sort()).toEqual(before.slice().sort());
    expect(all.length).toBe(file.length); // every byte kept, only moved

    const base = spilled();
    const { rows, peak } = await read(await xlsxBufferInReadingOrder(file));
    expect(rows).toEqual([['名称', '人数'], ['甲', 1], ['乙', 2]]);
    expect(peak).toBe(base); // nothing spilled to a temp file
  });

  it('reads a workbook on disk in the same order, in ranges', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'order-'));
    const path = join(dir, 'a.xlsx');
    const file = await xlsxOf([['名称'], ...Array.from({ length: 2000 }, (_, i) => [`行${i}`])]);
    writeFileSync(path, file);
    const base = spilled();
    const { rows, peak } = await read(await xlsxFileInReadingOrder(path));
    expect(rows.length).toBe(2001);
    expect(rows[2000]).toEqual(['行1999']);
    expect(peak).toBe(base);
  });

  it('passes what is not a zip it can lay out through as it is', async () => {
    const junk = Buffer.from('PK\x03\x04 not really a zip');
    const { all } = await entryOrder(await xlsxBufferInReadingOrder(junk));
    expect(all.equals(junk)).toBe(true);
  });
});
