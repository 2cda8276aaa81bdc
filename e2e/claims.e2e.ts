import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { closed, useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();
const COUNTY = '533401';
const COUNTY_GOV = '香格里拉市人民政府';
const CREATOR_UNIT = '闵行区合作交流办';
/** The API records who decided by user name. */
const DECIDER = 'xianggelila';

/** A logged-in API caller in its own browser context (the session cookie, and the CSRF header on writes). */
async function apiAs(username: string) {
  const ctx: BrowserContext = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const request: APIRequestContext = ctx.request;
  expect((await request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } })).status()).toBe(200);
  const csrf = (await ctx.cookies()).find((c) => c.name === 'xiezuo_csrf')!.value;
  const get = async (path: string) => {
    const res = await request.get(`${b.baseUrl}/api/v1${path}`);
    expect(res.status(), path).toBe(200);
    return res.json();
  };
  const post = async (path: string, data: unknown) => request.post(`${b.baseUrl}/api/v1${path}`, { headers: { 'x-csrf-token': csrf }, data });
  return { context: ctx, get, post };
}

/** The page's 资金合计 for the county (GET /donations/totals?by=year&county=, confirmed donations only). */
async function countyCashOnPage(page: Page): Promise<number> {
  await page.goto(`${b.baseUrl}/donations?county=${COUNTY}`);
  const cash = page.getByTestId('donation-total-cash');
  await cash.waitFor();
  await expect.poll(() => cash.getAttribute('data-fen')).not.toBeNull();
  return Number(await cash.getAttribute('data-fen'));
}

const cell = (page: Page, what: string, key: string) => page.getByTestId(`claim-${what}-${key}`);

