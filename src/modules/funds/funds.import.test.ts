import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount } from '../../testing/factories.ts';
import { xlsxOf } from '../../testing/xlsx.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { importFundTransactions } from './funds.excel.ts';

const t = useTestApp();
const HEADERS = ['项目编号', '类型', '金额（元）', '日期', '文号'];
let approved: string;
let other: string;
let reserve: string;

/** A project approved for 100,000 元 (or left in the reserve). */
async function project(approve: boolean): Promise<string> {
  const p = (await t.call('POST', '/api/v1/projects', {
    name: '资金表项目', startYear: 2024, endYear: 2024, level: 'district', category: 'industry', regionCode: '533401102',
    funds: { shanghaiFen: 100_000_00 }, content: '建设', expectedBenefits: '增收', budgetItems: [{ item: '建设', amountFen: 100_000_00 }], milestones: [{ name: '完工', dueOn: '2024-12-31' }],
  })).body;
  if (!approve) return p.code;
  for (const [to, extra] of [['submitted', {}], ['reviewed', {}], ['approved', { documentNo: '批复', approvedFen: 100_000_00 }]] as const) {
    expect((await t.call('POST', `/api/v1/projects/${p.id}/transitions`, { to, onDate: '2024-03-01', ...extra })).status).toBe(200);
  }
  return p.code;
}

const sheet = (rows: unknown[][]) => xlsxOf([HEADERS, ...rows]);
const stored = () => t.database.db.selectFrom('fund_transactions').selectAll().orderBy('id').execute();
const failure = async (work: Promise<unknown>) => {
  const err = (await work.then(() => null, (e: unknown) => e)) as AppError | null;
  if (!err) throw new Error('the import should have been refused');
  return (err.details as { errors: { row: number; column: string | null; reason: string }[] }).errors.map((e) => `${e.row}:${e.column ?? ''}:${e.reason}`);
};

beforeAll(async () => {
  [approved, other, reserve] = [await project(true), await project(true), await project(false)];
});

describe('the fund sheet, checked set-based', () => {
  it('reports every row’s problem against the running sums and writes nothing', async () => {
    const [before, audits] = [await stored(), await auditCount(t)];
    const errors = await failure(importFundTransactions(t.database.db, systemContext, await sheet([
      [approved, '下达', 60000, '2024-03-05', 'a'],
      ['没有的编号', '下达', 1, '2024-03-05', 'b'],
      [reserve, '下达', 1, '2024-03-05', 'c'],
      [approved, '下达', 50000, '2024-03-06', 'd'],
      [approved, '拨付', 60000, '2024-03-07', 'e'],
      [approved, '拨付', 1, '2024-03-07', 'f'],
      [approved, '下达', 0, '2024-03-08', 'g'],
      [other, '支出', 1, '2024-03-08', 'h'],
    ]), false));
    expect(errors).toEqual([
      '3:项目编号:找不到项目「没有的编号」（或不在您的数据范围内）',
      '4:类型:项目状态不允许',
      '5:金额（元）:下达后累计 110000.00 元，超过批复金额 100000.00 元',
      '7:金额（元）:拨付后累计 60001.00 元（含待会签 60000.00 元），超过已下达 60000.00 元',
      '8:金额（元）:金额必须大于 0',
      '9:金额（元）:支出后累计 1.00 元，超过已拨付（扣除退回）0.00 元',
    ]);
    expect(await stored()).toEqual(before);
    expect(await auditCount(t)).toBe(audits);
  });

  it('refuses a sheet with no valid row even when invalid rows are to be skipped, recording nothing (found by the fuzz test)', async () => {
    const [before, audits] = [await stored(), await auditCount(t)];
    const errors = await failure(importFundTransactions(t.database.db, systemContext, await sheet([['没有的编号', '下达', 1, '2024-03-05', 'b'], [approved, '下达', 0, '2024-03-08', 'g']]), true));
    expect(errors).toEqual(['2:项目编号:找不到项目「没有的编号」（或不在您的数据范围内）', '3:金额（元）:金额必须大于 0']);
    expect(await stored()).toEqual(before);
    expect(await auditCount(t)).toBe(audits);
  });

  it('refuses the kinds the importer may not record', async () => {
    const clerk: RequestContext = { ...systemContext, permissions: new Set([...systemContext.permissions].filter((a) => a !== 'fund:allocate')) };
    const errors = await failure(importFundTransactions(t.database.db, clerk, await sheet([[other, '下达', 1, '2024-03-05', 'a']]), false));
    expect(errors).toEqual(['2::没有权限登记「下达」：需要「下达资金」']);
  });

  it('writes exactly the rows, each with its audit entry, disbursements pending their signatures', async () => {
    const [before, audits] = [await stored(), await auditCount(t, 'fund_transaction')];
    const result = await importFundTransactions(t.database.db, systemContext, await sheet([
      [other, '下达', 60000, '2024-03-05', '下达一'],
      [other, '下达', 40000, '2024-03-06', '下达二'],
      [other, '拨付', 30000, '2024-03-07', '拨付一'],
      [other, '拨付', 70000, '2024-03-08', '拨付二'],
    ]), false);
    expect(result).toMatchObject({ total: 4, imported: 4, skipped: [] });
    const added = (await stored()).slice(before.length);
    expect(added.map((r) => `${r.kind} ${r.amount_fen} ${r.status} ${r.document_no} ${r.on_date}`)).toEqual([
      'allocate 6000000 effective 下达一 2024-03-05', 'allocate 4000000 effective 下达二 2024-03-06', 'disburse 3000000 pending 拨付一 2024-03-07', 'disburse 7000000 pending 拨付二 2024-03-08',
    ]);
    expect(await auditCount(t, 'fund_transaction')).toBe(audits + 5); // four creations and the import
    const entries = await t.database.db.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', 'fund_transaction').where('action', '=', 'create').orderBy('id', 'desc').limit(4).execute();
    for (const r of added) {
      const entry = entries.find((e) => Number(e.entity_id) === r.id);
      expect(entry?.after).toEqual({ id: r.id, projectId: r.project_id, kind: r.kind, amountFen: r.amount_fen, onDate: r.on_date, documentNo: r.document_no, note: null, status: r.status, signatures: [], createdAt: r.created_at.toISOString() });
    }
  });
});
