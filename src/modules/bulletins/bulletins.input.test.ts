import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { bulletinText } from './bulletins.input.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'xiezuo-bulletin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** A minimal Word document whose paragraphs are these lines. */
async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('bulletin files', () => {
  it('reads a Word document and UTF-8 text', async () => {
    expect(await bulletinText(file('a.docx', await docx(['消费�Pin', '直播销售52.7万元。'])))).toContain('直播销售52.7万元。');
    expect(await bulletinText(file('a.txt', '\uFEFF近日，召开会议。'))).toBe('近日，召开会议。');
  });

  it('refuses empty files, binary text, a .docx that is not a zip, other encodings and files over 10 MB', async () => {
    await expect(bulletinText(file('e.txt', ''))).rejects.toThrow('空');
    await expect(bulletinText(file('b.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1])))).rejects.toThrow('不是文本');
    await expect(bulletinText(file('n.docx', '这不是 Word 文档'))).rejects.toThrow('不是 Word 文档');
    await expect(bulletinText(file('g.txt', Buffer.from([0xcf, 0xfa, 0xca, 0xdb])))).rejects.toThrow('UTF-8');
    await expect(bulletinText(file('big.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)))).rejects.toThrow('10 MB');
  });

  it('prints the extraction as JSON from the command line (dry run), and says why it will not write', async () => {
    const path = file('b.docx', await docx(['【工作动态】', '3月8日，某县召开消费帮扶推进会，销售额达12万元，带动40户。', '3月9日至10日，区领导一行5人赴某县调研。']));
    const { stdout } = await run('node', ['bin/xiezuo.mjs', 'import', 'bulletin', path, '--dry-run', '--json']);
    const out = JSON.parse(stdout);
    expect(out.items).toEqual([
      expect.objectContaining({ title: '某县召开消费帮扶推进会', section: '工作动态', date_start: null, amounts: [{ yuan: 120_000, text: '12万元', approx: false, kind: 'sales' }], counts: [{ value: 40, unit: '户', text: '40户' }] }),
      expect.objectContaining({ title: '区领导一行5人赴某县调研', counts: [{ value: 5, unit: '人', text: '5人' }] }),
    ]);
    const noDryRun = await run('node', ['bin/xiezuo.mjs', 'import', 'bulletin', path]).catch((e) => e);
    expect(noDryRun.code).not.toBe(0);
    expect(noDryRun.stderr).toContain('--dry-run');
    const empty = await run('node', ['bin/xiezuo.mjs', 'import', 'bulletin', file('e2.txt', ''), '--dry-run']).catch((e) => e);
    expect(empty.stderr).toContain('文件是空的');
  });
});
