import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { makeOrg } from '../../testing/factories.ts';
import { XLSX } from '../../platform/http/files.ts';
import { xlsxOf } from '../../testing/xlsx.ts';

const t = useTestApp();
const HEADERS = ['项目名称', '开始年度', '结束年度', '项目层级', '项目类别', '项目地点区划代码', '帮扶方单位', '上海财政援助（元）', '建设内容', '受益人数', '建档立卡人数'];
let eastName: string;

const xlsx = (headers: string[], rows: unknown[][], edit?: Parameters<typeof xlsxOf>[1]) => xlsxOf([headers, ...rows], edit);

const upload = (url: string, file: Buffer) =>
  t.app.inject({ method: 'POST', url, payload: file, headers: { 'content-type': XLSX, cookie: (t.admin as { cookie: string }).cookie, 'x-csrf-token': (t.admin as { csrf: string }).csrf } });
const projectCount = async () => Number((await t.database.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const row = (name: string, over: Partial<Record<number, unknown>> = {}) => {
  const r: unknown[] = [name, 2024, 2024, '区级', '产业发展', '533401102', eastName, 1_000_000.5, '建设大棚', 300, 100];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
  return r;
};

beforeAll(async () => {
  eastName = (await makeOrg(t, { type: 'party_government', regionCode: '310112' })).name;
});

describe('importing projects from Excel', () => {
  it('offers a template with Chinese headers and notes that reads back', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects/import-template.xlsx', headers: { cookie: (t.admin as { cookie: string }).cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目', '填写说明']);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toContain('项目地点区划代码');
  });

  it('imports every row of a valid file, with exact money', async () => {
    const before = await projectCount();
    const res = await upload('/api/v1/projects/import', await xlsx(HEADERS, [row('导入项目甲'), row('导入项目乙')]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, imported: 2, skipped: [] });
    expect(await projectCount()).toBe(before + 2);
    const p = await t.database.db.selectFrom('projects').selectAll().where('name', '=', '导入项目甲').executeTakeFirstOrThrow();
    expect(p.fund_shanghai_fen).toBe(100_000_050);
  });

  it('imports nothing when any row is invalid, naming each row and column', async () => {
    const before = await projectCount();
    const file = await xlsx(HEADERS, [row('好的一行'), row('坏的一行', { 1: '二〇二四', 3: '省级' }), row('另一坏行', { 5: '999999' }), row('第三坏行', { 10: 400 })]);
    const res = await upload('/api/v1/projects/import', file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.message).toContain('未导入任何数据');
    const where = body.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(where).toEqual(expect.arrayContaining(['3:开始年度', '3:项目层级', '4:项目地点区划代码', '5:建档立卡人数']));
    expect(body.issues[0].path).toMatch(/^第 3 行「/);
    expect(await projectCount()).toBe(before);
  });

  it('imports the valid rows and lists the skipped ones when asked to skip invalid rows', async () => {
    const before = await projectCount();
    const res = await upload('/api/v1/projects/import?skipInvalid=true', await xlsx(HEADERS, [row('跳过测试好行'), row('跳过测试坏行', { 7: '一百万' })]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, imported: 1, skippedRows: 1, skipped: [{ row: 3, column: '上海财政援助（元）' }] });
    expect(await projectCount()).toBe(before + 1);
  });

  it('refuses wrong headers, merged cells and files that are not workbooks', async () => {
    const wrong = await upload('/api/v1/projects/import', await xlsx(['名称', ...HEADERS.slice(1)], [row('x')]));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/缺少列 项目名称.*未知的列：名称/);
    const merged = await upload('/api/v1/projects/import', await xlsx(HEADERS, [row('合并甲'), row('合并乙')], (ws) => ws.mergeCells('D2:D3')));
    expect(merged.json().message).toContain('合并单元格');
    const text = await upload('/api/v1/projects/import', Buffer.from('项目名称,开始年度\n甲,2024'));
    expect(text.json().message).toContain('不是 Excel');
  });

  it('refuses 100,000 rows with a clear limit, and keeps answering other requests meanwhile', async () => {
    const big = await xlsx(HEADERS, Array.from({ length: 100_000 }, (_, i) => row(`批量${i}`)));
    const [res, health] = await Promise.all([upload('/api/v1/projects/import', big), t.call('GET', '/api/v1/health')]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/100000 行数据，超过单次导入上限 5000 行/);
    expect(health.status).toBe(200);
  }, 120_000);
});

describe('exporting and fund transactions', () => {
  it('exports the filtered list with the import columns, money in yuan', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects/export.xlsx?q=导入项目甲', headers: { cookie: (t.admin as { cookie: string }).cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as string[]).slice(1);
    const values = (ws.getRow(2).values as unknown[]).slice(1);
    expect(ws.actualRowCount).toBe(2);
    expect(values[headers.indexOf('项目名称')]).toBe('导入项目甲');
    expect(values[headers.indexOf('上海财政援助（元）')]).toBe(1_000_000.5);
    expect(values[headers.indexOf('状态')]).toBe('储备（项目库）');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'project').where('action', '=', 'export').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('imports fund transactions row by row against the money rules, all or nothing', async () => {
    const p = (await t.call('POST', '/api/v1/projects', {
      name: '资金导入项目', startYear: 2024, endYear: 2024, level: 'district', category: 'industry', regionCode: '533401102',
      funds: { shanghaiFen: 100_000_00 }, content: '建设', expectedBenefits: '增收', budgetItems: [{ item: '建设', amountFen: 100_000_00 }], milestones: [{ name: '完工', dueOn: '2024-12-31' }],
    })).body;
    for (const [to, extra] of [['submitted', {}], ['reviewed', {}], ['approved', { documentNo: '批复', approvedFen: 100_000_00 }]] as const) {
      expect((await t.call('POST', `/api/v1/projects/${p.id}/transitions`, { to, onDate: '2024-03-01', ...extra })).status).toBe(200);
    }
    const heads = ['项目编号', '类型', '金额（元）', '日期', '文号'];
    const over = await xlsx(heads, [[p.code, '下达', 60000, '2024-03-05', 'a'], [p.code, '下达', 50000, '2024-03-06', 'b'], [p.code, '支出', 1, '2024-03-07', 'c']]);
    const rejected = await upload('/api/v1/fund-transactions/import', over);
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:金额（元）', '4:金额（元）']);
    expect((await t.call('GET', `/api/v1/projects/${p.id}`)).body.totals.allocatedFen).toBe(0);
    const skipped = await upload('/api/v1/fund-transactions/import?skipInvalid=true', over);
    expect(skipped.json()).toMatchObject({ imported: 1, skipped: [{ row: 3 }, { row: 4 }] });
    expect((await t.call('GET', `/api/v1/projects/${p.id}`)).body.totals.allocatedFen).toBe(60_000_00);
  });
});
