import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Reply } from '../../testing/test-app.ts';
import { docxBomb, xlsxBomb, xlsxWithEntries, xlsxWithHiddenEntry, xlsxWithSheetData } from '../../testing/zip-bombs.ts';
import { TRAINING_COLUMNS } from '../../modules/training/training.excel.ts';
import { heavyParses } from '../../platform/files/heavy.ts';

const t = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const GB = 1024 ** 3;
const MB = 1024 ** 2;
const peaks: string[] = [];
let baseline = 0;

let bombs: Record<'sheet2g' | 'sheetLying' | 'entries100k' | 'hidden' | 'docx2g' | 'docxLying' | 'sales3g' | 'salesLying', Buffer>;
beforeAll(() => {
  // Generated here, fast and small: each deflated chunk is repeated, never inflated.
  bombs = {
    sheet2g: xlsxBomb(1.9 * GB),
    sheetLying: xlsxBomb(1.9 * GB, 4096),
    entries100k: xlsxWithEntries(100_000),
    hidden: xlsxWithHiddenEntry(1.9 * GB),
    docx2g: docxBomb(1.9 * GB),
    docxLying: docxBomb(1.9 * GB, 1000),
    sales3g: xlsxBomb(3.3 * GB),
    salesLying: xlsxBomb(3.3 * GB, 50 * MB),
  };
  baseline = process.memoryUsage().rss; // the server on its embedded database, before any upload
});
afterAll(() => console.log(`process RSS while bombs were posted (before any: ${Math.round(baseline / MB)} MB):\n  ${peaks.join('\n  ')}\n  lifetime max RSS of this test process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`));

/** The work, with this process's RSS sampled every 50 ms throughout: the peak must stay under 1 GB. */
async function underAGigabyte<T>(what: string, work: () => Promise<T>): Promise<T> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    return await work();
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    peaks.push(`${what}: peak ${Math.round(peak / MB)} MB`);
    expect(peak, what).toBeLessThan(GB);
  }
}

const importTrainings = (file: Buffer) => t.call('POST', '/api/v1/trainings/import', file);
const health = async () => (await t.call('GET', '/api/v1/health')).status;

function refused(res: Reply<any>, message: string | RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'file' }] });
  if (typeof message === 'string') expect(res.body.message).toContain(message);
  else expect(res.body.message).toMatch(message);
}

