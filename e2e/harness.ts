import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildServer, WEB_DIST, type App } from '../src/platform/http/server.ts';
import { openTestDatabase } from '../src/testing/test-db.ts';
import { loadDemo } from '../src/modules/demo/demo.seed.ts';
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
    await loadDemo(b.database.db);
    b.app = await buildServer({ database: b.database, demo: true });
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
