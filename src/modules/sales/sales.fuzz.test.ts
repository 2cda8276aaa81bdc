import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { useTestApp } from '../../testing/test-app.ts';
import { daysAgo, makeCertifiedProduct, makeOrg, makeSupplier } from '../../testing/factories.ts';
import { anyText, changedTables, count, dbSignature, errorModelProblem, hanText, params, printTried, within } from '../../testing/fuzz/fuzz.ts';
import { AppError } from '../../platform/errors.ts';
import { CsvParser, type CsvRecord } from './sales.csv.ts';
import { readRecords, sniff } from './sales.reader.ts';

/**
 * Fuzzing the sales file readers (issue 15): the CSV parser on random fields (quotes, commas, line
 * breaks, BOMs) in random chunks, the sniffer and reader on random bytes, other encodings and huge
 * lines, and the import route end to end. Properties: records read back as written whatever the
 * chunking, only a VALIDATION AppError with a Chinese message on bad input, a bounded time, and an
 * import refused (up front or after its check) loads no sales row.
 */
const t = useTestApp();
const BOUND_MS = Number(process.env.XIEZUO_FUZZ_BOUND_MS ?? 5_000);
const dir = mkdtempSync(join(tmpdir(), 'xiezuo-sales-fuzz-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  printTried('sales');
});

/** All records of `text` given to the parser in the pieces `cuts` make. */
function recordsOf(text: string, cuts: number[] = [], max = 1 << 20): CsvRecord[] {
  const parser = new CsvParser(max);
  const out: CsvRecord[] = [];
  let at = 0;
  for (const c of [...cuts.map((x) => x % (text.length + 1))].sort((a, b) => a - b)) {
    out.push(...parser.push(text.slice(at, c)));
    at = c;
  }
  out.push(...parser.push(text.slice(at)));
  out.push(...parser.push('', true));
  return out;
}

/** A field as a spreadsheet writes it: quoted when it holds a comma, quote or line break (or at random). */
const encode = (cell: string, quote: boolean) => (quote || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

const cell = fc.oneof(
  { weight: 3, arbitrary: hanText(20) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 15 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '"', '""', ',', '\n', '\r\n', '\r', ' , ', '"a,b"', '12.50', '2024-03-05', '\uFEFF') },
);
const table = fc.array(fc.array(fc.tuple(cell, fc.boolean()), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });

/** Text that may not be CSV at all: quotes in the wrong places, lone CRs, BOMs in the middle. */
const csvish = fc.array(fc.oneof(cell, fc.constantFrom('"', ',', '\n', '\r', '\r\n', '""', '"\n"', '\uFEFF')), { maxLength: 60 }).map((p) => p.join(''));

describe('fuzzing the CSV parser', () => {
  it('reads back the records a spreadsheet wrote, whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (rows, cuts, eol, bom) => {
        count('csv round trip');
        const text = (bom ? '\uFEFF' : '') + rows.map((r) => r.map(([c, q]) => encode(c, q)).join(',')).join(eol) + eol;
        fc.pre(bom || !text.startsWith('\uFEFF')); // a file's first character U+FEFF is its BOM, not a cell's
        // A record of one empty field is an empty line, which the reader skips.
        const want = rows.filter((r) => !(r.length === 1 && r[0][0] === '' && !r[0][1])).map((r) => r.map(([c]) => c));
        const got = recordsOf(text, cuts);
        expect(got.map((r) => r.cells)).toEqual(want);
        for (let i = 1; i < got.length; i++) expect(got[i].line).toBeGreaterThan(got[i - 1].line);
      }),
      params(25),
    );
  });

  it('on any text reads the same records in any chunking as csv-parse would, or refuses with a Chinese message', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, anyText(200)), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        count('csv any text');
        let whole: CsvRecord[] | AppError;
        try {
          whole = recordsOf(text);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect(errorModelProblem((err as AppError).status, (err as AppError).toJSON())).toBeNull();
          whole = err as AppError;
        }
        let chunked: CsvRecord[] | AppError;
        try {
          chunked = recordsOf(text, cuts);
        } catch (err) {
          chunked = err as AppError;
        }
        if (whole instanceof AppError) expect(chunked).toBeInstanceOf(AppError);
        else expect(chunked).toEqual(whole);
        // csv-parse detects its record delimiter from the first one met: compare on LF-only text.
        // (Lone surrogates cannot come from a decoded file, and csv-parse replaces them.)
        if (!(whole instanceof AppError) && !text.includes('\r') && !/[\ud800-\udfff]/.test(text)) {
          const ref = (parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]);
          expect(whole.map((r) => r.cells)).toEqual(ref);
        }
      }),
      params(25),
    );
  });

  it('refuses a record longer than the bound as it streams, naming its line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.constantFrom(',', 'a', '"', '中'), fc.integer({ min: 1, max: 4 }), (max, c, k) => {
        count('csv huge line');
        const text = `a,b\n${c.repeat(max * 100 * k)}\n`;
        try {
          recordsOf(text, [3, 7], max * 100);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).message).toMatch(/CSV/);
          return;
        }
        // Not refused: only a quote run that closes into short fields may pass.
        expect(c).toBe('"');
      }),
      params(2),
    );
  });
});

