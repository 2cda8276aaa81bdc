import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { choose, closed, useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';
import { addDays, todayInChina } from '../src/modules/products/products.workflow.ts';

const b = useBrowser();
const ago = (n: number) => addDays(todayInChina(), -n);

async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  expect((await context.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } })).status()).toBe(200);
  return { context, page: await context.newPage() };
}

async function date(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await page.keyboard.press('Enter');
}

async function step(page: Page, action: string, fill: () => Promise<void>) {
  await page.getByTestId(`step-${action}`).click();
  await fill();
  await page.getByTestId('step-submit').click();
  await page.getByTestId('step-form').waitFor({ state: 'hidden' });
}

describe('消费帮扶 in the browser', () => {
  it('applies, reviews, publishes and certifies a product, which then shows in the public catalogue and counts a sale', async () => {
    const clerk = await signedIn('xianggelila');
    const suppliers = await (await clerk.context.request.get(`${b.baseUrl}/api/v1/suppliers?q=森吉尼达`)).json();
    const supplier = suppliers.items[0];
    const name = `浏览器测试松茸${Date.now() % 100000}`;

    // 申请 (the county clerk)
    await clerk.page.goto(`${b.baseUrl}/certification`);
    await clerk.page.getByTestId('product-apply').click();
    await choose(clerk.page, 'product-form-supplier', `product-form-supplier-option-${supplier.id}`, '森吉尼达');
    await clerk.page.getByTestId('product-form-name').fill(name);
    await choose(clerk.page, 'product-form-category', 'product-form-category-option-fungi');
    await choose(clerk.page, 'product-form-origin', 'region-option-533401', '香格里拉');
    await clerk.page.getByTestId('product-form-specification').fill('1千克/箱');
    await clerk.page.getByTestId('product-form-price').fill('380');
    await clerk.page.getByTestId('product-form-unit').fill('箱');
    await clerk.page.getByTestId('product-form-benefit-note').fill('订单收购脱贫户松茸，带动 40 户');
    await date(clerk.page, 'product-form-applied-on', ago(30));
    await clerk.page.getByTestId('product-form-submit').click();
    await clerk.page.getByTestId('product-form').waitFor({ state: 'hidden' });
    const product = (await (await clerk.context.request.get(`${b.baseUrl}/api/v1/products?q=${encodeURIComponent(name)}`)).json()).items[0];
    expect(product.status).toBe('applied');

    // 初审: one opinion per required department (the clerk records them)
    await clerk.page.goto(`${b.baseUrl}/certification/${product.id}`);
    for (const department of ['agriculture', 'market', 'industry', 'rural']) {
      await clerk.page.getByTestId('step-opinion').click();
      await choose(clerk.page, 'opinion-form-department', `opinion-form-department-option-${department}`);
      await clerk.page.getByTestId('opinion-form-agree-true').click();
      await date(clerk.page, 'opinion-form-date', ago(25));
      await clerk.page.getByTestId('opinion-submit').click();
      await clerk.page.getByTestId('opinion-form').waitFor({ state: 'hidden' });
      await expect.poll(() => clerk.page.getByTestId(`opinion-${department}`).getAttribute('data-state')).toBe('agree');
    }
    await expect.poll(() => clerk.page.getByTestId('step-decide').count()).toBe(0); // not the clerk's step
    await clerk.context.close();

    // 审定 → 公示 → 认定 (the county leader)
    const leader = await signedIn('xgl_leader');
    await leader.page.goto(`${b.baseUrl}/certification/${product.id}`);
    await step(leader.page, 'decide', async () => {
      await leader.page.getByTestId('step-form-approve-true').click();
      await leader.page.getByTestId('step-form-reason').fill('四部门同意，带贫机制明确');
      await date(leader.page, 'step-form-date', ago(20));
    });
    await step(leader.page, 'start_notice', async () => date(leader.page, 'step-form-notice-start', ago(19)));
    await expect.poll(() => leader.page.getByTestId('product-status').getAttribute('data-status')).toBe('notice');
    await step(leader.page, 'certify', async () => leader.page.getByTestId('step-form-batch-no').fill('香格里拉市第二批'));
    await expect.poll(() => leader.page.getByTestId('product-status').getAttribute('data-status')).toBe('certified');
    await leader.page.screenshot({ path: 'e2e/screenshots/product-certified.png', fullPage: true });
    await leader.context.close();

    // The public catalogue, without a login
    const visitor = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const pub = await visitor.newPage();
    await pub.goto(`${b.baseUrl}/catalogue`);
    await pub.getByTestId('catalogue-public').waitFor();
    await pub.locator('[data-testid="catalogue-filter-q"] input').fill(name);
    await pub.keyboard.press('Enter');
    await pub.getByTestId(`catalogue-row-${product.id}`).waitFor();
    await pub.screenshot({ path: 'e2e/screenshots/catalogue.png', fullPage: true });
    await visitor.close();

    // A sale of it, recorded by the district and counted
    const district = await signedIn('minhang');
    const totalOf = async () => (await (await district.context.request.get(`${b.baseUrl}/api/v1/sales/summary?by=channel&product=${product.id}`)).json()).totalFen;
    const minhang = (await (await district.context.request.get(`${b.baseUrl}/api/v1/orgs/lookup?q=${encodeURIComponent('上海市闵行区人民政府')}`)).json()).items[0];
    await district.page.goto(`${b.baseUrl}/sales`);
    await district.page.getByTestId('sales-create').click();
    await date(district.page, 'sale-form-sold-on', ago(1));
    await choose(district.page, 'sale-form-product', `sale-form-product-option-${product.id}`, name);
    await choose(district.page, 'sale-form-channel', 'sale-form-channel-option-livestream');
    await choose(district.page, 'sale-form-buyer-type', 'sale-form-buyer-type-option-individual');
    await choose(district.page, 'sale-form-credited-org', `org-option-${minhang.id}`, '闵行区人民政府');
    await district.page.getByTestId('sale-form-amount').fill('52700');
    await district.page.getByTestId('sale-form-submit').click();
    await closed(district.page, 'sale-form');
    expect(await totalOf()).toBe(5_270_000);
    await district.page.screenshot({ path: 'e2e/screenshots/sales.png', fullPage: true });
    await district.context.close();
  });

  it('imports a sales file with a progress bar and shows the loaded rows', async () => {
    const { context, page } = await signedIn('minhang');
    const lines = Array.from({ length: 3000 }, (_, i) => `${ago(2)},香格里拉市森吉尼达生物资源开发有限公司,,菌菇,,商超,企业,上海市闵行区人民政府,${100 + i}.50,,,`);
    const csv = `\uFEFF销售日期,供应主体,产品,品类,县代码,销售渠道,购买方类型,计入单位,金额（元）,数量,单位,带动户数\n${lines.join('\n')}\n`;
    await page.goto(`${b.baseUrl}/sales`);
    await page.getByTestId('sales-import').click();
    await page.getByTestId('sales-import-file').setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('sales-import-submit').click();
    await page.locator('[data-testid="sales-import-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('sales-import-counts').getAttribute('data-rows-loaded')).toBe('3000');
    await page.screenshot({ path: 'e2e/screenshots/sales-import.png' });
    await context.close();
  });
});
