import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { auditCount, makeOrg } from '../../testing/factories.ts';
import { rowsOf, xlsxOf as sheet } from '../../testing/xlsx.ts';

const t = useTestApp();
const P = '/api/v1/place-tags';
let city: Caller;
let district: Caller;
let reader: Caller;
const paths = (res: { body: { issues: { path: string }[] } }) => res.body.issues.map((i) => i.path);

beforeAll(async () => {
  const minhang = await makeOrg(t, { name: '闵行区（标识测试）', regionCode: '310112' });
  city = (await t.userWith({ roles: ['city_admin'] })).caller;
  district = (await t.userWith({ roles: ['district_admin'], orgId: minhang.id, scopes: [{ orgId: minhang.id }, { regionCode: '533401' }] })).caller;
  reader = (await t.userWith({ roles: ['reader'], scopes: [{ regionCode: '632621' }] })).caller;
});

describe('place tags', () => {
  it('records a county tag and a village tag with names, lists them by region, tag and year, deletes one; every change audited', async () => {
    const before = await auditCount(t, 'place_tag');
    const county = await t.call('POST', P, { regionCode: '533401', tag: 'poverty_county', yearFrom: 2019, yearTo: 2020, sourceDocument: '云政发〔2020〕1号' }, city);
    expect(county.status).toBe(201);
    expect(county.body).toMatchObject({ regionCode: '533401', regionName: '香格里拉市', regionFullName: '云南省 迪庆藏族自治州 香格里拉市', tag: 'poverty_county', yearFrom: 2019, yearTo: 2020, isDemo: false });
    const village = await t.call('POST', P, { regionCode: '533401102201', tag: 'deep_poverty_village', yearFrom: 2017, sourceDocument: '  迪政办发〔2017〕9号 ' }, city);
    expect(village.status).toBe(201);
    expect(village.body).toMatchObject({ regionName: '联合村民委员会', yearTo: null, sourceDocument: '迪政办发〔2017〕9号' });

    // Reference data: any logged-in user reads every tag, in or out of its scope.
    const all = await t.call('GET', `${P}?region=533401`, undefined, reader);
    expect(all.status).toBe(200);
    expect(all.body.items.map((x: { tag: string }) => x.tag)).toEqual(['poverty_county', 'deep_poverty_village']);
    expect((await t.call('GET', `${P}?region=533401&year=2021`)).body.items.map((x: { id: number }) => x.id)).toEqual([village.body.id]);
    expect((await t.call('GET', `${P}?region=533401&year=2016`)).body.total).toBe(0);
    expect((await t.call('GET', `${P}?tag=poverty_county&year=2020`)).body.items.map((x: { id: number }) => x.id)).toEqual([county.body.id]);
    expect((await t.call('GET', `${P}?region=533401102`)).body.total).toBe(1);

    expect((await t.call('DELETE', `${P}/${county.body.id}`, undefined, city)).status).toBe(204);
    expect((await t.call('DELETE', `${P}/${county.body.id}`, undefined, city)).status).toBe(404);
    expect(await auditCount(t, 'place_tag')).toBe(before + 3);
    await t.call('DELETE', `${P}/${village.body.id}`, undefined, city);
  });

  it('lets only city-wide users write: a district administrator holding org:write is refused, a reader too', async () => {
    const body = { regionCode: '533401', tag: 'key_county', yearFrom: 2021, sourceDocument: '国家乡村振兴重点帮扶县名单' };
    const refused = await t.call('POST', P, body, district);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('市级');
    expect((await t.call('POST', P, body, reader)).status).toBe(403);
    const made = await t.call('POST', P, body, city);
    expect((await t.call('DELETE', `${P}/${made.body.id}`, undefined, district)).status).toBe(403);
    expect((await t.call('DELETE', `${P}/${made.body.id}`)).status).toBe(204);
  });

  it('checks the level of the place, the years, the source document and overlaps, naming the field in Chinese', async () => {
    const post = (body: Record<string, unknown>) => t.call('POST', P, { regionCode: '533401', tag: 'poverty_county', yearFrom: 2019, sourceDocument: '某文件', ...body });
    const village = await post({ regionCode: '533401102201' });
    expect(village.status).toBe(400);
    expect(paths(village)).toEqual(['regionCode']);
    expect(village.body.message).toContain('6 位');
    const countyAsVillage = await post({ tag: 'relocation_site' });
    expect(paths(countyAsVillage)).toEqual(['regionCode']);
    // Six digits but not a county: a prefecture-level code padded with zeros does not exist; a city district's does and is level 3.
    const unknown = await post({ regionCode: '533499' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('未知的区划代码');
    const township12 = await post({ regionCode: '533401102999', tag: 'poverty_village' });
    expect(paths(township12)).toEqual(['regionCode']);
    expect(paths(await post({ yearTo: 2018 }))).toEqual(['yearTo']);
    expect((await post({ yearTo: 2018 })).body.message).toContain('截止年度不能早于起始年度');
    expect(paths(await post({ sourceDocument: '   ' }))).toEqual(['sourceDocument']);
    expect(paths(await post({ yearFrom: 1900 }))).toEqual(['yearFrom']);
    expect(paths(await post({ tag: 'poor' }))).toEqual(['tag']);

    const first = await post({ yearFrom: 2016, yearTo: 2020 });
    expect(first.status).toBe(201);
    const overlapping = await post({ yearFrom: 2020, yearTo: null });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.message).toContain('2016–2020 年');
    expect((await post({ yearFrom: 2016 })).status).toBe(409);
    const after = await post({ yearFrom: 2021 });
    expect(after.status).toBe(201);
    for (const id of [first.body.id, after.body.id]) await t.call('DELETE', `${P}/${id}`);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const res = await t.call('GET', `${P}?year=abc`);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['year']);
    expect(paths(await t.call('GET', `${P}?tag=x`))).toEqual(['tag']);
  });
});

