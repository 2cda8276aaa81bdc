import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { choose, closed, useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();
const fixture = readFileSync(new URL('../src/modules/bulletins/fixtures/numbered-bulletin.txt', import.meta.url));
const pdfFixture = readFileSync(new URL('../src/modules/bulletins/fixtures/pdf-bulletin.txt', import.meta.url));

describe('简报导入 in the browser', () => {
  it('imports a bulletin, shows its items with the facts highlighted in the source, and accepts two of them as activities, one with its donation and one with its sale', async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    expect((await context.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'city', password: DEMO_PASSWORD } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/bulletins`);
    await page.getByTestId('bulletin-import').click();
    await page.getByTestId('bulletin-import-file').setInputFiles({ name: '东西部协作工作简报2024-2.txt', mimeType: 'text/plain', buffer: fixture });
    await page.getByTestId('bulletin-import-submit').click();
    await page.getByTestId('bulletin-page').waitFor();
    await expect.poll(() => page.getByTestId('bulletin-year').textContent()).toContain('2024');

    const id = Number(page.url().split('/').pop());
    const doc = await (await context.request.get(`${b.baseUrl}/api/v1/bulletins/imports/${id}`)).json();
    expect(doc.drafts).toHaveLength(4);
    const [visit, meeting] = doc.drafts;

    await page.getByTestId(`draft-item-${visit.id}`).click();
    await expect.poll(() => page.getByTestId('fact-mark').allTextContents()).toEqual(expect.arrayContaining(['3000余万元', '12人']));
    for (const d of [visit, meeting]) {
      await page.getByTestId(`draft-item-${d.id}`).click();
      await page.getByTestId(`draft-accept-${d.id}`).click();
      if (d === visit) {
        // 同时登记: the amount comes from the item's facts; the recipient is the activity's county.
        await choose(page, 'accept-form-regions', 'region-option-533401', '香格里拉');
        await page.keyboard.press('Escape');
        await page.getByTestId('accept-form-with-donation').check();
        expect(await page.getByTestId('accept-form-donation-value').inputValue()).toBe('30000000.00');
        await page.getByTestId('accept-form-donation-donor-name').fill('某区东西部协作办公室');
        await page.screenshot({ path: 'e2e/screenshots/bulletin-accept-donation.png' });
      }
      if (d === meeting) {
        // A 消费帮扶 item offers its sale, checked, with the amount read from it; channel, buyer and supplier are the reviewer's.
        await choose(page, 'accept-form-regions', 'region-option-533401', '香格里拉');
        await page.keyboard.press('Escape');
        expect(await page.getByTestId('accept-form-sale-amount').inputValue()).toBe('8265000.00');
        await choose(page, 'accept-form-sale-channel', 'accept-form-sale-channel-option-union');
        await choose(page, 'accept-form-sale-buyer', 'accept-form-sale-buyer-option-budget_unit');
        await choose(page, 'accept-form-sale-category', 'accept-form-sale-category-option-fruit_veg');
        await page.getByTestId('accept-form-sale-supplier').fill('结对县农产品合作社');
        await page.getByTestId('accept-form-sale-credited-name').fill('某区对口支援办');
      }
      if (!d.dateStart) {
        for (const field of ['accept-form-start', 'accept-form-end']) {
          await page.getByTestId(field).click();
          await page.getByTestId(field).fill('2024-03-29');
          await page.keyboard.press('Enter');
        }
      }
      await page.getByTestId('accept-submit').click();
      await closed(page, 'accept-form');
      await expect.poll(() => page.getByTestId(`draft-item-${d.id}`).getAttribute('data-status')).toBe('accepted');
    }
    await page.screenshot({ path: 'e2e/screenshots/bulletin-review.png', fullPage: true });

    const after = await (await context.request.get(`${b.baseUrl}/api/v1/bulletins/imports/${id}`)).json();
    for (const d of after.drafts.slice(0, 2)) {
      const activity = await (await context.request.get(`${b.baseUrl}/api/v1/activities/${d.activityId}`)).json();
      expect(activity.title).toBe(d.title);
      expect(activity.narrative).toContain('东西部协作工作简报2024-2.txt');
    }
    const visitActivity = await (await context.request.get(`${b.baseUrl}/api/v1/activities/${after.drafts[0].activityId}`)).json();
    expect(visitActivity.links).toEqual([expect.objectContaining({ kind: 'donation' })]);
    const donation = await (await context.request.get(`${b.baseUrl}/api/v1/donations/${visitActivity.links[0].id}`)).json();
    expect(donation).toMatchObject({ kind: 'cash', valueFen: 3_000_000_000, donor: '某区东西部协作办公室', countyCode: '533401', donatedOn: '2024-04-02', activityId: visitActivity.id });
    expect(donation.purpose).toContain('东西部协作工作简报2024-2.txt，第 1 条');
    const sales = await (await context.request.get(`${b.baseUrl}/api/v1/sales?activity=${after.drafts[1].activityId}`)).json();
    expect(sales.items).toEqual([expect.objectContaining({ amountFen: 826_500_000, channel: 'union', buyerType: 'budget_unit', countyCode: '533401' })]);
    await page.getByTestId(`draft-activity-link-${after.drafts[0].id}`).click();
    await page.waitForURL(/\/activities/);
    await context.close();
  });

  it('imports a folder of bulletins one after another, with the progress and a result per file, a failure not stopping the rest', async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    expect((await context.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'city', password: DEMO_PASSWORD } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/bulletins`);
    await page.getByTestId('bulletin-batch-import').click();
    const june = '【工作动态】\n6月3日，区慈善基金会向香格里拉市捐赠帮扶资金50万元。\n6月5日，区卫健委组织乡村医生培训，培训40人。\n\n某区合作交流办\n2024年6月20日\n';
    await page.getByTestId('bulletin-batch-files').setInputFiles([
      { name: '沪滇协作工作简报第3期.txt', mimeType: 'text/plain', buffer: pdfFixture },
      { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: '六月简报.txt', mimeType: 'text/plain', buffer: Buffer.from(june) },
      { name: '封面.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    ]);
    await expect.poll(() => page.getByTestId('bulletin-batch-row-3').getAttribute('data-result')).toBe('skipped');
    await page.getByTestId('bulletin-batch-submit').click();
    const progress = page.getByTestId('bulletin-batch-progress');
    await expect.poll(() => progress.getAttribute('data-done'), { timeout: 60_000 }).toBe('3');
    expect(await progress.getAttribute('data-total')).toBe('3');
    await expect.poll(() => progress.getAttribute('data-running')).toBe('false');
    const results = await Promise.all([0, 1, 2, 3].map((i) => page.getByTestId(`bulletin-batch-row-${i}`).getAttribute('data-result')));
    expect(results).toEqual(['created', 'failed', 'created', 'skipped']);
    expect(await page.getByTestId('bulletin-batch-message-1').textContent()).toContain('文件是空的');
    expect(await page.getByTestId('bulletin-batch-result-0').textContent()).toBe('新导入 5 条');
    await page.screenshot({ path: 'e2e/screenshots/bulletin-batch.png', fullPage: true });

    // Each link opens that document's review page; the API has the two documents.
    for (const [i, name, items] of [[0, '沪滇协作工作简报第3期.txt', 5], [2, '六月简报.txt', 2]] as const) {
      const id = Number((await page.getByTestId(`bulletin-batch-open-${i}`).getAttribute('href'))!.split('/').pop());
      const doc = await (await context.request.get(`${b.baseUrl}/api/v1/bulletins/imports/${id}`)).json();
      expect(doc).toMatchObject({ fileName: name, counts: { pending: items } });
    }
    await page.getByTestId('bulletin-batch-close').click();
    await page.getByTestId('bulletin-batch-modal').waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('[data-testid^="bulletin-open-"]').allTextContents()).toEqual(expect.arrayContaining(['沪滇协作工作简报第3期.txt', '六月简报.txt']));
    await context.close();
  });
  it('imports pasted text as a bulletin', async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    expect((await context.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'city', password: DEMO_PASSWORD } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/bulletins`);
    await page.getByTestId('bulletin-import').click();
    await page.getByTestId('bulletin-import-mode-paste').click();
    await page.getByTestId('bulletin-import-text').fill('【工作动态】\n7月2日，区商务委在香格里拉市举办农特产品推介会，签约采购金额120万元。\n7月9日，区卫健委派出6名医生赴香格里拉市开展义诊。\n\n某区合作交流办\n2024年7月15日\n');
    await page.getByTestId('bulletin-import-submit').click();
    await page.getByTestId('bulletin-page').waitFor();
    const id = Number(page.url().split('/').pop());
    const doc = await (await context.request.get(`${b.baseUrl}/api/v1/bulletins/imports/${id}`)).json();
    expect(doc.fileName).toMatch(/^粘贴文本 .+\.txt$/);
    expect(doc.drafts.map((d: { dateStart: string }) => d.dateStart)).toEqual(['2024-07-02', '2024-07-09']);
    await context.close();
  });
});