describe('zip bombs posted to the real routes', () => {
  it('refuses each spreadsheet bomb on a sheet import, naming the limit, in bounded memory', async () => {
    const cases: [keyof typeof bombs, string | RegExp][] = [
      ['sheet2g', /^上传的 Excel 文件中的「xl\/worksheets\/sheet1\.xml」解压后为 \d+ MB，超过单个条目上限 100 MB/],
      ['sheetLying', '上传的 Excel 文件中的「xl/worksheets/sheet1.xml」实际解压大小超过其声明的 4096 字节'],
      ['entries100k', '上传的 Excel 文件包含 100005 个条目，超过上限 10000 个'],
      ['hidden', '上传的 Excel 文件的 zip 结构异常'],
    ];
    for (const [name, message] of cases) {
      const [res, up] = await underAGigabyte(`trainings import, ${name} (${(bombs[name].length / MB).toFixed(1)} MB file)`, () => Promise.all([importTrainings(bombs[name]), health()]));
      refused(res, message);
      expect(up).toBe(200);
    }
    expect((await t.call('GET', '/api/v1/trainings?pageSize=1')).body.total).toBe(0);
  });

  it('refuses three 1.9 GB sheet bombs posted at once while health keeps answering', async () => {
    const [a, b, c, ...ups] = await underAGigabyte('trainings import, 3 × sheet2g in parallel', () =>
      Promise.all([importTrainings(bombs.sheet2g), importTrainings(bombs.sheet2g), importTrainings(bombs.sheetLying), health(), health(), health()]),
    );
    for (const res of [a, b]) refused(res, '超过单个条目上限 100 MB');
    refused(c, '实际解压大小超过其声明的 4096 字节');
    expect(ups).toEqual([200, 200, 200]);
  });

  it('refuses .docx bulletin bombs, naming the file', async () => {
    for (const name of ['docx2g', 'docxLying'] as const) {
      const [res, up] = await underAGigabyte(`bulletin import, ${name}`, () => Promise.all([t.upload(`/api/v1/bulletins/imports?fileName=${name}.docx`, bombs[name], DOCX), health()]));
      refused(res, name === 'docx2g' ? `文件「${name}.docx」中的「word/document.xml」解压后为` : `文件「${name}.docx」中的「word/document.xml」实际解压大小超过其声明的 1000 字节`);
      expect(up).toBe(200);
    }
  });

  it('refuses 3.3 GB workbooks on the streaming sales import before queueing them', async () => {
    const [big, lying, up] = await underAGigabyte('sales import, sales3g + salesLying in parallel', () =>
      Promise.all([t.upload('/api/v1/sales/imports?fileName=bomb.xlsx', bombs.sales3g, XLSX), t.upload('/api/v1/sales/imports?fileName=lying.xlsx', bombs.salesLying, XLSX), health()]),
    );
    refused(big, /^上传的 Excel 文件中的「xl\/worksheets\/sheet1\.xml」解压后为 [\d.]+ MB，超过单个条目上限 2048 MB/);
    refused(lying, '实际解压大小超过其声明的 50 MB');
    expect(up).toBe(200);
    const names = (await t.call('GET', '/api/v1/sales/imports')).body.items.map((i: { fileName: string }) => i.fileName);
    expect(names).not.toContain('bomb.xlsx');
    expect(names).not.toContain('lying.xlsx');
  });

  it('refuses upload bodies past the route limit before parsing them', async () => {
    const [sheet, doc] = await underAGigabyte('oversized bodies (21 MB sheet, 12 MB bulletin)', () =>
      Promise.all([importTrainings(Buffer.alloc(21 * MB, 0x50)), t.upload('/api/v1/bulletins/imports?fileName=big.docx', Buffer.alloc(12 * MB, 0x50), DOCX)]),
    );
    for (const res of [sheet, doc]) expect(res.body).toMatchObject({ code: 'VALIDATION', message: '请求体过大' });
  });

  it('parses one file at a time: four wait their turn, the rest get 503 with Retry-After', async () => {
    // A legitimate but slow file holds the slot: the training headers, then 50,000 rows (over the 10,000-row limit).
    const header = `<row r="1">${TRAINING_COLUMNS.map((c, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${c.header}</t></is></c>`).join('')}</row>`;
    const slow = xlsxWithSheetData(header + '<row r="2"><c r="A2" t="inlineStr"><is><t>培训</t></is></c></row>'.repeat(50_000));
    const results = await underAGigabyte('trainings import, 1 slow file + 6 × sheetLying', async () => {
      const first = importTrainings(slow);
      while (!heavyParses.busy) await new Promise((r) => setTimeout(r, 5));
      const rest = Array.from({ length: 6 }, () => importTrainings(bombs.sheetLying));
      const up = await health();
      return { first: await first, rest: await Promise.all(rest), up };
    });
    refused(results.first, '文件有 50000 行数据，超过单次导入上限 10000 行');
    const busy = results.rest.filter((r) => r.status === 503);
    expect(busy).toHaveLength(2);
    for (const r of busy) {
      expect(r.raw.headers['retry-after']).toBe('10');
      expect(r.body).toMatchObject({ code: 'UNAVAILABLE', issues: [{ path: 'file' }] });
      expect(r.body.message).toContain('服务器正在处理其他文件');
    }
    for (const r of results.rest.filter((x) => x.status !== 503)) refused(r, '实际解压大小超过其声明的 4096 字节');
    expect(results.up).toBe(200);
    expect(heavyParses.busy).toBe(false);
  });
});
