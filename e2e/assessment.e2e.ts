import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { choose, closed, useBrowser } from './harness.ts';
import { rowsOf } from '../src/testing/xlsx.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();
/** The demo's projects and their money flows are of 2020. */
const YEAR = 2020;
const MINHANG = '上海市闵行区人民政府';

/** A context signed in as `username` (the session cookie set by the API), and its page. */
async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  expect((await context.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } })).status()).toBe(200);
  return { context, page: await context.newPage() };
}

/** A screenshot of this page under e2e/screenshots (ignored by git), for a person to look at. */
const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });

const apiOf = (page: Page) => async <T = any>(path: string): Promise<T> => {
  const res = await page.request.get(`${b.baseUrl}/api/v1${path}`);
  expect(res.status(), path).toBe(200);
  return res.json() as Promise<T>;
};

describe('考核目标 and 自评报告 in the browser', () => {
  it('the city admin sets a target for a district through the form, sees it listed, and a second one for the same indicator is refused on its field', async () => {
    const { context, page } = await signedIn('city');
    const api = apiOf(page);
    const choices = await api<{ districts: { id: number; name: string }[] }>('/indicators/scopes');
    const minhang = choices.districts.find((d) => d.name === MINHANG)!;
    expect(minhang).toBeTruthy();
    // An indicator without a target for the district and year yet (the demo may set some).
    const defs = await api<{ code: string; name: string; unit: string }[]>('/indicators');
    const taken = new Set((await api<{ items: { indicatorCode: string; districtId: number | null }[] }>(`/indicator-targets?year=${YEAR}&scopeKind=district&pageSize=200`)).items.filter((x) => x.districtId === minhang.id).map((x) => x.indicatorCode));
    const def = defs.find((d) => d.unit === '万元' && !taken.has(d.code))!;
    expect(def).toBeTruthy();

    // From 考核指标 to the targets page.
    await page.goto(`${b.baseUrl}/indicators?year=${YEAR}`);
    await page.getByTestId('indicators-targets-link').click();
    await page.waitForURL(/\/indicators\/targets/);
    await page.getByTestId('targets-page').waitFor();
    await page.getByTestId('targets-table').waitFor();

    const fill = async () => {
      await page.getByTestId('targets-create').click();
      await page.getByTestId('entry-form').waitFor();
      await choose(page, 'entry-form-indicator', `entry-form-indicator-option-${def.code}`, def.name);
      await choose(page, 'entry-form-year', `entry-form-year-option-${YEAR}`);
      await choose(page, 'entry-form-scope-kind', 'entry-form-scope-kind-option-district');
      await choose(page, 'entry-form-district', `entry-form-district-option-${minhang.id}`);
      await page.getByTestId('entry-form-value').fill('5000');
      await page.getByTestId('entry-form-document').fill('沪合作办〔2020〕3号');
      await page.getByTestId('entry-form-submit').click();
    };
    await fill();
    await closed(page, 'entry-form');

    const rows = page.locator(`[data-testid="targets-table"] tr[data-testid^="targets-row-"][data-indicator="${def.code}"]`);
    await expect.poll(() => rows.count()).toBe(1);
    const text = await rows.first().innerText();
    expect(text).toContain(def.name);
    expect(text).toContain(MINHANG);
    expect(text).toContain('5,000');
    expect(text).toContain('万元');
    expect(text).toContain('沪合作办〔2020〕3号');
    expect(text).toContain('city');
    expect(text).not.toMatch(/#\d/);
    const saved = (await api<{ items: { id: number; indicatorCode: string; value: number; districtId: number | null; scopeKind: string }[] }>(`/indicator-targets?year=${YEAR}&indicator=${def.code}`)).items;
    expect(saved).toMatchObject([{ indicatorCode: def.code, value: 5000, scopeKind: 'district', districtId: minhang.id }]);

    // The same target again: the server's 409 stays in the form, in Chinese, on the indicator field.
    await fill();
    await page.getByTestId('entry-form-conflict').waitFor();
    expect(await page.getByTestId('entry-form-conflict').innerText()).toContain('已设定');
    await expect.poll(() => page.locator('[data-testid="entry-form"] .ant-form-item-explain-error').allInnerTexts()).toContain('目标已存在');
    await shot(page, 'assessment-target-conflict');
    await page.keyboard.press('Escape');
    await closed(page, 'entry-form');
    await shot(page, 'assessment-targets');
    await context.close();
  });

  it('on 自评报告 the city admin picks a district, records an opinion, draws a sample and checks an item, and downloads the DOCX', async () => {
    const { context, page } = await signedIn('city');
    const api = apiOf(page);
    const minhang = (await api<{ districts: { id: number; name: string }[] }>('/indicators/scopes')).districts.find((d) => d.name === MINHANG)!;

    await page.goto(`${b.baseUrl}/assessment?year=${YEAR}`);
    await page.getByTestId('assessment-page').waitFor();
    await choose(page, 'scope-picker', `scope-picker-option-district-${minhang.id}`, '闵行');
    await page.waitForURL(new RegExp(`district=${minhang.id}`));
    await expect.poll(() => page.getByTestId('assessment-heading').textContent()).toContain(MINHANG);
    await page.locator('[data-testid="assessment-summary"] tr[data-testid^="assessment-area-"]').first().waitFor();
    const summary = await page.getByTestId('assessment-summary').innerText();
    expect(summary).toContain('资金使用');

    // 征求意见: a unit of the paired side, picked by name.
    const { counterparts } = await api<{ counterparts: { id: number; name: string }[] }>(`/assessment/opinions?year=${YEAR}&district=${minhang.id}`);
    expect(counterparts.length).toBeGreaterThan(0);
    const from = counterparts[0];
    await page.getByTestId('assessment-opinion-create').click();
    await page.getByTestId('assessment-opinion-form').waitFor();
    await choose(page, 'assessment-opinion-form-from', `assessment-opinion-form-from-option-${from.id}`);
    await page.getByTestId('assessment-opinion-form-text').fill('对口帮扶工作扎实，资金项目落实到位，建议加大产业合作力度。');
    await page.getByTestId('assessment-opinion-form-submit').click();
    await closed(page, 'assessment-opinion-form');
    const opinionRows = page.locator('[data-testid="assessment-opinion-table"] tr[data-testid^="assessment-opinion-row-"]');
    await expect.poll(() => opinionRows.count()).toBeGreaterThan(0);
    const opinions = await page.getByTestId('assessment-opinion-table').innerText();
    expect(opinions).toContain(from.name);
    expect(opinions).toContain('建议加大产业合作力度');
    await expect.poll(() => page.getByTestId('assessment-opinions-count').innerText()).toContain('1');

    // 抽取样本: the form offers a random 32-bit seed and 3 per indicator; the new sample's checklist opens.
    await page.getByTestId('assessment-sample-create').click();
    await page.getByTestId('assessment-sample-form').waitFor();
    const seed = Number(await page.getByTestId('assessment-sample-form-seed').inputValue());
    expect(Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_295).toBe(true);
    expect(await page.getByTestId('assessment-sample-form-per-indicator').inputValue()).toBe('3');
    await page.getByTestId('assessment-sample-form-submit').click();
    await closed(page, 'assessment-sample-form');
    await page.waitForURL(/sample=\d+/);
    const sampleId = Number(new URL(page.url()).searchParams.get('sample'));
    const checklist = page.getByTestId('assessment-checklist');
    const item = checklist.getByTestId('assessment-check-item-0');
    await item.waitFor();
    expect(await item.getAttribute('data-verified')).toBe('');
    const listed = await checklist.innerText();
    expect(listed).toContain(String(seed));
    expect(listed).not.toMatch(/#\d/);

    // 核实 the first record, with a note.
    await checklist.getByTestId('assessment-check-note-0').fill('已核对原始凭证');
    await checklist.getByTestId('assessment-check-0-verified').click();
    await expect.poll(() => item.getAttribute('data-verified')).toBe('true');
    await expect.poll(() => checklist.getByTestId('assessment-checklist-progress').getAttribute('data-checked')).toBe('1');
    const stored = await api<{ items: { verified: boolean | null; note: string | null; checkedBy: string | null }[] }>(`/assessment/samples/${sampleId}`);
    expect(stored.items[0]).toMatchObject({ verified: true, note: '已核对原始凭证', checkedBy: expect.any(String) });

    // The checklist as Excel.
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('assessment-checklist-export').click()]);
    expect(sheet.suggestedFilename()).toMatch(/\.xlsx$/);
    const rows = await rowsOf(await readFile(await sheet.path()));
    expect(rows.length - 1).toBeGreaterThanOrEqual(stored.items.length);
    await shot(page, 'assessment-checklist');

    // Back on the page: the sample is listed with its progress; the DOCX of the chosen district.
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('sample')).toBe(null);
    await expect.poll(() => page.getByTestId(`assessment-sample-row-${sampleId}`).getAttribute('data-checked')).toBe('1');
    const button = page.getByRole('button', { name: '下载自评报告（DOCX）', exact: true });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await readFile(await download.path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    // Of the district chosen on the page, not of the caller's own (city-wide) scope.
    const documentXml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
    expect(documentXml).toContain('闵行区');
    await shot(page, 'assessment-page');
    await context.close();
  });
});
