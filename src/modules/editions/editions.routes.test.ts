import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { makeOrg } from '../../testing/factories.ts';
import { sql } from 'kysely';

const t = useTestApp();

const districts = ['310101', '310104', '310105', '310106', '310107', '310109', '310110', '310113'];
/** A publisher in a district of its own with three activities in April 2024 (one with a donation) and one in May. */
async function recorded() {
  const publisher = await makeOrg(t, { side: 'east', regionCode: districts.shift() });
  const donation = (await t.call('POST', '/api/v1/donations', { donorName: '区慈善基金会', recipientRegion: '533401', kind: 'cash', valueFen: 50_000_000, purpose: '助学', donatedOn: '2024-04-03' })).body;
  const activity = async (body: Record<string, unknown>) => {
    const res = await t.call('POST', '/api/v1/activities', { regionCodes: ['533401'], leadOrgId: publisher.id, ...body });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: number };
  };
  const visit = await activity({ type: 'visit', title: '区委书记带队赴香格里拉市考察', startDate: '2024-04-02', endDate: '2024-04-03', leader: '区委书记张明', delegationSize: 12, links: [{ kind: 'donation', id: donation.id }] });
  const fair = await activity({ type: 'fair', title: '香格里拉农特产品展销会开幕', startDate: '2024-04-12', endDate: '2024-04-14' });
  const meeting = await activity({ type: 'meeting', title: '东西部协作联席会议召开', startDate: '2024-04-20', endDate: '2024-04-20' });
  await activity({ type: 'visit', title: '五月的考察', startDate: '2024-05-06', endDate: '2024-05-06' });
  return { publisher, visit, fair, meeting };
}

const base = (publisherOrgId: number, o: Record<string, unknown> = {}) => ({
  publisherOrgId, title: '沪滇协作简报', issuedOn: '2024-04-30', editor: '某区合作交流办', periodFrom: '2024-04-01', periodTo: '2024-04-30',
  distribution: { bao: ['市合作交流办'], song: ['区委办', '区政府办'], fa: ['各街镇'] }, copies: 30, ...o,
});

