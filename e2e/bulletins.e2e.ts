import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();
const fixture = readFileSync(new URL('../src/modules/bulletins/fixtures/numbered-bulletin.txt', import.meta.url));

describe('简报导入 in the browser', () => {
  it('imports a bulletin, shows its items with the facts highlighted in the source, and accepts two of them as activities', async () => {
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
      if (!d.dateStart) {
        for (const field of ['accept-form-start', 'accept-form-end']) {
          await page.getByTestId(field).click();
          await page.getByTestId(field).fill('2024-03-29');
          await page.keyboard.press('Enter');
        }
      }
      await page.getByTestId('accept-submit').click();
      await page.getByTestId('accept-form').waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId(`draft-item-${d.id}`).getAttribute('data-status')).toBe('accepted');
    }
    await page.screenshot({ path: 'e2e/screenshots/bulletin-review.png', fullPage: true });

    const after = await (await context.request.get(`${b.baseUrl}/api/v1/bulletins/imports/${id}`)).json();
    for (const d of after.drafts.slice(0, 2)) {
      const activity = await (await context.request.get(`${b.baseUrl}/api/v1/activities/${d.activityId}`)).json();
      expect(activity.title).toBe(d.title);
      expect(activity.narrative).toContain('东西部协作工作简报2024-2.txt');
    }
    await page.getByTestId(`draft-activity-link-${after.drafts[0].id}`).click();
    await page.waitForURL(/\/activities/);
    await context.close();
  });
});