/** File bytes: CSV in UTF-8 (BOM or not), UTF-16, GBK-like bytes, binary, a zip, a huge line. */
const fileBytes = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(table, fc.boolean()).map(([rows, bom]) => Buffer.from((bom ? '\uFEFF' : '') + rows.map((r) => r.map(([c, q]) => encode(c, q)).join(',')).join('\n')) ) },
  { weight: 1, arbitrary: hanText(200).map((s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])) },
  { weight: 1, arbitrary: hanText(200).map((s) => Buffer.from(s, 'latin1')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((u) => Buffer.from(u)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((u) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(u)])) },
  { weight: 1, arbitrary: fc.constantFrom(',', 'x', '"').map((c) => Buffer.from(`a,b\n${c.repeat(1024 * 1024 + 10)}\n1,2\n`)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 64 * 1024 }).map((n) => Buffer.concat([Buffer.from('a'.repeat(n - 1)), Buffer.from('中文')])) },
);

let seq = 0;
describe('fuzzing the sales file reader', () => {
  it('sniffs and reads any file to records or refuses it with a Chinese message, in bounded time', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fileBytes, fc.constantFrom<'csv' | 'xlsx' | null>('csv', 'xlsx', null), async (bytes, declared) => {
        count('sniff and read file');
        const path = join(dir, `f${++seq}`);
        writeFileSync(path, bytes);
        try {
          await within(BOUND_MS, 'sales file', (async () => {
            const format = await sniff(path, declared);
            let n = 0;
            for await (const r of readRecords(path, format, () => {})) {
              expect(Array.isArray(r.cells)).toBe(true);
              if (++n > 100_000) break;
            }
          })());
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          expect(errorModelProblem(err.status, err.toJSON()), err.message).toBeNull();
        } finally {
          rmSync(path, { force: true });
        }
      }),
      params(3),
    );
  });
});

describe('fuzzing the sales import route', () => {
  let credited: { id: number; name: string };
  let supplier: { id: number; name: string };
  let product: { id: number; name: string };
  beforeAll(async () => {
    credited = await makeOrg(t, { side: 'east' });
    supplier = await makeSupplier(t);
    product = await makeCertifiedProduct(t, supplier.id);
  });
  const HEADER = '销售日期,供应主体,产品,品类,县代码,销售渠道,购买方类型,计入单位,金额（元）,数量,单位,带动户数';

  async function finished(id: number) {
    const until = Date.now() + BOUND_MS * 4;
    while (Date.now() < until) {
      const res = await t.call('GET', `/api/v1/sales/imports/${id}`);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`import ${id} not finished within ${BOUND_MS * 4} ms`);
  }

  it('answers any upload without a 5xx; a refused upload or a failed import loads no sale', { timeout: 600_000 }, async () => {
    // Rows of a valid shape whose cells are replaced at random.
    const valid = () => [daysAgo(3), supplier.name, product.name, '', '', '直播带货', '个人', credited.name, '12.50', '2', '斤', '1'];
    const row = fc.array(fc.option(fc.tuple(fc.nat({ max: 11 }), fc.oneof(cell, anyText(20))), { nil: undefined }), { maxLength: 4 }).map((edits) => {
      const r = valid();
      for (const e of edits) if (e) r[e[0]] = e[1];
      return r.map((c) => encode(c, false)).join(',');
    });
    const upload = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.array(row, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([rows, bom]) => ({ bytes: Buffer.from(`${bom ? '\uFEFF' : ''}${HEADER}\n${rows.join('\n')}\n`), type: 'text/csv', name: 'fuzz.csv' })) },
      { weight: 2, arbitrary: fileBytes.map((bytes) => ({ bytes, type: 'text/csv', name: 'fuzz.csv' })) },
      { weight: 1, arbitrary: fileBytes.map((bytes) => ({ bytes, type: 'application/octet-stream', name: 'fuzz.xlsx' })) },
    );
    await fc.assert(
      fc.asyncProperty(upload, fc.boolean(), async ({ bytes, type, name }, skipInvalid) => {
        count('sales import route');
        const before = await dbSignature(t.database.db, ['sessions']);
        const res = await within(BOUND_MS, 'sales import', t.upload(`/api/v1/sales/imports?fileName=${name}&skipInvalid=${skipInvalid}`, bytes, type));
        expect(errorModelProblem(res.status, res.body), JSON.stringify(res.body).slice(0, 400)).toBeNull();
        if (res.status >= 400) {
          expect(changedTables(before, await dbSignature(t.database.db, ['sessions']))).toEqual([]);
          return;
        }
        expect(res.status).toBe(202);
        const done = await finished(res.body.id);
        const loaded = Number((await t.database.db.selectFrom('sales').select((eb) => eb.fn.countAll().as('n')).where('import_id', '=', res.body.id).executeTakeFirstOrThrow()).n);
        if (done.status === 'failed') {
          expect(loaded).toBe(0);
          expect(String(done.phaseNote ?? '') + JSON.stringify(done.errors ?? [])).toMatch(/[\u4e00-\u9fff]/);
        } else expect(loaded).toBe(done.rowsLoaded);
        for (const e of done.errors ?? []) expect(e.reason, JSON.stringify(e)).toMatch(/[\u4e00-\u9fff]/);
      }),
      params(1),
    );
  });
});