describe('待确认计入 (claims) in the browser', () => {
  it('a county confirms one donation credited to it by a district and refuses another with a reason, which the district sees', async () => {
    // 闵行区 records two cash donations to 香格里拉市人民政府 and a training for the county: outside its scope, so pending.
    const district = await apiAs('minhang');
    const pairing = (await district.get(`/pairings?q=${encodeURIComponent('香格里拉')}&pageSize=50`)).items.find(
      (p: { type: string; eastOrg: { name: string }; westOrg: { name: string } }) => p.type === 'east_west' && p.eastOrg.name === '上海市闵行区人民政府' && p.westOrg.name === COUNTY_GOV,
    );
    const countyGov = pairing.westOrg;
    const stamp = Date.now() % 100000;
    const donate = async (donorName: string, valueFen: number) => {
      const res = await district.post('/donations', { donorName, recipientOrgId: countyGov.id, kind: 'cash', valueFen, donatedOn: '2024-06-01', pairingId: pairing.id, purpose: '认领测试' });
      const body = await res.json();
      expect(res.status(), JSON.stringify(body)).toBe(201);
      expect(body).toMatchObject({ claimStatus: 'pending', owningOrgName: CREATOR_UNIT });
      return body as { id: number; valueFen: number };
    };
    const kept = await donate(`上海认领测试基金会${stamp}`, 12_345_67);
    const refused = await donate(`上海认领测试企业${stamp}`, 8_000_00);
    const trainingRes = await district.post('/trainings', {
      title: `认领测试乡村干部培训班${stamp}`, kind: 'training', startDate: '2024-07-01', endDate: '2024-07-03', targetGroup: 'officials',
      batches: 1, participants: 20, personTimes: 60, countyCode: COUNTY, pairingId: pairing.id,
    });
    const training = await trainingRes.json();
    expect(trainingRes.status(), JSON.stringify(training)).toBe(201);
    expect(training.claimStatus).toBe('pending');
    // …and a sale credited to another district (长宁区), pending for it.
    const supplier = (await district.get(`/suppliers?q=${encodeURIComponent('森吉尼达')}`)).items[0];
    const changning = (await district.get(`/orgs/lookup?q=${encodeURIComponent('上海市长宁区人民政府')}`)).items.find((o: { name: string }) => o.name === '上海市长宁区人民政府');
    const saleRes = await district.post('/sales', { soldOn: '2024-05-01', supplierId: supplier.id, category: 'fungi', channel: 'counter', buyerType: 'individual', creditedOrgId: changning.id, amountFen: 380_00, note: `认领测试${stamp}` });
    const sale = await saleRes.json();
    expect(saleRes.status(), JSON.stringify(sale)).toBe(201);
    expect(sale.claimStatus).toBe('pending');

    // The county clerk logs in and opens 待确认计入 from the menu.
    const county = await apiAs('xianggelila');
    const page = await county.context.newPage();
    const cashBefore = await countyCashOnPage(page);
    await page.getByTestId('nav-claims').click();
    await page.waitForURL(/\/claims$/);
    const K = `donation-${kept.id}`;
    const R = `donation-${refused.id}`;
    const T = `training-${training.id}`;
    for (const key of [K, R, T]) await page.getByTestId(`claim-row-${key}`).waitFor();
    expect(await page.getByTestId(`claim-row-sale-${sale.id}`).count()).toBe(0); // credited to 长宁区, not to this county
    await expect.poll(() => page.getByTestId('claims-tab-incoming').getAttribute('data-count')).not.toBe('');
    const badge = Number(await page.getByTestId('claims-tab-incoming').getAttribute('data-count'));
    expect(badge).toBeGreaterThanOrEqual(3);
    // Names, never ids; money in 元; a training has no amount.
    const row = page.getByTestId(`claim-row-${K}`);
    expect(await row.getAttribute('data-status')).toBe('pending');
    expect(await row.locator('td').first().textContent()).toBe('社会帮扶捐赠');
    expect(await cell(page, 'title', K).textContent()).toBe(`上海认领测试基金会${stamp}`);
    expect(await cell(page, 'named', K).textContent()).toBe(COUNTY_GOV);
    expect(await cell(page, 'owner', K).textContent()).toBe(CREATOR_UNIT);
    expect(await cell(page, 'amount', K).textContent()).toBe('12,345.67');
    expect(await cell(page, 'amount', K).getAttribute('data-fen')).toBe('1234567');
    expect(await cell(page, 'status', K).textContent()).toBe('待确认');
    expect(await cell(page, 'amount', T).textContent()).toBe('—');
    expect(await cell(page, 'named', T).textContent()).toBe('香格里拉市');
    expect(await page.getByTestId(`claim-row-${T}`).locator('td').first().textContent()).toBe('培训');
    await page.screenshot({ path: 'e2e/screenshots/claims-incoming.png', fullPage: true });

    // 拒绝 needs a reason: empty and blank are refused in Chinese before anything is sent.
    await page.getByTestId(`claim-refuse-${R}`).click();
    await page.getByTestId('refuse-form').waitFor();
    expect(await page.getByTestId('refuse-form-what').textContent()).toContain(CREATOR_UNIT);
    await page.getByTestId('refuse-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['请填写拒绝理由']);
    await page.getByTestId('refuse-form-reason').fill('   ');
    await page.getByTestId('refuse-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['请填写拒绝理由']);
    const reason = '本单位未收到该笔捐赠，请核实受赠单位';
    await page.getByTestId('refuse-form-reason').fill(reason);
    await page.getByTestId('refuse-submit').click();
    await closed(page, 'refuse-form');
    await expect.poll(() => page.getByTestId(`claim-row-${R}`).count()).toBe(0);
    await expect.poll(() => page.getByTestId('claims-tab-incoming').getAttribute('data-count')).toBe(String(badge - 1));

    // Decided elsewhere meanwhile (here through the API): the page's 确认 gets the server's Chinese refusal.
    expect((await county.post(`/claims/training/${training.id}/confirm`, {})).status()).toBe(200);
    await page.getByTestId(`claim-confirm-${T}`).click();
    await page.getByTestId(`claim-confirm-ok-${T}`).click();
    await expect.poll(() => page.locator('.ant-message-notice').allTextContents()).toContainEqual(expect.stringContaining(`该培训已确认（${DECIDER}），不能重复处理`));

    // 确认 the other: it leaves the list, and now counts in the county's totals (the refused one does not).
    await page.getByTestId(`claim-confirm-${K}`).click();
    await page.getByTestId(`claim-confirm-ok-${K}`).click();
    await expect.poll(() => page.getByTestId(`claim-row-${K}`).count()).toBe(0);
    await expect.poll(() => page.getByTestId(`claim-row-${T}`).count()).toBe(0);
    expect(await countyCashOnPage(page)).toBe(cashBefore + kept.valueFen);
    const byCounty = (await county.get(`/donations/totals?by=county&county=${COUNTY}`)).find((r: { key: string }) => r.key === COUNTY);
    const listed = (await county.get(`/donations?county=${COUNTY}&kind=cash&pageSize=200`)).items as { valueFen: number; claimStatus: string }[];
    expect(byCounty.cashFen).toBe(listed.filter((d) => d.claimStatus === 'confirmed').reduce((n, d) => n + d.valueFen, 0));
    // The donations list names the recording unit; the refused one (seen through the pairing) carries its tag.
    await page.goto(`${b.baseUrl}/donations?pairing=${pairing.id}&year=2024&pageSize=100`);
    await page.getByTestId(`donation-row-${kept.id}`).waitFor();
    expect(await page.getByTestId(`donation-owner-${kept.id}`).textContent()).toBe(CREATOR_UNIT);
    expect(await page.getByTestId(`donation-claim-${kept.id}`).count()).toBe(0);
    expect(await page.getByTestId(`donation-claim-${refused.id}`).getAttribute('data-status')).toBe('refused');
    expect(await page.getByTestId(`donation-claim-${refused.id}`).textContent()).toBe('已拒绝');
    await county.context.close();

    // The creator sees the refusal and its reason under 我方提交, filters by status, and exports the list.
    const own = await district.context.newPage();
    await own.goto(`${b.baseUrl}/claims?tab=outgoing`);
    await own.getByTestId(`claim-row-${R}`).waitFor();
    expect(await own.getByTestId(`claim-row-${R}`).getAttribute('data-status')).toBe('refused');
    expect(await cell(own, 'status', R).textContent()).toBe('已拒绝');
    expect(await cell(own, 'note', R).textContent()).toBe(reason);
    expect(await cell(own, 'decided-by', R).textContent()).toBe(DECIDER);
    expect(await cell(own, 'status', K).textContent()).toBe('已确认');
    expect(await cell(own, 'status', `sale-${sale.id}`).textContent()).toBe('待确认');
    expect(await cell(own, 'named', `sale-${sale.id}`).textContent()).toBe('上海市长宁区人民政府');
    expect(await own.getByTestId(`claim-confirm-${R}`).count()).toBe(0); // nothing to decide on one's own submissions
    await own.locator('[data-testid="claims-filter-status"]').click();
    await own.getByTestId('claims-filter-status-option-refused').click();
    await expect.poll(() => own.locator('[data-testid^="claim-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).not.toContain('confirmed');
    expect(await own.getByTestId(`claim-row-${R}`).count()).toBe(1);
    expect(await own.getByTestId(`claim-row-${K}`).count()).toBe(0);
    // 已确认 lists what another unit confirmed, not the records that never needed it.
    await own.locator('[data-testid="claims-filter-status"]').click();
    await own.getByTestId('claims-filter-status-option-confirmed').click();
    await own.getByTestId(`claim-row-${K}`).waitFor();
    const decidedBy = await own.locator('[data-testid^="claim-decided-by-"]').allTextContents();
    expect(decidedBy.length).toBeGreaterThanOrEqual(2);
    expect(decidedBy.every((d) => d !== '—' && d !== '')).toBe(true);
    await own.locator('[data-testid="claims-filter-status"]').click();
    await own.getByTestId('claims-filter-status-option-refused').click();
    await expect.poll(() => own.getByTestId(`claim-row-${K}`).count()).toBe(0);
    const [download] = await Promise.all([own.waitForEvent('download'), own.getByTestId('claims-export').click()]);
    expect(download.suggestedFilename()).toBe('待确认计入-我方提交.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF类型,内容,日期,金额（元）,计入单位,登记单位,状态,说明,处理人\r\n')).toBe(true);
    expect(csv).toContain(`社会帮扶捐赠,上海认领测试企业${stamp},2024-06-01,8000.00,${COUNTY_GOV},${CREATOR_UNIT},已拒绝,${reason},${DECIDER}`);
    expect(csv).not.toContain(`上海认领测试基金会${stamp}`);

    // The record lists show 登记单位 and the pending tag: the sale waits for 长宁区, the training was confirmed.
    await own.goto(`${b.baseUrl}/sales?credited=${changning.id}&year=2024&pageSize=100`);
    await own.getByTestId(`sale-row-${sale.id}`).waitFor();
    expect(await own.getByTestId(`sale-claim-${sale.id}`).getAttribute('data-status')).toBe('pending');
    expect(await own.getByTestId(`sale-owner-${sale.id}`).textContent()).toBe(CREATOR_UNIT);
    await own.goto(`${b.baseUrl}/training?pairing=${pairing.id}&year=2024&pageSize=100`);
    await own.getByTestId(`training-row-${training.id}`).waitFor();
    expect(await own.getByTestId(`training-owner-${training.id}`).textContent()).toBe(CREATOR_UNIT);
    expect(await own.getByTestId(`training-claim-${training.id}`).count()).toBe(0);
    await district.context.close();
  });
});
