import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { makeOrg } from '../../testing/factories.ts';
import { xlsxOf as sheet } from '../../testing/xlsx.ts';

const t = useTestApp();
let east: { name: string };
let west: { name: string };


beforeAll(async () => {
  east = await makeOrg(t, { type: 'department', regionCode: '310112' });
  west = await makeOrg(t, { side: 'west', type: 'department', regionCode: '533401' });
});

describe('spreadsheets of activities, donations and trainings', () => {
  it('imports activities with their places and organisations named as offices write them', async () => {
    const file = await sheet([
      ['类型', '标题', '开始日期', '结束日期', '地点区划代码', '牵头单位', '参与单位', '人数'],
      ['考察/调研', '赴香格里拉考察', '2020-08-19', '2020-08-23', '533401、533401102', east.name, west.name, 6],
    ]);
    const res = await t.call('POST', '/api/v1/activities/import', file);
    expect(res.body).toMatchObject({ imported: 1, skipped: [] });
    const list = await t.call('GET', '/api/v1/activities?q=赴香格里拉考察');
    expect(list.body.items[0]).toMatchObject({ countyCode: '533401', delegationSize: 6, places: [{ code: '533401' }, { code: '533401102' }], orgs: [{ name: west.name }] });
  });

  it('refuses a donation file with a row without value or with an unknown organisation, naming row and column', async () => {
    const file = await sheet([
      ['捐赠方', '受赠单位', '类型', '金额或价值（元）', '捐赠日期'],
      ['锦天城律师事务所', west.name, '资金', 100000, '2020-08-21'],
      ['尊源恒律师事务所', west.name, '资金', null, '2020-08-21'],
      ['融力天闻律师事务所', '不存在的单位', '资金', 100000, '2020-08-21'],
    ]);
    const res = await t.call('POST', '/api/v1/donations/import', file);
    expect(res.status).toBe(400);
    expect(res.body.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:金额或价值（元）', '4:受赠单位']);
    expect((await t.call('GET', '/api/v1/donations')).body.total).toBe(0);
  });

  it('exports trainings and imports them back unchanged', async () => {
    const file = await sheet([
      ['培训名称', '类型', '主办单位', '地点区划代码', '开始日期', '结束日期', '培训对象', '批次', '人数', '人次', '受训人员所在县代码'],
      ['英语教师培训', '培训', east.name, '533401', '2020-07-10', '2020-07-14', '教师', 1, 64, 64, '533401'],
      ['人次少于人数', '培训', east.name, '533401', '2020-07-10', '2020-07-14', '教师', 1, 64, 10, '533401'],
    ]);
    const refused = await t.call('POST', '/api/v1/trainings/import', file);
    expect(refused.body.details.errors).toEqual([{ row: 3, column: '人次', reason: '人次不能少于人数' }]);
    expect((await t.call('POST', '/api/v1/trainings/import?skipInvalid=true', file)).body).toMatchObject({ imported: 1 });
    const exported = await t.call('GET', '/api/v1/trainings/export.xlsx');
    await t.database.db.deleteFrom('trainings').execute();
    const again = await t.call('POST', '/api/v1/trainings/import', exported.body);
    expect(again.body).toMatchObject({ imported: 1, skipped: [] });
    const [one] = (await t.call('GET', '/api/v1/trainings')).body.items;
    expect(one).toMatchObject({ title: '英语教师培训', participants: 64, personTimes: 64, placeRegion: '533401', organiserName: null });
  });
});