describe('composing a bulletin from the records', () => {
  it('drafts an item per activity of the period, grouped by section, and numbers issues per publisher, year and series', async () => {
    const { publisher, visit, fair, meeting } = await recorded();
    const res = await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const e = res.body;
    expect(e).toMatchObject({ year: 2024, issueNo: 1, totalNo: 1, numberLabel: '2024年第1期（总第1期）', status: 'draft', itemCount: 3 });
    expect(e.items.map((i: { activityId: number }) => i.activityId)).toEqual([visit.id, meeting.id, fair.id]);
    expect(e.items.map((i: { section: string }) => i.section)).toEqual(['重要活动', '重要活动', '消费帮扶']);
    expect(e.items[0].body).toBe('4月2日至3日，区委书记张明带领' + publisher.name + '一行12人赴香格里拉市开展考察调研。活动中，区慈善基金会捐赠资金50万元，用于助学。');

    expect((await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false }))).body).toMatchObject({ issueNo: 2, totalNo: 2, itemCount: 0 });
    const next = await t.call('GET', `/api/v1/bulletin-editions/next-numbers?publisher=${publisher.id}&title=${encodeURIComponent('沪滇协作简报')}&year=2025`);
    expect(next.body).toEqual({ issueNo: 1, totalNo: 3 });
    expect((await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false, issuedOn: '2025-01-10' }))).body).toMatchObject({ issueNo: 1, totalNo: 3 });
    expect((await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false, supplement: true }))).body).toMatchObject({ numberLabel: '2024年增刊第1期（总第1期）' });

    let used = await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false, issueNo: 2 }));
    expect(used.status).toBe(409);
    expect(used.body.issues).toEqual([{ path: 'issueNo', message: '期号已被使用' }]);
    expect(used.body.message).toContain('2024年第2期已有一期（草稿');
    used = await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false, issueNo: 9, totalNo: 1 }));
    expect(used.body).toMatchObject({ code: 'CONFLICT', issues: [{ path: 'totalNo' }] });
    const moved = await t.call('PATCH', `/api/v1/bulletin-editions/${e.id}`, { issueNo: 2 });
    expect(moved.status).toBe(409);
    expect((await t.call('PATCH', `/api/v1/bulletin-editions/${e.id}`, { issueNo: 7, totalNo: 7 })).body).toMatchObject({ numberLabel: '2024年第7期（总第7期）' });
  });

  it('refuses a composition without a period, a publisher out of scope, and an unknown activity in an item', async () => {
    const { publisher } = await recorded();
    let res = await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { periodFrom: null, periodTo: null }));
    expect(res.body).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'periodFrom' }] });
    res = await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { periodFrom: '2024-05-01', periodTo: '2024-04-01' }));
    expect(res.body.issues[0].path).toBe('periodTo');
    const other = await makeOrg(t, { side: 'east' });
    const frontline = await t.userWith({ roles: ['frontline'], orgId: publisher.id, scopes: [{ orgId: publisher.id }] });
    res = await t.call('POST', '/api/v1/bulletin-editions', base(other.id, { compose: false }), frontline.caller);
    expect(res.status).toBe(403);
    const own = (await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false }), frontline.caller)).body;
    res = await t.call('PUT', `/api/v1/bulletin-editions/${own.id}/items`, { items: [{ title: '条目', body: '正文', activityId: 999999 }] }, frontline.caller);
    expect(res.body).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'items.0.activityId' }] });
    expect((await t.call('GET', `/api/v1/bulletin-editions/${own.id}`, undefined, frontline.caller)).status).toBe(200);
  });

  it('edits items, goes 草稿 → 审核 → 印发 with the right roles, then stays frozen; a correction names what it corrects', async () => {
    const { publisher, fair } = await recorded();
    const e = (await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false }))).body;
    expect((await t.call('POST', `/api/v1/bulletin-editions/${e.id}/submit`)).body).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'items' }] });
    const items = [
      { section: '工作动态', title: '区人社局组织专场招聘会', body: '3月28日，区人社局组织专场招聘会，23家企业提供岗位560个。' },
      { section: '消费帮扶', title: '展销会开幕', body: '4月12日，展销会开幕。', activityId: fair.id },
    ];
    let res = await t.call('PUT', `/api/v1/bulletin-editions/${e.id}/items`, { items });
    expect(res.body.items.map((i: { position: number; title: string }) => [i.position, i.title])).toEqual([[1, '区人社局组织专场招聘会'], [2, '展销会开幕']]);
    res = await t.call('PUT', `/api/v1/bulletin-editions/${e.id}/items`, { items: [items[1], items[0]] });
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['展销会开幕', '区人社局组织专场招聘会']);

    const writer = await t.userWith({ roles: ['frontline'], orgId: publisher.id, scopes: [{ orgId: publisher.id }] });
    expect((await t.call('POST', `/api/v1/bulletin-editions/${e.id}/submit`, undefined, writer.caller)).body.status).toBe('review');
    expect((await t.call('POST', `/api/v1/bulletin-editions/${e.id}/issue`, undefined, writer.caller)).status).toBe(403);
    expect((await t.call('PATCH', `/api/v1/bulletin-editions/${e.id}`, { editor: '别的单位' })).status).toBe(422);
    expect((await t.call('POST', `/api/v1/bulletin-editions/${e.id}/return`, { reason: '' })).body.issues[0].path).toBe('reason');
    expect((await t.call('POST', `/api/v1/bulletin-editions/${e.id}/return`, { reason: '请补充招聘会的岗位类别' })).body).toMatchObject({ status: 'draft', returnReason: '请补充招聘会的岗位类别' });
    expect((await t.call('POST', `/api/v1/bulletin-editions/${e.id}/submit`)).body.returnReason).toBeNull();
    res = await t.call('POST', `/api/v1/bulletin-editions/${e.id}/issue`);
    expect(res.body).toMatchObject({ status: 'issued', issuedBy: expect.any(String), issuedAt: expect.any(String) });

    for (const [method, url, body] of [['PATCH', '', { editor: 'x单位' }], ['PUT', '/items', { items }], ['DELETE', '', undefined], ['POST', '/submit', undefined]] as const) {
      const refused = await t.call(method, `/api/v1/bulletin-editions/${e.id}${url}`, body);
      expect(refused.status, `${method} ${url}`).toBe(422);
      expect(refused.body.message).toContain('已印发');
    }
    await expect(sql`update bulletin_editions set editor = 'x' where id = ${e.id}`.execute(t.database.db)).rejects.toThrow(/issued/);
    await expect(sql`delete from bulletin_edition_items where edition_id = ${e.id}`.execute(t.database.db)).rejects.toThrow(/issued/);

    const draft = (await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false }))).body;
    expect((await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false, correctsId: draft.id }))).body.issues[0].path).toBe('correctsId');
    const correction = (await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { compose: false, correctsId: e.id }))).body;
    expect(correction.correctsLabel).toBe(e.numberLabel);
    const html = await t.call('GET', `/api/v1/bulletin-editions/${correction.id}/html`);
    expect(String(html.body)).toContain(`本期为${e.numberLabel}的更正`);
    expect((await t.call('DELETE', `/api/v1/bulletin-editions/${draft.id}`)).status).toBe(204);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'bulletin_edition').where('entity_id', '=', String(e.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'items', 'items', 'submit', 'return', 'submit', 'issue']);
  });
});

