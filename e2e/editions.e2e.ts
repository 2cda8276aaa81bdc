import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choose, typeDate, useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();
/** The demo records 闵行区's August 2020 activities in 香格里拉 (司法局, 侨联, 教育局 — all units of the district government). */
const PUBLISHER = '上海市闵行区人民政府';
const FROM = '2020-08-01';
const TO = '2020-08-31';

describe('简报编发 in the browser', () => {
  it('composes a bulletin from the month’s activities, edits its items, submits and issues it, then downloads the DOCX; a used number is refused on its field', async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    expect((await context.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'city', password: DEMO_PASSWORD } })).status()).toBe(200);
    const api = async (path: string) => (await context.request.get(`${b.baseUrl}/api/v1${path}`)).json();
    const publisher = (await api(`/orgs/lookup?q=${encodeURIComponent(PUBLISHER)}`)).items.find((o: { name: string }) => o.name === PUBLISHER);
    const candidates = await api(`/bulletin-editions/candidates?from=${FROM}&to=${TO}&publisher=${publisher.id}`);
    expect(candidates.length).toBeGreaterThanOrEqual(2);

    // The menu group 工作简报 holds 简报导入 and 简报编发.
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/bulletins`);
    await page.getByTestId('nav-bulletin-editions').click();
    await page.waitForURL(/\/bulletin-editions$/);
    await page.getByTestId('edition-create').click();
    await expect.poll(() => page.getByTestId('edition-form-title').inputValue()).toBe('东西部协作工作简报');
    await choose(page, 'edition-form-publisher', `org-option-${publisher.id}`, '闵行区人民政府');
    // The editor follows the publisher; the numbers are the series' next ones.
    await expect.poll(() => page.getByTestId('edition-form-editor').inputValue()).toBe(PUBLISHER);
    await expect.poll(() => page.getByTestId('edition-form-issue-no').inputValue()).toBe('1');
    expect(await page.getByTestId('edition-form-total-no').inputValue()).toBe('1');
    const period = page.getByTestId('edition-form-period');
    await typeDate(page, period.nth(0), FROM);
    await typeDate(page, period.nth(1), TO);
    await page.getByTestId('edition-form-bao').locator('input').fill('上海市人民政府合作交流办公室');
    await page.keyboard.press('Enter');
    await page.getByTestId('edition-form-copies').fill('30');
    await page.screenshot({ path: 'e2e/screenshots/bulletin-edition-form.png' });
    await page.getByTestId('edition-form-submit').click();
    await page.waitForURL(/\/bulletin-editions\/\d+$/);
    const id = Number(page.url().split('/').pop());
    await page.getByTestId('edition-page').waitFor();

    // One drafted item per activity of the period, in the editor.
    const cards = page.locator('[data-testid^="edition-item-"][data-activity]');
    await expect.poll(() => cards.count()).toBe(candidates.length);
    expect(await page.getByTestId('edition-number').textContent()).toMatch(/年第1期（总第1期）$/);
    await page.screenshot({ path: 'e2e/screenshots/bulletin-edition-draft.png', fullPage: true });

    // Edit one item's headline, drop the last drafted item and take it back from the activities, add a free item.
    const edited = candidates.findIndex((c: { title: string }) => c.title.includes('闵香两地'));
    const title = '闵香两地师生手拉手交流学习';
    await page.getByTestId(`edition-item-edit-${edited}`).click();
    await page.getByTestId('item-form-title').fill(title);
    await page.screenshot({ path: 'e2e/screenshots/bulletin-edition-item.png' });
    await page.getByTestId('item-form-submit').click();
    await page.getByTestId('item-form').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId(`edition-item-title-${edited}`).textContent()).toBe(`${edited + 1}. ${title}`);
    await page.getByTestId('edition-items-unsaved').waitFor();

    const last = candidates.length - 1;
    const dropped = Number(await page.getByTestId(`edition-item-${last}`).getAttribute('data-activity'));
    await page.getByTestId(`edition-item-remove-${last}`).click();
    await expect.poll(() => cards.count()).toBe(candidates.length - 1);
    await page.getByTestId('edition-add-candidates').click();
    await page.getByTestId(`candidate-row-${dropped}`).waitFor();
    expect(await page.getByTestId(`candidate-row-${candidates[0].activityId === dropped ? candidates[1].activityId : candidates[0].activityId}`).getAttribute('data-present')).toBe('true');
    await page.getByTestId(`candidate-row-${dropped}`).locator('.ant-checkbox-input').check();
    await page.screenshot({ path: 'e2e/screenshots/bulletin-edition-candidates.png' });
    await page.getByTestId('candidates-submit').click();
    await page.getByTestId('candidates-modal').waitFor({ state: 'hidden' });
    await expect.poll(() => cards.count()).toBe(candidates.length);

    await page.getByTestId('edition-add-item').click();
    await page.getByTestId('item-form-section').locator('input').fill('工作动态');
    await page.getByTestId('item-form-title').fill('区总工会开展“工会送温暖”活动');
    await page.getByTestId('item-form-body').fill('8月28日，区总工会向香格里拉市总工会捐赠慰问物资一批。');
    await page.getByTestId('item-form-submit').click();
    await page.getByTestId('item-form').waitFor({ state: 'hidden' });
    await expect.poll(() => cards.count()).toBe(candidates.length + 1);

    // 送审 waits for 保存; 保存 sends the whole list.
    expect(await page.getByTestId('edition-submit').isDisabled()).toBe(true);
    await page.getByTestId('edition-items-save').click();
    await expect.poll(() => page.getByTestId('edition-items-editor').getAttribute('data-dirty')).toBe('false');
    const saved = await api(`/bulletin-editions/${id}`);
    expect(saved.items).toHaveLength(candidates.length + 1);
    expect(saved.items[edited]).toMatchObject({ title, activityId: candidates[edited].activityId });
    expect(saved.items.at(-1)).toMatchObject({ section: '工作动态', title: '区总工会开展“工会送温暖”活动', activityId: null });
    expect(saved.items.map((i: { activityId: number | null }) => i.activityId).filter(Boolean).sort()).toEqual(candidates.map((c: { activityId: number }) => c.activityId).sort());
    expect(saved.distribution.bao).toEqual(['上海市人民政府合作交流办公室']);
    // The preview shows what was saved.
    await page.frameLocator('[data-testid="edition-preview"]').locator('h3', { hasText: title }).waitFor();

    // 送审; 退回 with a reason brings the draft and its editor back; 送审 again, then 印发 with its confirmation: frozen, the editor gone.
    const status = () => page.getByTestId('edition-status').getAttribute('data-status');
    await page.getByTestId('edition-submit').click();
    await expect.poll(status).toBe('review');
    expect(await page.getByTestId('edition-items-editor').count()).toBe(0);
    await page.getByTestId('edition-return').click();
    await page.getByTestId('return-form-reason').fill('请核对八月下旬的活动');
    await page.getByTestId('return-submit').click();
    await expect.poll(status).toBe('draft');
    await expect.poll(() => page.getByTestId('edition-returned').textContent()).toContain('请核对八月下旬的活动');
    await page.getByTestId('edition-items-editor').waitFor();
    await page.getByTestId('edition-submit').click();
    await expect.poll(status).toBe('review');
    await page.getByTestId('edition-issue').click();
    await page.getByTestId('edition-issue-confirm').click();
    await expect.poll(status).toBe('issued');
    expect(await page.getByTestId('edition-status').textContent()).toBe('已印发');
    await page.getByTestId('edition-items-readonly').waitFor();
    expect(await page.getByTestId('edition-items-editor').count()).toBe(0);
    expect(await page.getByTestId('edition-submit').count()).toBe(0);
    expect(await page.getByTestId('edition-edit').count()).toBe(0);
    await expect.poll(() => page.getByTestId('edition-issued-by').textContent()).toMatch(/^city \d{4}-/);
    expect(await page.getByTestId('edition-submitted-by').textContent()).toBe('city');

    // The DOCX: a zip of some size.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('edition-download-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/^东西部协作工作简报.*\.docx$/);
    const docx = readFileSync((await download.path())!);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.length).toBeGreaterThan(5 * 1024);
    await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
    await page.screenshot({ path: 'e2e/screenshots/bulletin-edition.png', fullPage: true });

    // The list shows it issued; a second edition with 第1期 again is refused on the 期号 field with the server's message.
    await page.goto(`${b.baseUrl}/bulletin-editions`);
    await expect.poll(() => page.getByTestId(`edition-status-${id}`).getAttribute('data-status')).toBe('issued');
    await page.getByTestId('edition-create').click();
    await choose(page, 'edition-form-publisher', `org-option-${publisher.id}`, '闵行区人民政府');
    await expect.poll(() => page.getByTestId('edition-form-issue-no').inputValue()).toBe('2');
    await page.getByTestId('edition-form-compose').click();
    await page.getByTestId('edition-form-issue-no').fill('1');
    await page.getByTestId('edition-form-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual([expect.stringContaining('期号已被使用')]);
    expect(page.url()).toMatch(/\/bulletin-editions$/);
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.screenshot({ path: 'e2e/screenshots/bulletin-edition-used-number.png' });

    // In English the page is English throughout (the bulletin's own text stays Chinese).
    await page.goto(`${b.baseUrl}/bulletin-editions/${id}`);
    await page.getByTestId('locale-en').click();
    await expect.poll(() => page.getByTestId('edition-status').textContent()).toBe('Issued');
    await page.screenshot({ path: 'e2e/screenshots/bulletin-edition-en.png' });
    await page.goto(`${b.baseUrl}/bulletin-editions`);
    await page.getByTestId('edition-table').waitFor();
    await page.screenshot({ path: 'e2e/screenshots/bulletin-editions-en.png' });
    await context.close();
  });
});
