import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { makeOrg } from '../../testing/factories.ts';
import { xlsxOf as sheet } from '../../testing/xlsx.ts';

const t = useTestApp();
let origin: { name: string };
let host: { name: string };


beforeAll(async () => {
  origin = await makeOrg(t, { type: 'department', regionCode: '310112' });
  host = await makeOrg(t, { side: 'west', type: 'party_government', regionCode: '533401' });
});

describe('spreadsheets of dispatched people and labor cooperation', () => {
  it('imports dispatches, registering each person once and defaulting a cadre’s term to three years', async () => {
    const file = await sheet([
      ['姓名', '派出单位', '类别', '援助方向', '接收单位', '岗位', '开始日期'],
      ['张援滇', origin.name, '党政干部', '援滇', host.name, '挂职副县长', '2021-07-01'],
      ['李老师', '上海市某中学', '专业技术人才（教师）', '援滇', host.name, '支教', '2021-09-01'],
      ['张援滇', origin.name, '党政干部', '援滇', host.name, '挂职副县长', '2023-07-01'],
    ]);
    const refused = await t.call('POST', '/api/v1/dispatches/import', file);
    expect(refused.status).toBe(400);
    expect(refused.body.details.errors.map((e: { row: number }) => e.row)).toEqual([4]); // overlaps row 2's term
    const res = await t.call('POST', '/api/v1/dispatches/import?skipInvalid=true', file);
    expect(res.body).toMatchObject({ imported: 2 });
    const list = await t.call('GET', '/api/v1/dispatches?q=张援滇');
    expect(list.body.items).toMatchObject([{ termStart: '2021-07-01', termEnd: '2024-06-30', hostOrgName: host.name }]);
    expect((await t.call('GET', '/api/v1/persons?q=张援滇')).body.total).toBe(1);
  });

  it('imports monthly placements all or nothing, refusing negative counts and duplicate periods by row', async () => {
    const heads = ['年度', '月份', '县代码', '去向', '脱贫人口就业人数', '监测对象就业人数'];
    const bad = await sheet([heads, [2023, 6, '533401', '转移到上海', 35, 4], [2023, 6, '533401', '转移到上海', 5, 0], [2023, 7, '533401', '就地就近就业', -3, 0]]);
    const refused = await t.call('POST', '/api/v1/labor/placements/import', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.details.errors.map((e: { row: number; column: string | null }) => `${e.row}:${e.column}`)).toEqual(['3:月份', '4:脱贫人口就业人数']);
    expect((await t.call('GET', '/api/v1/labor/placements')).body.total).toBe(0);
    const ok = await t.call('POST', '/api/v1/labor/placements/import', await sheet([heads, [2023, 6, '533401', '转移到上海', 35, 4], [2023, 7, '533401', '就地就近就业', 12, 1]]));
    expect(ok.body).toMatchObject({ imported: 2, skipped: [] });
    const summary = await t.call('GET', '/api/v1/labor/summary?county=533401&year=2023');
    expect(summary.body.total.placements.total).toEqual({ poor: 47, monitored: 5 });
  });

  it('imports retention follow-ups, refusing more still employed than were placed', async () => {
    const heads = ['县代码', '输出年度', '输出月份', '输出人数', '6个月后仍在岗人数'];
    const res = await t.call('POST', '/api/v1/labor/retention/import', await sheet([heads, [533401, 2023, 6, 39, 33], [533401, 2023, 7, 10, 12]]));
    expect(res.status).toBe(400);
    expect(res.body.details.errors).toMatchObject([{ row: 3, column: '6个月后仍在岗人数' }]);
    const ok = await t.call('POST', '/api/v1/labor/retention/import', await sheet([heads, ['533401', 2023, 6, 39, 33]]));
    expect(ok.body).toMatchObject({ imported: 1 });
  });
});
