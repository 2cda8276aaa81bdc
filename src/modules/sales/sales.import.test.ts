import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../testing/test-app.ts';
import { rowsOf, xlsxOf } from '../../testing/xlsx.ts';
import { daysAgo, makeCertifiedProduct, makeOrg, makeSupplier } from '../../testing/factories.ts';

const t = useTestApp();
let credited: { id: number; name: string };
let supplier: { id: number; name: string };
let product: { id: number; name: string };

beforeAll(async () => {
  credited = await makeOrg(t, { side: 'east' });
  supplier = await makeSupplier(t);
  product = await makeCertifiedProduct(t, supplier.id);
});

const HEADER = '销售日期,供应主体,产品,品类,县代码,销售渠道,购买方类型,计入单位,金额（元）,数量,单位,带动户数';
/** `n` distinct valid rows (amounts differ, so none is a duplicate of another). */
const yuan = (k: number) => `${10 + Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `${daysAgo(3)},${supplier.name},${product.name},,,直播带货,个人,${credited.name},${yuan(from + i + 1)},2,斤,1`);
const csv = (lines: string[]) => `\uFEFF${HEADER}\n${lines.join('\n')}\n`;

async function finished(id: number) {
  for (;;) {
    const res = await t.call('GET', `/api/v1/sales/imports/${id}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** The city-wide sales total the indicators hold (they count an import's rows once it is done). */
const indicatorTotal = async () => Number((await sql<{ v: string | null }>`select sum(value)::text as v from indicator_cells where measure = 'sales.total'`.execute(t.database.db)).rows[0].v ?? 0);
const countOf = async (importId: number) => Number((await t.database.db.selectFrom('sales').select((eb) => eb.fn.countAll().as('n')).where('import_id', '=', importId).executeTakeFirstOrThrow()).n);

describe('bulk sales import', () => {
  it('imports a CSV file in the background, with progress, and counts the rows once done', async () => {
    const res = await t.upload('/api/v1/sales/imports?fileName=sales.csv', csv(rows(12_000)), 'text/csv');
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', format: 'csv', fileName: 'sales.csv' });
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, rowsRead: 12_000, rowsValid: 12_000, rowsLoaded: 12_000, errorCount: 0, duplicates: 0 });
    const list = await t.call('GET', `/api/v1/sales?importId=${res.body.id}&pageSize=1&order=asc`);
    expect(list.body.total).toBe(12_000);
    expect(list.body.items[0]).toMatchObject({ sourceRow: 2, amountFen: 1001, certified: true, productId: product.id, creditedOrgId: credited.id });
    const s = (await t.call('GET', `/api/v1/sales/summary?by=channel&importId=${res.body.id}`)).body;
    expect(s.count).toBe(12_000);
  });

  it('refuses the whole file when one row is bad — the last one — naming its row and column, and writes nothing', async () => {
    const lines = rows(20_000, 100_000);
    lines.push(`${daysAgo(3)},${supplier.name},${product.name},,,直播带货,个人,${credited.name},12.3.4,2,斤,1`);
    const res = await t.upload('/api/v1/sales/imports?fileName=bad.csv', csv(lines), 'text/csv');
    const done = await finished(res.body.id);
    expect(done.status).toBe('failed');
    expect(done.errors).toEqual([{ row: 20_002, column: '金额（元）', reason: expect.stringContaining('12.3.4') }]);
    expect(done.phaseNote).toContain('未导入任何数据');
    expect(await countOf(res.body.id)).toBe(0);
  });

  it('skips invalid rows when asked, and flags duplicates within the file and against counted sales', async () => {
    const lines = [
      ...rows(3, 200_000),
      `${daysAgo(3)},${supplier.name},不存在的产品,,,直播带货,个人,${credited.name},5,,,`,
      `${daysAgo(3)},${supplier.name},${product.name},,,飞鸽传书,个人,${credited.name},5,,,`,
      `2099-01-01,${supplier.name},${product.name},,,直播带货,个人,${credited.name},5,,,`,
      rows(1, 200_000)[0],
    ];
    const res = await t.upload('/api/v1/sales/imports?fileName=mixed.csv&skipInvalid=true', csv(lines), 'text/csv');
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ status: 'done', rowsRead: 7, rowsValid: 4, rowsLoaded: 4, errorCount: 3, duplicates: 1 });
    expect(done.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[5, '产品'], [6, '销售渠道'], [7, '销售日期']]);
    const again = await t.upload('/api/v1/sales/imports?fileName=again.csv', csv(rows(2, 200_000)), 'text/csv');
    expect(await finished(again.body.id)).toMatchObject({ status: 'done', duplicates: 2 });
    const flagged = await t.call('GET', `/api/v1/sales?importId=${again.body.id}&dupStatus=flagged`);
    expect(flagged.body.total).toBe(2);
  });

  it('loads in more than one COPY slice, and a bad row in the middle leaves nothing behind while every error is still listed', async () => {
    const bad = (amount: string) => `${daysAgo(3)},${supplier.name},${product.name},,,直播带货,个人,${credited.name},${amount},2,斤,1`;
    const lines = [...rows(15_000, 500_000), bad('甲'), ...rows(9_000, 520_000), bad('-5'), ...rows(10, 540_000)];
    const before = await indicatorTotal();
    const res = await t.upload('/api/v1/sales/imports?fileName=middle.csv', csv(lines), 'text/csv');
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ status: 'failed', rowsRead: 24_012, rowsValid: 24_010, errorCount: 2 });
    expect(done.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[15_002, '金额（元）'], [24_003, '金额（元）']]);
    expect(done.phaseNote).toContain('发现 2 行有错误，未导入任何数据');
    expect(await countOf(res.body.id)).toBe(0);
    expect((await t.call('GET', `/api/v1/sales?importId=${res.body.id}&pageSize=1`)).body.total).toBe(0);
    expect(await indicatorTotal()).toBe(before);
  });

  it('with skipInvalid loads exactly the valid rows, across slices, and counts them once done', async () => {
    const lines = rows(12_000, 600_000);
    const skipped = [1, 4_999, 5_000, 5_001, 11_999];
    for (const i of skipped) lines[i] = `${daysAgo(3)},${supplier.name},${product.name},,,直播带货,个人,${credited.name},0,2,斤,1`;
    const before = await indicatorTotal();
    const res = await t.upload('/api/v1/sales/imports?fileName=skip.csv&skipInvalid=true', csv(lines), 'text/csv');
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ status: 'done', rowsRead: 12_000, rowsValid: 11_995, rowsLoaded: 11_995, errorCount: 5, duplicates: 0 });
    const loaded = await t.database.db.selectFrom('sales').select('source_row').where('import_id', '=', res.body.id).execute();
    const expected = new Set(lines.map((_, i) => i + 2).filter((row) => !skipped.includes(row - 2)));
    expect(loaded.length).toBe(11_995);
    expect(new Set(loaded.map((r) => r.source_row))).toEqual(expected);
    const amounts = lines.filter((_, i) => !skipped.includes(i)).reduce((sum, l) => sum + Math.round(Number(l.split(',')[8]) * 100), 0);
    expect(await indicatorTotal()).toBe(before + amounts);
  });

  it('flags the duplicates of rows in earlier COPY slices of the same file', async () => {
    const lines = rows(11_000, 700_000);
    lines.push(lines[3], lines[6_000], lines[10_999]);
    const res = await t.upload('/api/v1/sales/imports?fileName=dups.csv', csv(lines), 'text/csv');
    expect(await finished(res.body.id)).toMatchObject({ status: 'done', rowsLoaded: 11_003, duplicates: 3 });
    const flagged = await t.database.db.selectFrom('sales').select('source_row').where('import_id', '=', res.body.id).where('dup_status', '=', 'flagged').orderBy('source_row').execute();
    expect(flagged.map((r) => r.source_row)).toEqual([11_002, 11_003, 11_004]);
  });

  it("checks every row against the uploader's scope", async () => {
    const outside = await makeSupplier(t, { regionCode: '632621100' });
    const clerk = await t.userWith({ roles: ['recipient_clerk'], scopes: [{ regionCode: '533401' }] });
    const res = await t.upload('/api/v1/sales/imports?fileName=scope.csv', csv([`${daysAgo(3)},${outside.name},,茶叶,632621,商超,企业,某企业,5,,,`]), 'text/csv', clerk.caller);
    expect(res.status).toBe(202);
    const done = await finished(res.body.id);
    expect(done.status).toBe('failed');
    expect(done.errors[0]).toMatchObject({ row: 2, column: '县代码', reason: expect.stringContaining('不在您的数据范围内') });
    expect((await t.call('GET', `/api/v1/sales/imports/${res.body.id}`, undefined, (await t.userWith({ roles: ['recipient_clerk'], scopes: [{ regionCode: '533401' }] })).caller)).status).toBe(404);
  });

  it('reads Excel files the same way', async () => {
    const file = await xlsxOf([
      HEADER.split(','),
      [new Date(`${daysAgo(2)}T00:00:00Z`), supplier.name, null, '茶叶', null, '展销中心', '预算单位', credited.name, 1234.5, null, null, 3],
      [daysAgo(2), '外县某合作社', null, '果蔬', '533422', '商超', '企业', '某上海企业', 99, 10, '箱', null],
    ]);
    const res = await t.upload('/api/v1/sales/imports?fileName=sales.xlsx', file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.body.format).toBe('xlsx');
    const done = await finished(res.body.id);
    expect(done, JSON.stringify(done.errors)).toMatchObject({ status: 'done', rowsLoaded: 2 });
    const items = (await t.call('GET', `/api/v1/sales?importId=${res.body.id}&order=asc`)).body.items;
    expect(items.map((s: { amountFen: number; supplier: string; credited: string; certified: boolean }) => [s.amountFen, s.supplier, s.credited, s.certified])).toEqual([
      [123_450, supplier.name, credited.name, false],
      [9_900, '外县某合作社', '某上海企业', false],
    ]);
  });

  it('refuses wrong headers, binary files, other encodings and empty files at once, with a clear message', async () => {
    let res = await t.upload('/api/v1/sales/imports?fileName=x.csv', '日期,金额\n2024-01-01,5\n', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('缺少列 销售日期');
    res = await t.upload('/api/v1/sales/imports?fileName=x.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]), 'text/csv');
    expect(res.body.message).toContain('不是文本');
    res = await t.upload('/api/v1/sales/imports?fileName=x.csv', Buffer.from([0xcf, 0xfa, 0xca, 0xdb, 0xc8, 0xd5, 0xc6, 0xda, 0x0a]) /* 销售日期 in GBK */, 'text/csv');
    expect(res.body.message).toContain('UTF-8');
    res = await t.upload('/api/v1/sales/imports?fileName=x.csv', '', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('空');
    res = await t.upload('/api/v1/sales/imports?fileName=x.xlsx', 'not a zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.body.message).toContain('不是 Excel');
    expect((await t.call('GET', '/api/v1/sales/imports')).body.items.every((i: { fileName: string }) => i.fileName !== 'x.csv')).toBe(true);
  });

  it('keeps answering other requests while an import runs', async () => {
    const res = await t.upload('/api/v1/sales/imports?fileName=big.csv', csv(rows(30_000, 300_000)), 'text/csv');
    let answeredDuringImport = 0;
    for (;;) {
      const health = await t.call('GET', '/api/v1/sales?pageSize=1');
      expect(health.status).toBe(200);
      const state = (await t.call('GET', `/api/v1/sales/imports/${res.body.id}`)).body;
      if (state.status === 'done' || state.status === 'failed') break;
      answeredDuringImport++;
      expect(state.progress).toBeGreaterThanOrEqual(0);
      // A client polls over the network; in-process calls that never leave the microtask queue would starve the file reads.
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(answeredDuringImport).toBeGreaterThan(3);
    expect((await finished(res.body.id)).status).toBe('done');
  });

  it('offers the templates, whose headers import back', async () => {
    const csvTemplate = await t.call('GET', '/api/v1/sales/import-template.csv');
    expect(csvTemplate.status).toBe(200);
    expect(String(csvTemplate.raw.rawPayload)).toContain('销售日期');
    expect((await t.call('GET', '/api/v1/sales/import-template.xlsx')).status).toBe(200);
    const imported = (await t.upload('/api/v1/sales/imports?fileName=two.csv', csv(rows(2, 400_000)), 'text/csv')).body;
    await finished(imported.id);
    const exported = await t.call('GET', `/api/v1/sales/export.xlsx?importId=${imported.id}`);
    expect(exported.status).toBe(200);
    const sheet = await rowsOf(exported.raw.rawPayload);
    expect(sheet.length).toBe(3);
    // The export's own columns (编号, 认定产品, 重复核实) are known to the import, so an edited export goes back in.
    const back = await t.upload('/api/v1/sales/imports?fileName=back.xlsx', await xlsxOf(sheet), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(back.status, JSON.stringify(back.body)).toBe(202);
    expect(await finished(back.body.id)).toMatchObject({ status: 'done', duplicates: 2 });
  });
});
