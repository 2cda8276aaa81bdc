import { describe, expect, it } from 'vitest';
import { choose, closed, typeDate, useBrowser } from './harness.ts';
import { rowsOf } from '../src/testing/xlsx.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();
const COUNTY = '533401';

describe('产业合作 in the browser', () => {
  it('records an enterprise introduced through the form, lists it with names and 万元, counts it in the summary and exports it', async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const api = context.request;
    expect((await api.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'minhang', password: DEMO_PASSWORD } })).status()).toBe(200);
    const get = async (path: string) => (await api.get(`${b.baseUrl}/api/v1${path}`)).json();
    const pairing = (await get(`/pairings?q=${encodeURIComponent('香格里拉')}&pageSize=50`)).items.find(
      (p: { type: string; eastOrg: { name: string } }) => p.type === 'east_west' && p.eastOrg.name === '上海市闵行区人民政府',
    );
    const summary = async () => (await get('/industry/summary?year=2024')).total.enterprises as { count: number; signedFen: number; jobs: number };
    const before = await summary();
    const name = `上海某生物科技有限公司（香格里拉分公司）${Date.now() % 100000}`;

    const page = await context.newPage();
    // No county filter: its chosen label would carry the same option test id as the form's county picker.
    await page.goto(`${b.baseUrl}/industry?year=2024`);
    await expect.poll(() => page.getByTestId('industry-summary-enterprises').getAttribute('data-value')).toBe(String(before.count));
    await page.getByTestId('enterprise-create').click();
    await page.getByTestId('enterprise-form-name').fill(name);
    await choose(page, 'enterprise-form-origin-org', `org-option-${pairing.eastOrg.id}`, '闵行区人民政府');
    await choose(page, 'enterprise-form-county', `region-option-${COUNTY}`, '香格里拉');
    await choose(page, 'enterprise-form-place', 'region-option-533401102', '小中甸镇');
    await choose(page, 'enterprise-form-industry', 'enterprise-form-industry-option-biomedicine');
    await typeDate(page, page.getByTestId('enterprise-form-signed-on'), '2024-06-18');
    await page.getByTestId('enterprise-form-signed').fill('5900');
    await page.getByTestId('enterprise-form-actual').fill('1200.5');
    await page.getByTestId('enterprise-form-jobs').fill('150');
    await page.getByTestId('enterprise-form-poor').fill('45');
    await page.getByTestId('enterprise-form-monitored').fill('6');
    await choose(page, 'enterprise-form-pairing', `pairing-option-${pairing.id}`, '香格里拉');
    // More poor people employed than jobs: the server's message lands on the field, and the form stays open.
    await page.getByTestId('enterprise-form-poor').fill('151');
    await page.getByTestId('enterprise-form-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toContain('脱贫人口就业人数（151）不能多于带动就业人数（150）');
    await page.getByTestId('enterprise-form-poor').fill('45');
    await page.getByTestId('enterprise-form-submit').click();
    await closed(page, 'enterprise-form');

    const made = (await get(`/industry/enterprises?q=${encodeURIComponent(name)}`)).items[0];
    expect(made).toMatchObject({ signedFen: 5_900_000_000, actualFen: 1_200_500_000, originOrgId: pairing.eastOrg.id, placeName: '小中甸镇', pairingId: pairing.id, owningOrgName: '闵行区合作交流办' });
    const row = page.getByTestId(`enterprise-row-${made.id}`);
    await row.waitFor();
    const text = await row.innerText();
    for (const shown of [name, '上海市闵行区人民政府', '香格里拉市 · 小中甸镇', '生物医药', '5,900.00', '1,200.50', '闵行区合作交流办']) expect(text).toContain(shown);
    // Names, never ids: no cell is a bare organisation or pairing number.
    for (const id of [pairing.eastOrg.id, pairing.id]) expect(text.split(/\t|\n/)).not.toContain(String(id));
    expect(text).not.toContain('#');

    await expect.poll(() => page.getByTestId('industry-summary-enterprises').getAttribute('data-value')).toBe(String(before.count + 1));
    await expect.poll(() => page.getByTestId('industry-summary-signed').getAttribute('data-value')).toBe(String(before.signedFen + 5_900_000_000));
    expect(await summary()).toMatchObject({ count: before.count + 1, jobs: before.jobs + 150 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('enterprise-sheet-export').click()]);
    expect(download.suggestedFilename()).toBe('引进企业.xlsx');
    const rows = await rowsOf(await (await import('node:fs/promises')).readFile(await download.path()));
    const col = (h: string) => rows[0].indexOf(h);
    const exported = rows.find((r) => r[col('企业名称')] === name)!;
    expect(exported[col('签约投资额（元）')]).toBe(59_000_000);
    expect(exported[col('引进来源')]).toBe('上海市闵行区人民政府');
    expect(exported[col('受援县')]).toBe('香格里拉市');
    // The export holds what the list shows: 2024's enterprises in 闵行's scope.
    expect(rows.length - 1).toBe(before.count + 1);
    await page.screenshot({ path: 'e2e/screenshots/industry.png', fullPage: true });
    await context.close();
  });
});