describe('the printed bulletin', () => {
  it('is a Word document in the GB/T 9704 layout with the official faces, page numbers on the outer side and the red rule', async () => {
    const { publisher } = await recorded();
    const e = (await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { withToc: true }))).body;
    const res = await t.call('GET', `/api/v1/bulletin-editions/${e.id}/docx`);
    expect(res.status).toBe(200);
    expect(res.raw.headers['content-disposition']).toContain(encodeURIComponent('沪滇协作简报2024年第1期（总第1期）.docx'));
    const zip = await JSZip.loadAsync(res.raw.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
    expect(xml).toContain('<w:spacing w:val="-4"/>'); // 28 characters a line
    for (const face of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(xml).toContain(`w:eastAsia="${face}"`);
    expect(xml).toContain('w:color="FF0000"');
    expect(xml).toContain('本期目录');
    expect(xml).toContain('报：市合作交流办。');
    expect(xml).toContain('（共印30份）');
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('<w:evenAndOddHeaders');
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.some((f) => f.includes('w:val="right"') && f.includes('PAGE'))).toBe(true);
    expect(footers.some((f) => f.includes('w:val="left"') && f.includes('PAGE'))).toBe(true);

    const html = await t.call('GET', `/api/v1/bulletin-editions/${e.id}/html`);
    expect(html.raw.headers['content-type']).toContain('text/html');
    expect(String(html.body)).toContain('<h1>沪滇协作简报</h1>');
    expect(String(html.body)).toContain('一、重要活动');
  });

  it('reads back as the same items, dates and amounts (round trip through the importer)', async () => {
    const { publisher } = await recorded();
    const e = (await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id, { withToc: true }))).body;
    const docx = (await t.call('GET', `/api/v1/bulletin-editions/${e.id}/docx`)).raw.rawPayload;
    const res = await t.upload('/api/v1/bulletins/imports?fileName=roundtrip.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const doc = res.body.document;
    expect(doc).toMatchObject({ year: 2024, issuedOn: '2024-04-30' });
    const read = doc.drafts.map((d: { title: string; section: string; dateStart: string; dateEnd: string; facts: { amounts: { yuan: number }[] } }) => ({
      title: d.title, section: d.section, dates: [d.dateStart, d.dateEnd], amounts: d.facts.amounts.map((a) => a.yuan),
    }));
    expect(read).toEqual([
      { title: '区委书记带队赴香格里拉市考察', section: '重要活动', dates: ['2024-04-02', '2024-04-03'], amounts: [500_000] },
      { title: '东西部协作联席会议召开', section: '重要活动', dates: ['2024-04-20', '2024-04-20'], amounts: [] },
      { title: '香格里拉农特产品展销会开幕', section: '消费帮扶', dates: ['2024-04-12', '2024-04-14'], amounts: [] },
    ]);
  });

  it('is a PDF when LibreOffice is installed, and says what to do when it is not', async () => {
    const { publisher } = await recorded();
    const e = (await t.call('POST', '/api/v1/bulletin-editions', base(publisher.id))).body;
    const saved = process.env.XIEZUO_SOFFICE;
    process.env.XIEZUO_SOFFICE = '';
    try {
      const res = await t.call('GET', `/api/v1/bulletin-editions/${e.id}/pdf`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'UNAVAILABLE', issues: [{ path: 'format' }] });
      expect(res.body.message).toContain('未安装 LibreOffice');
    } finally {
      if (saved === undefined) delete process.env.XIEZUO_SOFFICE;
      else process.env.XIEZUO_SOFFICE = saved;
    }
    const { sofficePath } = await import('./editions.pdf.ts');
    if (!sofficePath()) {
      console.warn('skipped: PDF conversion — LibreOffice (soffice) is not installed on this machine');
      return;
    }
    const pdf = await t.call('GET', `/api/v1/bulletin-editions/${e.id}/pdf`);
    expect(pdf.status, String(pdf.body)).toBe(200);
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
