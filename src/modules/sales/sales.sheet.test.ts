import { describe, expect, it } from 'vitest';
import { ALL } from '../../platform/access/scope.ts';
import { saleInput, type SaleInput } from './sales.contract.ts';
import { SaleRefs } from './sales.refs.ts';
import { EXPORT_COLUMNS, FieldChecks, headerOf, RowReader } from './sales.sheet.ts';
import { checkHeaders } from '../../platform/excel/workbook.ts';

const valid = {
  soldOn: '2024-03-05', periodEnd: null, productId: null, category: 'fungi', supplierId: 3, supplierName: null, countyCode: null, channel: 'counter',
  buyerType: 'individual', creditedOrgId: 5, creditedName: null, amountFen: 12_345, quantity: 2.5, unit: '斤', households: 4, activityId: null, note: null,
};
const CASES: Record<string, unknown>[] = [
  valid,
  { ...valid, supplierId: null, supplierName: '  外县合作社 ', countyCode: '533401', creditedOrgId: null, creditedName: '某企业' },
  { ...valid, soldOn: '2024-02-30' },
  { ...valid, soldOn: '1899-12-31' },
  { ...valid, periodEnd: '2024-13-01', amountFen: 0 },
  { ...valid, countyCode: '5334' },
  { ...valid, channel: 'pigeon' },
  { ...valid, amountFen: 1.5 },
  { ...valid, amountFen: 1e15, households: -1 },
  { ...valid, quantity: -2 },
  { ...valid, households: 2.5 },
  { ...valid, activityId: 0 },
  { ...valid, unit: '斤'.repeat(21) },
  { ...valid, note: 'x'.repeat(501), supplierName: 'y'.repeat(201) },
];

/** What parsing the object whole says: the value, or the first issue as the import reports it. */
function whole(input: Record<string, unknown>) {
  const r = saleInput.safeParse(input);
  return r.success ? { value: r.data } : { column: headerOf(r.error.issues[0].path.join('.')), message: r.error.issues[0].message };
}
function byField(checks: FieldChecks, input: Record<string, unknown>) {
  try {
    return { value: checks.check({ ...input }) };
  } catch (err) {
    return { column: (err as { column: string | null }).column, message: (err as Error).message };
  }
}

describe('checking a file row field by field', () => {
  it('says what parsing the object whole says, for good and bad rows, seen once or again', () => {
    const checks = new FieldChecks();
    for (let round = 0; round < 2; round++) for (const input of CASES) expect(byField(checks, input), JSON.stringify(input)).toEqual(whole(input));
  });

  it('reads repeated cells once but each row for itself, errors included', () => {
    const refs = new SaleRefs(ALL, '2099-12-31');
    const reader = new RowReader(checkHeaders(['销售日期', '供应主体', '品类', '县代码', '销售渠道', '购买方类型', '计入单位', '金额（元）', '数量'], EXPORT_COLUMNS), refs);
    const row = (amount: string, quantity = '3') => ['2024-03-05', '外县合作社', '菌菇', '533401', '专柜', '个人', '某企业', amount, quantity];
    const inputs: SaleInput[] = [reader.input(row('1.50')), reader.input(row('2')), reader.input(row('1.50', '1,200'))];
    expect(inputs.map((i) => [i.amountFen, i.quantity, i.supplierName, i.channel])).toEqual([[150, 3, '外县合作社', 'counter'], [200, 3, '外县合作社', 'counter'], [150, 1200, '外县合作社', 'counter']]);
    for (let i = 0; i < 2; i++) expect(() => reader.input(row('1.50', '-1'))).toThrow('应为大于 0 的数字');
    expect(() => reader.input(['2024-02-30', ...row('1').slice(1)])).toThrow('不是有效的日期');
  });
});
