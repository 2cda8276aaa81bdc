import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { xlsxOf } from '../../testing/xlsx.ts';
import { xlsxWithSheetData } from '../../testing/zip-bombs.ts';
import JSZip from 'jszip';
import { firstSheetRows } from './sheet-stream.ts';

/** exceljs's temporary files of this process (it spills sheets that come before the shared strings). */
const spilled = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`tmp-${process.pid}-`));

async function read(file: Buffer, merges?: string[]) {
  const rows: unknown[][] = [];
  for await (const row of firstSheetRows(Readable.from([file]), { label: '文件「表.xlsx」', merges })) rows.push((row.values as unknown[]).slice(1));
  return rows;
}

/** The same workbook with its zip entries in the order given first (the rest after): archive order varies. */
async function reordered(file: Buffer, first: string[]) {
  const src = await JSZip.loadAsync(file);
  const out = new JSZip();
  const names = [...first, ...Object.keys(src.files).filter((n) => !first.includes(n))];
  for (const n of names) if (src.files[n] && !src.files[n].dir) out.file(n, await src.files[n].async('uint8array'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('streaming the first sheet', () => {
  it('reads the first tab, not the sheet that comes first, when workbook.xml comes last', async () => {
    const file = await xlsxOf([['名称', '人数'], ['甲', 1]], (ws) => ws.workbook.addWorksheet('填写说明').addRow(['说明']));
    const order = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'];
    const late = await reordered(file, order);
    expect(Object.values((await JSZip.loadAsync(late)).files).filter((f) => !f.dir).map((f) => f.name).slice(0, order.length)).toEqual(order);
    expect(await read(late)).toEqual([['名称', '人数'], ['甲', 1]]);
  });

  it('reads a workbook whose workbook.xml comes after its shared strings and sheet', async () => {
    const file = await xlsxOf([['名称', '人数'], ['甲', 1]]);
    const late = await reordered(file, ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml']);
    expect(Object.keys((await JSZip.loadAsync(late)).files).indexOf('xl/workbook.xml')).toBeGreaterThan(Object.keys((await JSZip.loadAsync(late)).files).indexOf('xl/worksheets/sheet1.xml'));
    expect(await read(late)).toEqual([['名称', '人数'], ['甲', 1]]);
  });

  it('gives its rows one by one with the merged ranges, which come after them', async () => {
    const merges: string[] = [];
    const file = await xlsxOf([['名称', '人数'], ['甲', 1], ['乙', 2]], (ws) => ws.mergeCells('A2:A3'));
    expect(await read(file, merges)).toEqual([['名称', '人数'], ['甲', 1], [undefined, 2]]);
    expect(merges).toEqual(['A2:A3']);
  });

  it('refuses a row whose XML runs past 4 MB (one enormous cell) before exceljs builds it', async () => {
    const file = xlsxWithSheetData(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(2 << 20)}</t></is></c></row>`);
    await expect(read(file)).rejects.toThrow('文件「表.xlsx」中有一行超过 4 MB');
    expect(await read(xlsxWithSheetData(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(1 << 20)}</t></is></c></row>`))).toHaveLength(1);
  });

  it('leaves no temporary file behind, whether read to the end or stopped at the first row', async () => {
    const file = await xlsxOf([['名称'], ...Array.from({ length: 500 }, (_, i) => [`甲${i}`])], (ws) => ws.workbook.addWorksheet('填写说明').addRow(['说明']));
    expect(await read(file)).toHaveLength(501);
    for await (const row of firstSheetRows(Readable.from([file]), { label: '表' })) {
      expect(row.number).toBe(1);
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(spilled()).toEqual([]);
  });
});
