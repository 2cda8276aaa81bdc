import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, useBrowser } from './harness.ts';
import { rowsOf } from '../src/testing/xlsx.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();
/** The demo's projects and their money flows are of 2020. */
const YEAR = 2020;

/** No page-level horizontal scroll at 1280 px. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** Every evidence row's base value (data-raw) on every page of the table, and the number of rows. */
async function evidenceRaws(page: Page): Promise<number[]> {
  const raws: number[] = [];
  for (;;) {
    const rows = page.locator('[data-testid="evidence-table"] tr[data-testid^="evidence-row-"]');
    await rows.first().waitFor();
    for (const raw of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-raw')))) raws.push(Number(raw));
    const next = page.locator('[data-testid="evidence-table"] .ant-pagination-next');
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') return raws;
    const first = await rows.first().getAttribute('data-testid');
    await next.click();
    await expect.poll(() => rows.first().getAttribute('data-testid')).not.toBe(first);
  }
}

describe('考核指标 and the dashboards in the browser', () => {
  it('a district user sees the key figures of the year, and one figure leads to records that add up to it', async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('minhang');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-page').waitFor();

    // The figures the API computes for the district's own scope, to compare the page with.
    const api = async (path: string) => {
      const res = await page.request.get(`${b.baseUrl}/api/v1${path}`);
      expect(res.status(), path).toBe(200);
      return res.json();
    };
    const report = await api(`/indicators/values?year=${YEAR}`);
    expect(report.scope).toMatchObject({ kind: 'district', name: '上海市闵行区人民政府' });
    const allocated = report.items.find((x: { code: string }) => x.code === 'fund_allocated');
    expect(allocated.raw).toBeGreaterThan(0);

    // The scope is the user's own by default; the year is picked.
    await expect.poll(() => page.getByTestId('scope-picker').textContent()).toContain('上海市闵行区人民政府');
    await choose(page, 'year-picker', `year-picker-option-${YEAR}`);
    await page.waitForURL(new RegExp(`year=${YEAR}`));
    const card = page.getByTestId('home-figure-fund_allocated');
    await expect.poll(() => card.getAttribute('data-raw')).toBe(String(allocated.raw));
    for (const code of ['fund_spend_rate', 'projects', 'project_start_rate', 'cadres_on_post', 'training_person_times_east', 'labor_placed', 'donation_cash', 'sales', 'enterprises', 'investment_signed', 'coverage_villages']) {
      await page.getByTestId(`home-figure-${code}`).waitFor();
    }
    expect(await page.getByTestId('home-figure-value-fund_allocated').textContent()).toBe((allocated.raw / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    // Charts come after the figures (ECharts loaded on demand), the rankings and the 十有 grid with names, never ids.
    await page.getByTestId('home-chart-years').waitFor();
    await page.getByTestId('home-chart-area').waitFor();
    await page.getByTestId('home-ranking-county-row-1').waitFor();
    expect(await page.getByTestId('home-ranking-county-row-1').textContent()).toContain('香格里拉市');
    const grid = page.getByTestId('home-grid-table');
    await grid.locator('tr[data-testid^="home-grid-row-"]').first().waitFor();
    const gridText = await grid.innerText();
    expect(gridText).toContain('上海市闵行区人民政府');
    expect(gridText).not.toMatch(/#\d/);
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/indicators-home.png', fullPage: true });

    // One figure → the records behind it, whose values add up to it over all pages.
    await card.click();
    await page.waitForURL(/\/indicators\/fund_allocated\?/);
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(YEAR));
    await page.getByTestId('evidence-page').waitFor();
    const raws = await evidenceRaws(page);
    expect(raws.reduce((a, r) => a + r, 0)).toBe(allocated.raw);
    expect(String(raws.length)).toBe(await page.getByTestId('evidence-total').getAttribute('data-count'));
    expect(await page.getByTestId('evidence-sum').getAttribute('data-raw')).toBe(String(allocated.raw));
    await expect.poll(() => page.getByTestId('evidence-match').getAttribute('data-match')).toBe('true');
    const table = await page.getByTestId('evidence-table').innerText();
    expect(table).toContain('资金流水');
    expect(table).toContain('香格里拉市');
    expect(table).not.toMatch(/#\d/);
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/indicators-evidence.png', fullPage: true });

    // The same records as Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const rows = await rowsOf(await readFile(await download.path()));
    expect(rows.length - 1).toBe(raws.length);
    const value = rows[0].indexOf('数值');
    expect(rows.slice(1).reduce((a, r) => a + Number(r[value]), 0)).toBeCloseTo(allocated.value, 6);

    // 考核指标: every figure by area; the name leads to the same evidence.
    await page.getByTestId('evidence-back').click();
    await page.getByTestId('indicators-page').waitFor();
    await expect.poll(() => page.getByTestId('indicator-value-fund_allocated').getAttribute('data-raw')).toBe(String(allocated.raw));
    await page.getByTestId('indicators-area-talent').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/indicators-list.png', fullPage: true });
    await context.close();
  });

  it('the assessment page downloads the self-assessment report as DOCX', async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    expect((await context.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'minhang', password: DEMO_PASSWORD } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/assessment?year=${YEAR}`);
    const button = page.getByRole('button', { name: '下载自评报告（DOCX）' });
    await button.waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await readFile(await download.path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    await context.close();
  });
});
