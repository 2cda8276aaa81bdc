import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { useTestApp } from '../../testing/test-app.ts';
import { rowsOf } from '../../testing/xlsx.ts';
import { xlsxBomb, xlsxWithEntries, xlsxWithHiddenEntry, xlsxWithSheetData } from '../../testing/zip-bombs.ts';
import { anyText, changedTables, count, dbSignature, errorModelProblem, hanText, params, printTried, within } from '../../testing/fuzz/fuzz.ts';

/**
 * Fuzzing the .xlsx imports through the real routes (issue 15): every `…/import` route of the app
 * gets its own template filled with random cells (text, numbers, dates, booleans, formulas, rich
 * text, errors, merged cells, huge text), and the template truncated, bit-flipped, spliced, random
 * bytes, raw sheet XML and zip bombs. Properties: no 5xx, an answer within the bound, a 4xx in the
 * error model with a Chinese message, every skipped row with a reason, and a refused file (a 4xx, or
 * an all-or-nothing import that imported nothing) writes nothing.
 */
const t = useTestApp();
const BOUND_MS = Number(process.env.XIEZUO_FUZZ_BOUND_MS ?? 5_000);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
afterAll(() => printTried('excel'));

interface ImportRoute { url: string; template: Buffer; headers: string[] }
const routes: ImportRoute[] = [];

beforeAll(async () => {
  for (const r of t.app.routeAccess.filter((x) => x.method === 'POST' && x.url.endsWith('/import') && !x.url.includes(':'))) {
    const res = await t.call('GET', `${r.url.replace(/\/import$/, '')}/import-template.xlsx`);
    if (res.status !== 200) continue;
    const template = res.raw.rawPayload;
    routes.push({ url: r.url, template, headers: ((await rowsOf(template))[0] ?? []).map(String) });
  }
}, 300_000);

/** A cell value of any kind exceljs writes. */
const cellValue = fc.oneof(
  { weight: 3, arbitrary: hanText(30) },
  { weight: 2, arbitrary: anyText(30) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.constantFrom(0, -1, 1e15, 1e308, 0.005, 12.345, 2 ** 53 + 2)) },
  { weight: 1, arbitrary: fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<ExcelJS.CellValue>(null, { formula: 'A1+1', result: 3 }, { formula: 'NOW()' } as ExcelJS.CellValue, { error: '#N/A' } as ExcelJS.CellValue, { richText: [{ text: '富' }, { text: '文本' }] }, { text: '链接', hyperlink: 'http://x' }) },
  { weight: 1, arbitrary: fc.constantFrom('2024-03-05', '2024/3/5', '2024年3月5日', '12.50', '1,234.5', '１２', '是', '否', '直播带货', '310112', '533401', '5334', '0'.repeat(20), 'x'.repeat(40_000)) },
);

/** The template's header row (kept, shuffled, cut or extended) and random rows under it. */
const filled = (route: ImportRoute) =>
  fc
    .record({
      headers: fc.oneof({ weight: 4, arbitrary: fc.constant(route.headers) }, { weight: 1, arbitrary: fc.shuffledSubarray(route.headers) }, { weight: 1, arbitrary: fc.array(anyText(10), { maxLength: 4 }).map((x) => [...route.headers, ...x]) }),
      rows: fc.array(fc.array(cellValue, { maxLength: route.headers.length + 2 }), { maxLength: 6 }),
      merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), { nil: null }),
      emptyAbove: fc.boolean(),
    })
    .map(async ({ headers, rows, merge, emptyAbove }) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Sheet1');
      if (emptyAbove) ws.addRow([]);
      ws.addRow(headers);
      for (const r of rows) ws.addRow(r);
      if (merge) ws.mergeCells(2, merge[0], 2 + merge[1], merge[0] + 1);
      return Buffer.from(await wb.xlsx.writeBuffer());
    });

/** The template's bytes broken, or not a workbook at all, or a bomb. */
const broken = (route: ImportRoute) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((n) => route.template.subarray(0, n % route.template.length)) },
    {
      weight: 3,
      arbitrary: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 6 }).map((flips) => {
        const b = Buffer.from(route.template);
        for (const [at, bit] of flips) b[at % b.length] ^= 1 << bit;
        return b;
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((u) => Buffer.from(u)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((u) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(u)])) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(hanText(20), fc.constantFrom('<row r="2">', '</row>', '<c r="A2" t="s"><v>99</v></c>', '<c r="ZZZZ99999999"><v>1</v></c>', '<c t="inlineStr"><is><t>', '</t></is></c>', '<c r="A1"><v>1e400</v></c>', '<row r="1048577">', '<![CDATA[', '&amp;', '&#0;', '<!DOCTYPE x [<!ENTITY a "aaaa">]>&a;')), { maxLength: 30 })
        .map((p) => xlsxWithSheetData(p.join(''))),
    },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, 2).map((k) => (k === 0 ? xlsxBomb(200 << 20) : k === 1 ? xlsxWithHiddenEntry(200 << 20) : xlsxWithEntries(70_000))) },
    { weight: 1, arbitrary: fc.integer({ min: 101, max: 300 }).map((mb) => xlsxBomb(mb << 20, 1000)) },
  );

async function importOnce(route: ImportRoute, bytes: Buffer, skipInvalid: boolean, type = XLSX) {
  count(`import ${route.url}`);
  const before = await dbSignature(t.database.db, ['sessions']);
  const res = await within(BOUND_MS, `${route.url} import`, t.upload(`${route.url}?skipInvalid=${skipInvalid}`, bytes, type));
  expect(errorModelProblem(res.status, res.body), `${route.url} → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`).toBeNull();
  if (res.status === 200) {
    for (const s of res.body.skipped) expect(s.reason, JSON.stringify(s)).toMatch(/[\u4e00-\u9fff]/);
    if (!skipInvalid) expect(res.body.imported === 0 || res.body.skipped.length === 0, JSON.stringify(res.body)).toBe(true);
  }
  if (res.status >= 400 || (res.status === 200 && res.body.imported === 0)) {
    expect(changedTables(before, await dbSignature(t.database.db, ['sessions'])), `${route.url} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toEqual([]);
  }
}

describe('fuzzing the .xlsx import routes', () => {
  it('finds the import routes and their templates', () => {
    expect(routes.length).toBeGreaterThan(5);
    console.log(`excel fuzz: ${routes.length} import routes: ${routes.map((r) => r.url).join(', ')}`);
  });

  it('answers a template filled with random cells on every import route', { timeout: 1_200_000 }, async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(filled(route), fc.boolean(), async (file, skipInvalid) => importOnce(route, await file, skipInvalid)),
        params(0.5),
      );
    }
  });

  it('answers broken, random and bomb files on every import route', { timeout: 1_200_000 }, async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(broken(route), fc.constantFrom(XLSX, 'application/octet-stream'), async (file, type) => importOnce(route, file, false, type)),
        params(0.3),
      );
    }
  });
});
