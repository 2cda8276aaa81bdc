import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { makePairing } from '../../testing/factories.ts';

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

  it('resolves the places an item names to division codes, keeping every candidate of an ambiguous name', async () => {
    const text = '【工作动态】\n6月1日，区领导赴香格里拉市调研消费帮扶工作。\n6月2日，区教育局赴城关镇开展支教调研。\n\n某区合作交流办\n2024年6月10日\n';
    const doc = (await t.upload('/api/v1/bulletins/imports?fileName=places.txt', text, TEXT)).body.document;
    expect(doc.drafts[0].facts.places).toEqual([{ name: '香格里拉市', candidates: [{ code: '533401', name: expect.stringContaining('香格里拉市') }] }]);
    const town = doc.drafts[1].facts.places.find((p: { name: string }) => p.name === '城关镇');
    expect(town.candidates.length).toBeGreaterThan(1);
    expect(town.candidates.every((c: { code: string }) => /^\d{9}$/.test(c.code))).toBe(true);
  });

  it('reads a 10 MB file off the main thread: other requests are answered meanwhile; a file of 80,000 entries is refused', async () => {
    const entry = '12月5日，区总工会组织采购香格里拉市农特产品，销售额达12.5万元，带动30户脱贫户增收。\n';
    const big = `【工作动态】\n${entry.repeat(Math.floor((10 * 1024 * 1024 - 64) / Buffer.byteLength(entry)))}`;
    const before = await draftCount();
    let imported = false;
    const importing = t.upload('/api/v1/bulletins/imports?fileName=big.txt', big, TEXT).then((r) => {
      imported = true;
      return r;
    });
    const answeredDuring: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const health = await t.call('GET', '/api/v1/health');
      expect(health.status).toBe(200);
      answeredDuring.push(!imported);
    }
    expect(answeredDuring).toEqual([true, true, true]);
    const res = await importing;
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/读出 \d+ 个条目，超过一期简报的上限 2000 条/);
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

  it('accepts items with the donation and the training they report, linked to their activities and naming their source', async () => {
    const text = '【工作动态】\n6月3日，区慈善基金会向香格里拉市捐赠帮扶资金50万元，用于助学。\n6月5日至7日，区卫健委在香格里拉市举办乡村医生培训班，培训医生40人、120人次。\n6月9日，区教育局赴香格里拉市开展教育帮扶调研。\n\n某区合作交流办\n2024年6月20日\n';
    const doc = (await t.upload('/api/v1/bulletins/imports?fileName=june.txt', text, TEXT)).body.document;
    const [gift, course, visit] = doc.drafts;
    const activity = { regionCodes: ['533401'], startDate: gift.dateStart, endDate: gift.dateEnd };
    // The recipient, date and pairing a record leaves out are its activity's.
    let res = await t.call('POST', `/api/v1/bulletins/drafts/${gift.id}/accept`, { ...activity, type: 'donation_ceremony', title: gift.title, records: { donation: { valueFen: 50_000_000, donorName: '某区慈善基金会', purpose: '助学' } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const giftActivity = (await t.call('GET', `/api/v1/activities/${res.body.drafts[0].activityId}`)).body;
    expect(giftActivity.links).toEqual([expect.objectContaining({ kind: 'donation' })]);
    const donation = (await t.call('GET', `/api/v1/donations/${giftActivity.links[0].id}`)).body;
    expect(donation).toMatchObject({ kind: 'cash', valueFen: 50_000_000, donor: '某区慈善基金会', recipientRegion: '533401', countyCode: '533401', donatedOn: '2024-06-03', activityId: giftActivity.id });
    expect(donation.purpose).toBe('助学（来源：june.txt，第 1 条）');

    res = await t.call('POST', `/api/v1/bulletins/drafts/${course.id}/accept`, { type: 'training', title: course.title, startDate: '2024-06-05', endDate: '2024-06-07', regionCodes: ['533401'], records: { training: { targetGroup: 'doctors', participants: 40, personTimes: 120 } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const courseActivity = (await t.call('GET', `/api/v1/activities/${res.body.drafts[1].activityId}`)).body;
    const training = (await t.call('GET', `/api/v1/trainings/${courseActivity.links[0].id}`)).body;
    expect(training).toMatchObject({ title: course.title, kind: 'training', targetGroup: 'doctors', startDate: '2024-06-05', endDate: '2024-06-07', batches: 1, participants: 40, personTimes: 120, countyCode: '533401', activityId: courseActivity.id });

    // Linked to an activity already recorded, the item's training is added to that activity's links.
    const recorded = (await t.call('POST', '/api/v1/activities', { type: 'visit', title: '教育帮扶调研', startDate: '2024-06-09', endDate: '2024-06-09', regionCodes: ['533401'] })).body;
    res = await t.call('POST', `/api/v1/bulletins/drafts/${visit.id}/accept`, { linkActivityId: recorded.id, records: { training: { participants: 5, personTimes: 5 } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (await t.call('GET', `/api/v1/activities/${recorded.id}`)).body;
    expect(after.links).toEqual([expect.objectContaining({ kind: 'training' })]);
    expect((await t.call('GET', `/api/v1/trainings/${after.links[0].id}`)).body).toMatchObject({ title: '教育帮扶调研', startDate: '2024-06-09', targetGroup: 'other', activityId: recorded.id });
  });

  it('accepts a signing with its agreement under the pairing, and a livestream with its sale; each needs its own permission', async () => {
    const text = '【重要活动】\n7月1日，两地签订2024年东西部协作协议，落实帮扶资金3000万元。\n7月5日，香格里拉市举办松茸直播带货活动，销售额52.7万元。\n\n某区合作交流办\n2024年7月20日\n';
    const doc = (await t.upload('/api/v1/bulletins/imports?fileName=july.txt', text, TEXT)).body.document;
    const [signing, live] = doc.drafts;
    const pairing = await makePairing(t);
    const activity = { startDate: '2024-07-01', endDate: '2024-07-01', regionCodes: ['533401'] };
    let res = await t.call('POST', `/api/v1/bulletins/drafts/${signing.id}/accept`, { ...activity, type: 'signing', title: signing.title, records: { agreement: { pledgedFen: 3_000_000_000 } } });
    expect(res.body).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'pairingId' }] });
    res = await t.call('POST', `/api/v1/bulletins/drafts/${signing.id}/accept`, { ...activity, type: 'signing', title: signing.title, pairingId: pairing.id, records: { agreement: { pledgedFen: 3_000_000_000, title: '2024年东西部协作协议' } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const signed = (await t.call('GET', `/api/v1/activities/${res.body.drafts[0].activityId}`)).body;
    const agreementLink = signed.links.find((l: { kind: string }) => l.kind === 'agreement');
    const agreement = (await t.call('GET', `/api/v1/pairings/${pairing.id}/agreements`)).body.find((a: { id: number }) => a.id === agreementLink.id);
    expect(agreement).toMatchObject({ year: 2024, signedOn: '2024-07-01', pledgedFen: 3_000_000_000, title: '2024年东西部协作协议', note: '（来源：july.txt，第 1 条）' });

    const sale = { channel: 'livestream', buyerType: 'individual', supplierName: '香格里拉松茸合作社', creditedName: '某区总工会', amountFen: 52_700_000, category: 'fungi' };
    // A token that may record activities but not sales: the sale is refused and nothing is written.
    const token = (await t.call('POST', '/api/v1/auth/tokens', { name: '只登记动态', actions: ['activity:read', 'activity:write'] })).body.token;
    res = await t.call('POST', `/api/v1/bulletins/drafts/${live.id}/accept`, { type: 'livestream', title: live.title, startDate: '2024-07-05', endDate: '2024-07-05', regionCodes: ['533401'], records: { sale } }, { bearer: token });
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'records.sale' }] });
    res = await t.call('POST', `/api/v1/bulletins/drafts/${live.id}/accept`, { type: 'livestream', title: live.title, startDate: '2024-07-05', endDate: '2024-07-05', regionCodes: ['533401'], records: { sale: { ...sale, amountFen: 0 } } });
    expect(res.body.issues[0].path).toBe('records.sale.amountFen');
    res = await t.call('POST', `/api/v1/bulletins/drafts/${live.id}/accept`, { type: 'livestream', title: live.title, startDate: '2024-07-05', endDate: '2024-07-05', regionCodes: ['533401'], records: { sale } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sales = (await t.call('GET', `/api/v1/sales?activity=${res.body.drafts[1].activityId}`)).body;
    expect(sales.items).toEqual([expect.objectContaining({ soldOn: '2024-07-05', countyCode: '533401', channel: 'livestream', amountFen: 52_700_000, activityId: res.body.drafts[1].activityId })]);
  });

  it('accepts a labor item with the month’s placements in the activity’s county', async () => {
    const text = '【劳务协作】\n7月8日，区人社局组织专场劳务输出，香格里拉市120名脱贫劳动力转移到上海就业。\n\n某区合作交流办\n2024年7月20日\n';
    const [item] = (await t.upload('/api/v1/bulletins/imports?fileName=labor.txt', text, TEXT)).body.document.drafts;
    const accept = (placement: Record<string, unknown>) =>
      t.call('POST', `/api/v1/bulletins/drafts/${item.id}/accept`, { type: 'other', title: item.title, startDate: '2024-07-08', endDate: '2024-07-08', regionCodes: ['533401'], records: { placement } });
    expect((await accept({ destination: 'shanghai', poorCount: -1 })).body.issues[0].path).toBe('records.placement.poorCount');
    const res = await accept({ destination: 'shanghai', poorCount: 120 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = (await t.call('GET', '/api/v1/labor/placements?county=533401&year=2024')).body.items;
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ countyCode: '533401', year: 2024, month: 7, destination: 'shanghai', poorCount: 120, monitoredCount: 0, note: '（来源：labor.txt，第 1 条）' })]));
  });

  it('creates nothing when one of the records is refused: no activity, no donation, the draft still pending', async () => {
    const doc = (await t.upload('/api/v1/bulletins/imports?fileName=july.txt', '【工作动态】\n7月1日，区红十字会向香格里拉市捐赠救灾资金20万元。\n', TEXT)).body.document;
    const [gift] = doc.drafts;
    const count = async (table: 'activities' | 'donations' | 'trainings') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = { activities: await count('activities'), donations: await count('donations'), trainings: await count('trainings') };
    const base = { type: 'donation_ceremony', title: gift.title, startDate: '2024-07-01', endDate: '2024-07-01', regionCodes: ['533401'] };
    const cases: [unknown, number, string, string][] = [
      // Refused by the donation service, after the activity was written: undone with it.
      [{ donation: { valueFen: 20_000_000 } }, 400, 'records.donation.donorName', '捐赠方'],
      // The donation passes, the training's county does not: both undone.
      [{ donation: { valueFen: 20_000_000, donorName: '区红十字会' }, training: { participants: 3, personTimes: 3, countyCode: '310000' } }, 400, 'records.training.countyCode', '不是县级区划代码'],
      // Refused by the accept schema before anything is written.
      [{ donation: { valueFen: 0, donorName: '区红十字会' } }, 400, 'records.donation.valueFen', '捐赠金额须大于 0'],
      [{ training: { participants: 10, personTimes: 5 } }, 400, 'records.training.personTimes', '人次不能少于人数'],
    ];
    for (const [records, status, path, message] of cases) {
      const res = await t.call('POST', `/api/v1/bulletins/drafts/${gift.id}/accept`, { ...base, records });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.issues).toEqual([expect.objectContaining({ path })]);
      expect(res.body.message).toContain(message);
    }
    expect({ activities: await count('activities'), donations: await count('donations'), trainings: await count('trainings') }).toEqual(before);
    expect((await t.call('GET', `/api/v1/bulletins/imports/${doc.id}`)).body.drafts[0]).toMatchObject({ status: 'pending', activityId: null });
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
