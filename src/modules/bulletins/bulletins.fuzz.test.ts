import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, Packer, Paragraph } from 'docx';
import { useTestApp } from '../../testing/test-app.ts';
import { docxBomb, partOf, zipOf } from '../../testing/zip-bombs.ts';
import { anyText, changedTables, count, dbSignature, errorModelProblem, hanText, params, printTried, within } from '../../testing/fuzz/fuzz.ts';
import { AppError } from '../../platform/errors.ts';
import { extractBulletin } from './bulletins.extract.ts';
import { bulletinTextOf } from './bulletins.input.ts';

/**
 * Fuzzing the bulletin reader (issue 15): the text extractor on random unicode and bulletin-like
 * Chinese (sections, dated entries, amounts, units, page markers, truncated and huge lines), the file
 * reader on valid, truncated, bit-flipped, random and bomb .docx files, and the import route on both.
 * Properties: no crash (only a VALIDATION AppError with a Chinese message), a bounded time, spans
 * inside the text, and a refused upload writes nothing.
 */
const t = useTestApp();
const BOUND_MS = Number(process.env.XIEZUO_FUZZ_BOUND_MS ?? 5_000);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
afterAll(() => printTried('bulletins'));

/** A bulletin-like text: a masthead, sections, headlines and dated entries made of random pieces. */
const bulletinLike = fc
  .record({
    masthead: fc.constantFrom('', '协作简报\n第3期\n某区合作交流办 2024年6月10日\n', '工作简报\n（总第27期）\n2023年1月16日\n', '增刊\n\n'),
    toc: fc.constantFrom('', '本期目录\n一、工作动态\n二、消费帮扶\n'),
    sections: fc.array(
      fc.record({
        head: fc.constantFrom('【工作动态】', '一、工作动态', '【消费帮扶】', '二、劳务协作', '', '★ 领导调研'),
        entries: fc.array(
          fc.oneof(
            fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }), hanText(80)).map(([m, d, s]) => `${m}月${d}日，${s}`),
            hanText(120),
            fc.constantFrom('近日，区领导赴香格里拉市考察，捐赠100万元，带动30户脱贫户增收。', '12月5日至8日，开展培训2期，培训120人次。', '— 2 —', '-3-', '第 4 页 共 9 页'),
          ),
          { maxLength: 8 },
        ),
      }),
      { maxLength: 5 },
    ),
    tail: fc.constantFrom('', '\n报：市合作交流办\n送：各成员单位\n发：各街镇\n'),
  })
  .map((b) => [b.masthead, b.toc, ...b.sections.map((s) => [s.head, ...s.entries].join('\n')), b.tail].join('\n'));

/** Text of any kind: bulletin-like, random unicode, truncated anywhere, or with a huge line. */
const anyBulletinText = fc.oneof(
  { weight: 4, arbitrary: bulletinLike },
  { weight: 2, arbitrary: anyText(400) },
  { weight: 2, arbitrary: fc.tuple(bulletinLike, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))) },
  { weight: 1, arbitrary: fc.tuple(bulletinLike, fc.integer({ min: 10_000, max: 400_000 }), fc.constantFrom('1', '万', '元', '，', ' ', '１', '月')).map(([s, n, c]) => `${s}\n${c.repeat(n)}\n${s}`) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => '3月2日，捐赠1万元。\n'.repeat(n)) },
);

/** The invariants of an extraction: items inside the text, dates ISO, amounts finite. */
function extractionProblem(raw: string): string | null {
  const started = performance.now();
  let x;
  try {
    x = extractBulletin(raw);
  } catch (err) {
    return `threw ${(err as Error).stack}`;
  }
  const ms = performance.now() - started;
  if (ms > BOUND_MS) return `took ${Math.round(ms)} ms for ${raw.length} characters`;
  for (const item of x.items) {
    const [a, b] = item.span;
    if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= x.text.length)) return `span ${a}–${b} outside the text (${x.text.length})`;
    for (const d of [item.date_start, item.date_end]) if (d !== null && !/^\d{4}-\d{2}-\d{2}$/.test(d)) return `date ${d}`;
    for (const m of item.amounts) if (!Number.isFinite(m.yuan)) return `amount ${m.yuan} of ${m.text}`;
    for (const c of item.counts) if (!Number.isFinite(c.value)) return `count ${c.value} of ${c.text}`;
  }
  if (x.issued_on !== null && !/^\d{4}-\d{2}-\d{2}$/.test(x.issued_on)) return `issued_on ${x.issued_on}`;
  return null;
}

let validDocx: Buffer;
beforeAll(async () => {
  const lines = ['协作简报', '第3期', '【工作动态】', '6月1日，区领导赴香格里拉市调研消费帮扶工作，捐赠100万元。', '6月2日，区教育局开展培训2期120人次。'];
  validDocx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })));
});

