import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';

const t = useTestApp();
const TEXT = 'text/plain; charset=utf-8';
const fixture = readFileSync(new URL('./fixtures/pdf-bulletin.txt', import.meta.url), 'utf8');
const draftCount = async () => Number((await t.database.db.selectFrom('bulletin_drafts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('importing a bulletin for review', () => {
  it('drafts every item with its facts and its place in the text, once per document', async () => {
    const res = await t.upload('/api/v1/bulletins/imports?fileName=2023-3.txt', fixture, TEXT);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const doc = res.body.document;
    expect(res.body.created).toBe(true);
    expect(doc).toMatchObject({ fileName: '2023-3.txt', year: 2023, issuedOn: '2023-01-16', counts: { pending: 5, accepted: 0, rejected: 0 } });
    expect(doc.drafts[0]).toMatchObject({ itemNo: 1, title: '区领导赴结对县考察对接', dateStart: '2022-12-20', dateEnd: '2022-12-22', kind: 'visit', status: 'pending' });
    expect(doc.drafts[0].facts.amounts).toEqual([{ yuan: 1_000_000, text: '100万元', approx: false, kind: 'donation' }]);
    expect(doc.text.slice(...doc.drafts[0].span)).toContain('100万元');
    const before = await draftCount();
    const again = await t.upload('/api/v1/bulletins/imports?fileName=copy.txt', fixture, TEXT);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, document: { id: doc.id, fileName: '2023-3.txt' } });
    expect(await draftCount()).toBe(before);
  });

  it('accepts an item as a new activity with its source, offers a recorded one as a match, and rejects', async () => {
    const text = `【工作动态】\n5月8日，区合作交流办赴结对县开展消费帮扶对接，采购农产品12万元。\n5月9日，区教育局与结对县教育局召开教育帮扶座谈会。\n5月10日，区卫健委组织义诊，服务群众300人次。\n\n某区合作交流办\n2024年5月20日\n`;
    const doc = (await t.upload('/api/v1/bulletins/imports?fileName=may.txt', text, TEXT)).body.document;
    const [first, second, third] = doc.drafts;
    let res = await t.call('POST', `/api/v1/bulletins/drafts/${first.id}/accept`, { type: 'visit', title: first.title, startDate: '2024-05-08', endDate: '2024-05-08' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const accepted = res.body.drafts[0];
    expect(accepted).toMatchObject({ status: 'accepted', activityId: expect.any(Number) });
    const activity = (await t.call('GET', `/api/v1/activities/${accepted.activityId}`)).body;
    expect(activity.narrative).toContain('采购农产品12万元');
    expect(activity.narrative).toContain('may.txt，第 1 条');
    expect((await t.call('POST', `/api/v1/bulletins/drafts/${first.id}/accept`, { type: 'visit', title: 'x y', startDate: '2024-05-08', endDate: '2024-05-08' })).status).toBe(422);

    // The county's bulletin reports the same meeting: offered as a match, linked instead of duplicated.
    const recorded = (await t.call('POST', '/api/v1/activities', { type: 'meeting', title: '区教育局与结对县教育局召开教育帮扶座谈会', startDate: second.dateStart, endDate: second.dateStart })).body;
    const detail = (await t.call('GET', `/api/v1/bulletins/imports/${doc.id}`)).body;
    expect(detail.drafts[1].matches).toEqual([{ id: recorded.id, title: recorded.title, startDate: second.dateStart, similarity: 1 }]);
    res = await t.call('POST', `/api/v1/bulletins/drafts/${second.id}/accept`, { linkActivityId: recorded.id });
    expect(res.body.drafts[1]).toMatchObject({ status: 'accepted', activityId: recorded.id });
    res = await t.call('POST', `/api/v1/bulletins/drafts/${third.id}/reject`, { reason: '与本单位无关' });
    expect(res.body).toMatchObject({ counts: { pending: 0, accepted: 2, rejected: 1 } });
  });

  it('keeps a document to its importer', async () => {
    const doc = (await t.upload('/api/v1/bulletins/imports?fileName=mine.txt', '【工作动态】\n6月1日，区领导赴结对县调研。\n', TEXT)).body.document;
    const other = await t.userWith({ roles: ['frontline'], scopes: [{ regionCode: '533401' }] });
    expect((await t.call('GET', `/api/v1/bulletins/imports/${doc.id}`, undefined, other.caller)).status).toBe(404);
    expect((await t.call('GET', '/api/v1/bulletins/imports', undefined, other.caller)).body.items).toEqual([]);
    expect((await t.call('POST', `/api/v1/bulletins/drafts/${doc.drafts[0].id}/reject`, {}, other.caller)).status).toBe(404);
  });

  it('refuses empty, binary and non-Word files and text with no items, with a clear message, writing nothing', async () => {
    const before = await draftCount();
    const cases: [Buffer | string, string, string][] = [
      ['', TEXT, '空'],
      [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), TEXT, '不是文本'],
      ['这不是 Word 文档', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '不是 Word 文档'],
      ['这是一段没有标题、日期和金额的文字。它只是说明。', TEXT, '没有读出任何条目'],
    ];
    for (const [body, type, message] of cases) {
      const res = await t.upload(`/api/v1/bulletins/imports?fileName=${type === TEXT ? 'x.txt' : 'x.docx'}`, body, type);
      expect(res.status, message).toBe(400);
      expect(res.body.message).toContain(message);
    }
    expect(await draftCount()).toBe(before);
  });
});
