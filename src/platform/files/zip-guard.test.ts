import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxOf } from '../../testing/xlsx.ts';
import { docxBomb, partOf, repeatedPart, sheetBomb, xlsxBomb, xlsxWithEntries, xlsxWithHiddenEntry, zipOf } from '../../testing/zip-bombs.ts';
import { AppError } from '../errors.ts';
import { checkZip, DOCX_ZIP_LIMITS, SALES_ZIP_LIMITS, SHEET_ZIP_LIMITS } from './zip-guard.ts';

const dir = mkdtempSync(join(tmpdir(), 'xiezuo-zip-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const onDisk = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** The refusal a check ends in: a 400 on the file field. */
async function refusal(check: Promise<void>): Promise<AppError> {
  const err = await check.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'file' }] });
  return err as AppError;
}

describe('the zip guard', () => {
  it('passes normal workbooks and documents, from memory and from disk', async () => {
    const sheet = await xlsxOf([['培训名称', '人数'], ...Array.from({ length: 2000 }, (_, i) => [`培训${i}`, i])]);
    await checkZip(sheet, SHEET_ZIP_LIMITS, '文件「a.xlsx」');
    await checkZip(onDisk('a.xlsx', sheet), SALES_ZIP_LIMITS, '文件「a.xlsx」');
    const doc = await Packer.toBuffer(new Document({ sections: [{ children: ['【工作动态】', '6月3日，区慈善基金会捐赠帮扶资金50万元。'].map((text) => new Paragraph(text)) }] }));
    await checkZip(doc, DOCX_ZIP_LIMITS, '文件「a.docx」');
  });

  it('passes a small file of very repetitive XML: the ratio counts only past 10 MB unpacked', async () => {
    const small = zipOf([partOf('[Content_Types].xml', '<Types/>'), sheetBomb(8 << 20)]);
    expect(small.length * 100).toBeLessThan(8 << 20); // over 100:1
    await checkZip(small, SHEET_ZIP_LIMITS, '文件「small.xlsx」');
  });

  it('refuses on what the entries declare, before inflating: size, total, count, ratio', async () => {
    expect((await refusal(checkZip(xlsxBomb(2e9), SHEET_ZIP_LIMITS, '文件「大.xlsx」'))).message).toMatch(/^文件「大\.xlsx」中的「xl\/worksheets\/sheet1\.xml」解压后为 \d+ MB，超过单个条目上限 100 MB/);
    const many = zipOf(Array.from({ length: 30 }, (_, i) => sheetBomb(4 << 20, `xl/worksheets/sheet${i + 1}.xml`)));
    expect((await refusal(checkZip(many, SHEET_ZIP_LIMITS, '文件「多.xlsx」'))).message).toContain('文件「多.xlsx」解压后超过 100 MB 上限');
    expect((await refusal(checkZip(xlsxWithEntries(100_000), SHEET_ZIP_LIMITS, '文件「碎.xlsx」'))).message).toContain('文件「碎.xlsx」包含 100005 个条目，超过上限 10000 个');
    const dense = zipOf([repeatedPart('word/document.xml', '<w:document><w:body>', '<w:p/>'.repeat(1 << 16), 50, '</w:body></w:document>')]);
    expect((await refusal(checkZip(dense, { ...SHEET_ZIP_LIMITS }, '文件「密.docx」'))).message).toMatch(/文件「密\.docx」的压缩比为 \d+:1，超过上限 100:1/);
    expect((await refusal(checkZip(docxBomb(2e9), DOCX_ZIP_LIMITS, '文件「简报.docx」'))).message).toContain('超过单个条目上限 4 MB');
  });

  it('refuses an entry that inflates past what it declares, as soon as it does, from memory and from disk', async () => {
    const lying = xlsxBomb(2e9, 4096);
    const started = Date.now();
    expect((await refusal(checkZip(lying, SHEET_ZIP_LIMITS, '文件「谎.xlsx」'))).message).toContain('文件「谎.xlsx」中的「xl/worksheets/sheet1.xml」实际解压大小超过其声明的 4096 字节');
    expect((await refusal(checkZip(onDisk('lie.xlsx', xlsxBomb(2e9, 50 << 20)), SALES_ZIP_LIMITS, '文件「谎.xlsx」'))).message).toContain('实际解压大小超过其声明的 50 MB');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses an entry hidden from the central directory, which a streaming reader would still unpack', async () => {
    expect((await refusal(checkZip(xlsxWithHiddenEntry(2e9), SALES_ZIP_LIMITS, '文件「藏.xlsx」'))).message).toContain('文件「藏.xlsx」的 zip 结构异常');
  });

  it('refuses bytes after the deflate stream of an entry, where a streaming reader would find a hidden entry', async () => {
    const sheet = partOf('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>');
    const padded = { ...sheet, deflated: Buffer.concat([sheet.deflated, zipOf([sheetBomb(1e9)])]) };
    expect((await refusal(checkZip(zipOf([partOf('[Content_Types].xml', '<Types/>'), padded]), SALES_ZIP_LIMITS, '文件「尾.xlsx」'))).message).toContain('文件「尾.xlsx」中的「xl/worksheets/sheet1.xml」的压缩数据之后有多余的内容');
  });

  it('refuses what is not a zip, naming the file', async () => {
    expect((await refusal(checkZip(Buffer.from('PK\u0003\u0004 not really'), SHEET_ZIP_LIMITS, '文件「坏.xlsx」'))).message).toContain('文件「坏.xlsx」不是有效的 zip 格式');
  });
});