/** File bytes: a valid .docx, truncated, bit-flipped, spliced, random bytes, a minimal or bomb zip. */
const docxBytes = () =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(null).map(() => validDocx) },
    { weight: 3, arbitrary: fc.nat().map((n) => validDocx.subarray(0, n % validDocx.length)) },
    {
      weight: 3,
      arbitrary: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const b = Buffer.from(validDocx);
        for (const [at, bit] of flips) b[at % b.length] ^= 1 << bit;
        return b;
      }),
    },
    { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 512 })).map(([at, junk]) => Buffer.concat([validDocx.subarray(0, at % validDocx.length), Buffer.from(junk), validDocx.subarray(at % validDocx.length)])) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((u) => Buffer.concat([Buffer.from('PK'), Buffer.from(u)])) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((u) => Buffer.from(u)) },
    { weight: 1, arbitrary: hanText(200).map((s) => zipOf([partOf('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${s}</w:t></w:r></w:p></w:body></w:document>`)])) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 20, max: 400 }), fc.boolean()).map(([mb, lie]) => docxBomb(mb * 1024 * 1024, lie ? 1000 : undefined)) },
  );

async function readOutcome(bytes: Buffer, name: string): Promise<string | null> {
  try {
    const text = await within(BOUND_MS, name, bulletinTextOf(bytes, name));
    return typeof text === 'string' ? extractionProblem(text) : `not text: ${typeof text}`;
  } catch (err) {
    if (!(err instanceof AppError)) return `threw ${(err as Error).stack}`;
    return errorModelProblem(err.status, err.toJSON());
  }
}

describe('fuzzing the bulletin reader', () => {
  it('extracts any text without a crash, in bounded time, with spans inside the text', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(anyBulletinText, (text) => {
        count('extract text');
        const problem = extractionProblem(text);
        expect(problem, text.slice(0, 300)).toBeNull();
      }),
      params(10),
    );
  });

  it('regression: a long run of digits in an item is read in linear time (countsIn retried the run from each digit: 40,000 took 7 s)', () => {
    for (const digit of ['1', '１']) {
      const text = `【工作动态】\n6月1日，区领导赴香格里拉市调研，${digit.repeat(400_000)}\n6月2日，培训120人次。\n`;
      const started = performance.now();
      const x = extractBulletin(text);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(x.items.at(-1)?.counts).toEqual([{ value: 120, unit: '人次', text: '120人次' }]);
    }
  });

  it('regression: a long run of digits after a table of contents is read in linear time (tocKey\'s /[…\\d]+$/ retried it from each digit: 100,000 took 4 s)', () => {
    const head = '增刊\n\n本期目录\n一、工作动态\n二、消费帮扶\n\n【工作动态】\n6月1日，区领导赴香格里拉市调研。\n';
    const started = performance.now();
    const x = extractBulletin(`${head}\n${'1'.repeat(100_000)}\n${head}`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(x.items.length).toBeGreaterThan(0);
  });

  it('reads any bytes as text or refuses them with a Chinese message (.txt and .docx names)', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyBulletinText.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 2048 }).map((u) => Buffer.from(u)), fc.constantFrom(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe, 0x31, 0x00]), Buffer.from('中文', 'latin1'))),
        fc.constantFrom('a.txt', 'a.docx', 'a', 'A.DOCX', '简报.TXT'),
        async (bytes, name) => {
          count('read text bytes');
          expect(await readOutcome(bytes, name)).toBeNull();
        },
      ),
      params(5),
    );
  });

  it('reads valid, truncated, bit-flipped, random and bomb .docx files or refuses them with a Chinese message', { timeout: 600_000 }, async () => {
    expect(await bulletinTextOf(validDocx, 'a.docx')).toContain('香格里拉市');
    await fc.assert(
      fc.asyncProperty(docxBytes(), async (bytes) => {
        count('read docx bytes');
        expect(await readOutcome(bytes, 'fuzz.docx')).toBeNull();
      }),
      params(3),
    );
  });

  it('answers every upload to the import route within the bound, no 5xx, and a refused one writes nothing', { timeout: 600_000 }, async () => {
    const upload = fc.oneof(
      anyBulletinText.map((s) => ({ bytes: Buffer.from(s), type: 'text/plain; charset=utf-8', name: 'fuzz.txt' })),
      docxBytes().map((b) => ({ bytes: b, type: DOCX, name: 'fuzz.docx' })),
      fc.uint8Array({ maxLength: 1024 }).map((u) => ({ bytes: Buffer.from(u), type: 'application/octet-stream', name: '' })),
    );
    await fc.assert(
      fc.asyncProperty(upload, async ({ bytes, type, name }) => {
        count('import route');
        const before = await dbSignature(t.database.db, ['sessions']);
        const res = await within(BOUND_MS * 2, 'bulletin import', t.upload(`/api/v1/bulletins/imports${name ? `?fileName=${encodeURIComponent(name)}` : ''}`, bytes, type));
        expect(errorModelProblem(res.status, res.body), JSON.stringify(res.body).slice(0, 500)).toBeNull();
        if (res.status >= 400) expect(changedTables(before, await dbSignature(t.database.db, ['sessions']))).toEqual([]);
      }),
      params(1),
    );
  });
});