describe('place tag spreadsheets', () => {
  const heads = ['区划代码', '标识', '起始年度', '截止年度', '依据文件'];

  it('offers a template with the source document column', async () => {
    const res = await t.call('GET', `${P}/import-template.xlsx`, undefined, reader);
    expect(res.status).toBe(200);
    const [headers, example] = await rowsOf(res.raw.rawPayload);
    expect(headers).toEqual(heads);
    expect(example).toEqual(['533401', '脱贫县', 2019, 2020, '云政发〔2020〕15号']);
  });

  it('imports all or nothing, naming each bad row and column; only city-wide users import', async () => {
    const bad = await sheet([
      heads,
      ['533401', '脱贫县', 2019, 2020, '云政发〔2020〕15号'],
      [533401102201, '深度贫困村', 2017, 2020, '迪政办发〔2017〕9号'],
      ['533401102202', '贫困村', 2017, null, '某文件'],
      ['533401102203', '脱贫村', 2019, 2018, '某文件'],
      ['533401', '脱贫村', 2019, null, '某文件'],
      ['533401101201', '脱贫村', 2019, null, null],
    ]);
    const refused = await t.call('POST', `${P}/import`, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.details.errors.map((e: { row: number; column: string | null }) => `${e.row}:${e.column}`)).toEqual(['4:标识', '5:截止年度', '6:区划代码', '7:依据文件']);
    expect(refused.body.message).toContain('第 4 行「标识」');
    expect((await t.call('GET', P)).body.total).toBe(0);
    expect((await t.call('POST', `${P}/import`, bad, district)).status).toBe(403);

    const good = await sheet([heads, ['533401', '脱贫县', 2019, 2020, '云政发〔2020〕15号'], [533401102201, '深度贫困村', 2017, 2020, '迪政办发〔2017〕9号']]);
    const ok = await t.call('POST', `${P}/import`, good, city);
    expect(ok.body).toMatchObject({ total: 2, imported: 2, skippedRows: 0 });
    // The same rows again overlap what is there: nothing lands.
    const again = await t.call('POST', `${P}/import`, good, city);
    expect(again.status).toBe(400);
    expect(again.body.details.errors.map((e: { row: number; column: string | null }) => `${e.row}:${e.column}`)).toEqual(['2:起始年度', '3:起始年度']);
  });

  it('exports the filtered list with region names and labels, and the export imports back as the same rows', async () => {
    const res = await t.call('GET', `${P}/export.xlsx?region=533401&year=2020`, undefined, reader);
    expect(res.status).toBe(200);
    const rows = await rowsOf(res.raw.rawPayload);
    expect(rows).toEqual([
      ['区划代码', '区划名称', '标识', '起始年度', '截止年度', '依据文件'],
      ['533401', '云南省 迪庆藏族自治州 香格里拉市', '脱贫县', 2019, 2020, '云政发〔2020〕15号'],
      ['533401102201', '云南省 迪庆藏族自治州 香格里拉市 小中甸镇 联合村民委员会', '深度贫困村', 2017, 2020, '迪政办发〔2017〕9号'],
    ]);
    const items = (await t.call('GET', P)).body.items as { id: number }[];
    for (const x of items) await t.call('DELETE', `${P}/${x.id}`);
    const back = await t.call('POST', `${P}/import`, Buffer.from(res.raw.rawPayload));
    expect(back.body).toMatchObject({ total: 2, imported: 2 });
  });
});
