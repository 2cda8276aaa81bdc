import { describe, expect, it } from 'vitest';
import { dateText, draftItem, moneyText, type ActivityFacts } from './editions.prose.ts';
import { amountsIn } from '../bulletins/bulletins.facts.ts';
import { chineseNumber } from './editions.layout.ts';

const activity = (o: Partial<ActivityFacts> = {}): ActivityFacts => ({
  id: 1, type: 'visit', title: '区委书记带队赴香格里拉市考察', startDate: '2024-04-02', endDate: '2024-04-03', leader: '区委书记张明', delegationSize: 12, narrative: null,
  leadOrgName: '闵行区合作交流办', places: ['香格里拉市'], orgs: [], agreements: [], donations: [], projects: [], trainings: [], ...o,
});

describe('an item in the bulletins’ register', () => {
  it('writes money exactly: 万元 when exact to two places there, else 元 with its fen', () => {
    expect(moneyText(52_700_000)).toBe('52.7万元');
    expect(moneyText(1_000_000)).toBe('1万元');
    expect(moneyText(123_450_000)).toBe('123.45万元');
    expect(moneyText(123_456_700)).toBe('1234567元');
    expect(moneyText(850_000)).toBe('8500元');
    expect(moneyText(12_345)).toBe('123.45元');
    // Whatever the form, the reader gets the recorded amount back.
    for (const fen of [52_700_000, 123_456_700, 12_345, 987_654_321_00]) expect(amountsIn(`捐赠资金${moneyText(fen)}。`)[0].yuan).toBe(fen / 100);
  });

  it('writes dates without the year, ranges within a month or across months and years', () => {
    expect(dateText('2024-04-02', '2024-04-02')).toBe('4月2日');
    expect(dateText('2024-04-02', '2024-04-03')).toBe('4月2日至3日');
    expect(dateText('2024-03-30', '2024-04-02')).toBe('3月30日至4月2日');
    expect(dateText('2024-12-30', '2025-01-02')).toBe('12月30日至2025年1月2日');
  });

  it('says when, who, where and what, then what the activity produced', () => {
    const item = draftItem(activity({
      orgs: ['区教育局', '区卫健委'],
      agreements: [{ title: '2024年东西部协作协议', year: 2024, pledgedFen: 3_000_000_000 }],
      donations: [{ donor: '区慈善基金会', kind: 'cash', valueFen: 50_000_000, purpose: '助学' }, { donor: null, kind: 'goods', valueFen: 1_234_500, purpose: '冬衣200件' }],
      trainings: [{ title: '乡村医生培训班', participants: 40, personTimes: 120 }],
    }));
    expect(item).toMatchObject({ section: '重要活动', title: '区委书记带队赴香格里拉市考察', activityId: 1, date: '2024-04-02' });
    expect(item.body).toBe(
      '4月2日至3日，区委书记张明带领闵行区合作交流办一行12人赴香格里拉市开展考察调研。区教育局、区卫健委参加。' +
        '活动中，签订《2024年东西部协作协议》，协议资金3000万元；区慈善基金会捐赠资金50万元，用于助学；捐赠冬衣200件，价值12345元；举办乡村医生培训班，培训40人、120人次。',
    );
  });

  it('uses a narrative read from a bulletin as it stands, without its provenance line', () => {
    const narrative = '3月25日，香格里拉市举办松茸直播带货活动，3小时销售额52.7万元。\n\n（来源：简报2020-3.txt，第 4 条）';
    expect(draftItem(activity({ type: 'livestream', narrative })).body).toBe('3月25日，香格里拉市举办松茸直播带货活动，3小时销售额52.7万元。');
  });

  it('tells a narrative after the date instead of the sentence made from the fields', () => {
    const item = draftItem(activity({ narrative: '区委书记张明带队赴香格里拉市考察产业项目', trainings: [{ title: '区委书记带队赴香格里拉市考察', participants: 3, personTimes: 3 }] }));
    expect(item.body).toBe('4月2日至3日，区委书记张明带队赴香格里拉市考察产业项目。活动中，共培训3人、3人次。');
  });

  it('falls back to the title when it does not know who acted', () => {
    expect(draftItem(activity({ type: 'other', leader: null, leadOrgName: null, delegationSize: null, title: '区人社局组织专场招聘会', startDate: '2024-03-28', endDate: '2024-03-28' })))
      .toMatchObject({ section: '工作动态', body: '3月28日，区人社局组织专场招聘会。' });
  });

  it('numbers sections in Chinese', () => {
    expect([1, 2, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '二', '十', '十一', '二十', '二十三']);
  });
});
