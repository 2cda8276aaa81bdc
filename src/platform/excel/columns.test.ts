import { describe, expect, it } from 'vitest';
import { parseCell, yuanToFen, type Column } from './columns.ts';

const col = (kind: Column['kind'], extra: Partial<Column> = {}): Column => ({ header: '列', key: 'k', kind, ...extra });

describe('reading cells', () => {
  it('turns yuan into exact fen, from numbers and from text', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(123456.78)).toBe(12345678);
    expect(yuanToFen('1,234.5')).toBe(123450);
    expect(yuanToFen(50_000_000)).toBe(5_000_000_000);
  });

  it('refuses text, negative amounts and fractions of a fen', () => {
    expect(() => yuanToFen('十万')).toThrow('应为金额');
    expect(() => yuanToFen(-5)).toThrow('负数');
    expect(() => yuanToFen(1.234)).toThrow('两位小数');
  });

  it('reads dates written the ways offices write them', () => {
    expect(parseCell(col('date'), new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01');
    expect(parseCell(col('date'), '2024/3/1')).toBe('2024-03-01');
    expect(parseCell(col('date'), '2024年3月1日')).toBe('2024-03-01');
    expect(() => parseCell(col('date'), '2024-02-30')).toThrow('有效的日期');
    expect(() => parseCell(col('date'), '近日')).toThrow('应为日期');
  });

  it('reads enums by their Chinese label, and says which labels are allowed', () => {
    const c = col('enum', { labels: { city: '市级', district: '区级' } });
    expect(parseCell(c, '区级')).toBe('district');
    expect(() => parseCell(c, '省级')).toThrow('市级、区级');
  });

  it('reads a decimal quantity (亩) with at most two decimals, from numbers and from text', () => {
    expect(parseCell(col('decimal'), 1000.5)).toBe(1000.5);
    expect(parseCell(col('decimal'), '1,200.25')).toBe(1200.25);
    expect(parseCell(col('decimal'), 0.1 + 0.2)).toBe(0.3);
    expect(() => parseCell(col('decimal'), 1.234)).toThrow('最多两位小数');
    expect(() => parseCell(col('decimal'), -1)).toThrow('不能为负数');
    expect(() => parseCell(col('decimal'), '一千亩')).toThrow('应为数字');
  });

  it('refuses text in an integer column and empty required cells', () => {
    expect(() => parseCell(col('int'), '五十七')).toThrow('整数');
    expect(parseCell(col('int'), { formula: 'A1+1', result: 58 })).toBe(58);
    expect(() => parseCell(col('text', { required: true }), '  ')).toThrow('必填');
  });
});
