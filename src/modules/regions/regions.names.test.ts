import { describe, expect, it } from 'vitest';
import { ancestorCodes, levelHint, shortName } from './regions.names.ts';

describe('shortName', () => {
  it.each([
    ['香格里拉市', '香格里拉'],
    ['迪庆藏族自治州', '迪庆'],
    ['红河哈尼族彝族自治州', '红河'],
    ['新疆维吾尔自治区', '新疆'],
    ['联合村民委员会', '联合'],
    ['和平村村民委员会', '和平'],
    ['多福巷社区居委会', '多福巷'],
    ['小中甸镇', '小中甸'],
    ['三坝纳西族乡', '三坝'],
    ['玛沁县', '玛沁'],
    ['上海市', '上海'],
    ['市辖区', '市辖区'],
    ['香市', '香市'],
  ])('%s → %s', (name, short) => expect(shortName(name)).toBe(short));

  it('treats a village written as 村 like its 村民委员会', () => {
    expect(shortName('联合村')).toBe(shortName('联合村民委员会'));
  });
});

describe('levelHint and ancestors', () => {
  it('reads the level from the written suffix', () => {
    expect(levelHint('联合村')).toEqual([5]);
    expect(levelHint('小中甸镇')).toEqual([4]);
    expect(levelHint('香格里拉')).toBeNull();
  });
  it('derives ancestors from the code digits', () => {
    expect(ancestorCodes('533401102201')).toEqual(['53', '5334', '533401', '533401102']);
    expect(ancestorCodes('53')).toEqual([]);
  });
});
