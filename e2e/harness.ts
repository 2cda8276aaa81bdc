import fs from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildApp, WEB_DIST, type App } from '../src/app/server.ts';
import { openTestDatabase } from '../src/testing/test-db.ts';
import { loadDemoData } from '../src/app/demo.ts';
import type { Database } from '../src/platform/db/database.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browsing {
  app: App;
  database: Database;
  browser: Browser;
  page: Page;
  baseUrl: string;
  /** Saves a screenshot under e2e/screenshots (ignored by git) for a person to look at. */
  shot(name: string): Promise<void>;
}

/** The real server on its own database (with demo data), and a real Chromium page on it. */
export function useBrowser(): Browsing {
  const b = {} as Browsing;
  beforeAll(async () => {
    if (!fs.existsSync(`${WEB_DIST}index.html`)) throw new Error('web/dist is missing: run `npm run build:web` first (npm run e2e does).');
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does).`);
    b.database = await openTestDatabase();
    await loadDemoData(b.database.db);
    b.app = await buildApp({ database: b.database, demo: true });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    const address = b.app.server.address();
    b.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    b.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    b.page = await b.browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    b.shot = async (name) => {
      fs.mkdirSync('e2e/screenshots', { recursive: true });
      await b.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
    };
  });
  afterAll(async () => {
    await b.browser?.close();
    await b.app?.close();
  });
  return b;
}

/** Picks an option of an antd select (typing `text` first when given); a click can land while the dropdown moves, so the choice is checked and retried. */
export async function choose(page: Page, testId: string, option: string, text = '') {
  const select = page.locator(`[data-testid="${testId}"]`).first();
  for (let attempt = 0; ; attempt++) {
    const input = select.locator('input').first();
    await input.click();
    if (text) await input.fill(text);
    await page.getByTestId(option).first().click();
    const chosen = await expect.poll(() => select.locator('.ant-select-content-has-value, .ant-select-selection-item').count(), { timeout: 3_000 }).toBeGreaterThan(0).then(() => true, () => false);
    if (chosen) return;
    if (attempt === 2) throw new Error(`could not choose ${option} in ${testId}`);
    await page.keyboard.press('Escape');
  }
}

/** Types a date (YYYY-MM-DD) into an antd date input (a DatePicker, or one end of a RangePicker) and confirms it. */
export async function typeDate(page: Page, input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await page.keyboard.press('Enter');
}

/** Waits for a form to close; if it stays open, fails with what it says (field errors, alerts). */
export async function closed(page: Page, testId: string) {
  const form = page.getByTestId(testId);
  await expect
    .poll(async () => ((await form.isVisible()) ? await page.locator('.ant-form-item-explain-error, .ant-alert, .ant-message-notice').allTextContents() : 'closed'), { timeout: 30_000 })
    .toBe('closed');
}
