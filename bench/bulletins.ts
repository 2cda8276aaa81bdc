import { extractBulletin } from '../src/modules/bulletins/bulletins.extract.ts';
import { MAX_ITEMS, readBulletin } from '../src/modules/bulletins/bulletins.thread.ts';
import { editionDocx } from '../src/modules/editions/editions.docx.ts';
import { docxToPdf, sofficePath } from '../src/modules/editions/editions.pdf.ts';
import type { Layout } from '../src/modules/editions/editions.layout.ts';

/** 10 MB reads in seconds; on the reader thread the server's event loop stays free (lag in ms); an edition of 200 items renders to DOCX in about a second. */
export const BULLETIN_TARGETS = { readMs: 15_000, lagMaxMs: 250, docxMs: 3_000, pdfMs: 60_000 };

const entry = '12月5日，区总工会组织采购香格里拉市农特产品，销售额达12.5万元，带动30户脱贫户增收。\n';
const bigText = () => `【工作动态】\n${entry.repeat(Math.floor((10 * 1024 * 1024) / Buffer.byteLength(entry)))}`;

/** The longest gap between timer ticks while `work` runs: how long the event loop was held. */
async function withLag<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; lagMaxMs: number }> {
  let last = performance.now();
  let lagMaxMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    lagMaxMs = Math.max(lagMaxMs, now - last - 10);
    last = now;
  }, 10);
  const t = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - t;
    // A tick held back by work done in-line fires only now: let it, so its gap is counted.
    await new Promise((r) => setTimeout(r, 30));
    return { result, ms, lagMaxMs };
  } finally {
    clearInterval(tick);
  }
}

function layoutOf200(): Layout {
  const paragraph = '4月2日至3日，区委书记带领闵行区合作交流办一行12人赴香格里拉市开展考察调研。活动中，签订《2024年东西部协作协议》，协议资金3000万元；区慈善基金会捐赠资金50万元，用于助学。';
  return {
    masthead: { title: '沪滇扶贫协作简报', number: '2024年第3期（总第45期）', editor: '闵行区合作交流办', date: '2024年4月30日' }, correction: null, toc: null,
    sections: ['重要活动', '消费帮扶', '社会帮扶', '工作动态'].map((s, i) => ({ heading: `${['一', '二', '三', '四'][i]}、${s}`, items: Array.from({ length: 50 }, (_, j) => ({ title: `条目${i * 50 + j + 1}`, paragraphs: [paragraph, paragraph] })) })),
    distribution: [{ label: '报', names: '市合作交流办。' }], copies: '（共印60份）',
  };
}

export async function benchBulletins(): Promise<[string, string, string, boolean][]> {
  const text = bigText();
  const bytes = Buffer.from(text);
  const direct = await withLag(async () => extractBulletin(text));
  // Refused on the thread (over MAX_ITEMS); then the largest bulletin accepted, whose items come back to the main thread.
  const refused = await withLag(() => readBulletin(bytes, 'big.txt').catch((e: Error) => e));
  const largest = Buffer.from(`【工作动态】\n${entry.repeat(MAX_ITEMS)}`);
  const threaded = await withLag(() => readBulletin(largest, 'largest.txt'));
  const mb = bytes.length / 1024 / 1024;
  const docx = await withLag(() => editionDocx(layoutOf200()));
  const rows: [string, string, string, boolean][] = [
    [`read a ${mb.toFixed(0)} MB bulletin`, `${Math.round(direct.ms)} ms (${direct.result.items.length} items)`, `< ${BULLETIN_TARGETS.readMs} ms`, direct.ms < BULLETIN_TARGETS.readMs],
    ['  on the reader thread', `${Math.round(refused.ms)} ms to refuse, loop held ${Math.round(refused.lagMaxMs)} ms`, `held < ${BULLETIN_TARGETS.lagMaxMs} ms (in-line: ${Math.round(direct.lagMaxMs)} ms)`, refused.lagMaxMs < BULLETIN_TARGETS.lagMaxMs],
    [`  ${MAX_ITEMS} items (${(largest.length / 1024).toFixed(0)} KB), thread`, `${Math.round(threaded.ms)} ms, loop held ${Math.round(threaded.lagMaxMs)} ms`, `held < ${BULLETIN_TARGETS.lagMaxMs} ms`, threaded.lagMaxMs < BULLETIN_TARGETS.lagMaxMs],
    ['edition DOCX (200 items)', `${Math.round(docx.ms)} ms, ${(docx.result.length / 1024).toFixed(0)} KB`, `< ${BULLETIN_TARGETS.docxMs} ms`, docx.ms < BULLETIN_TARGETS.docxMs],
  ];
  if (sofficePath()) {
    const pdf = await withLag(() => docxToPdf(docx.result));
    rows.push(['edition PDF (LibreOffice)', `${Math.round(pdf.ms)} ms, ${(pdf.result.length / 1024).toFixed(0)} KB`, `< ${BULLETIN_TARGETS.pdfMs} ms`, pdf.ms < BULLETIN_TARGETS.pdfMs]);
  } else rows.push(['edition PDF (LibreOffice)', 'skipped: soffice not installed', '', true]);
  return rows;
}
