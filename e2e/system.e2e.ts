import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { buildApp } from '../src/app/server.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

// The backup feature reads XIEZUO_BACKUP_DIR when the server is built (in the harness's beforeAll): this file's server backs up here.
const BACKUP_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-e2e-backups-'));
process.env.XIEZUO_BACKUP_DIR = BACKUP_DIR;
afterAll(() => fs.rmSync(BACKUP_DIR, { recursive: true, force: true }));

const b = useBrowser();

describe('系统状态 in the browser', () => {
  it('the system administrator sees the engine and readiness checks, backs up now, sees the file in the list and as 最近备份, and exports the list', async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    await page.getByTestId('nav-system').click();
    await page.waitForURL(/\/system$/);
    await expect.poll(() => page.getByTestId('system-engine').textContent()).toMatch(/^(嵌入式 PGlite|PostgreSQL)$/);
    expect(await page.getByTestId('system-demo').textContent()).toContain('包含演示数据');
    for (const name of ['database', 'migrations']) {
      const check = page.getByTestId(`system-check-${name}`);
      await expect.poll(() => check.getAttribute('data-ok')).toBe('true');
      expect(await check.textContent()).toContain('✓');
    }
    expect(await page.getByTestId('system-check-database').textContent()).toContain('数据库连接');
    expect(await page.getByTestId('system-ready').textContent()).toBe('就绪');

    // A backup folder is configured and still empty: backups are on, none made yet.
    await page.getByTestId('system-backup-none').waitFor();
    expect(await page.getByTestId('system-backup-off').count()).toBe(0);

    await page.getByTestId('system-backup-run').click();
    const done = page.locator('.ant-message-notice', { hasText: '备份完成' });
    await done.waitFor({ timeout: 60_000 });
    const [file] = fs.readdirSync(BACKUP_DIR).filter((n) => n.endsWith('.xzbak'));
    expect(file).toMatch(/^xiezuo-backup-\d{8}T\d{6}Z\.xzbak$/);
    expect(await done.textContent()).toContain(file);
    expect(await done.textContent()).toMatch(/MB/);

    const row = page.getByTestId(`system-backup-row-${file}`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect.poll(() => page.getByTestId('system-backup-last-file').textContent()).toBe(file);
    expect(await page.getByTestId('system-backup-last-size').textContent()).toMatch(/MB$/);
    expect(await page.getByTestId('system-backup-error').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('system-backups-export').click()]);
    expect(download.suggestedFilename()).toBe('服务端备份列表.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF文件,备份时间,大小（MB）,字节数');
    expect(csv).toContain(file);

    fs.mkdirSync('e2e/screenshots', { recursive: true });
    await page.screenshot({ path: 'e2e/screenshots/system-status.png', fullPage: true });
    await context.close();
  });

  it('without XIEZUO_BACKUP_DIR the page says scheduled backups are off, and 立即备份 shows the API’s reason', async () => {
    // A second server on the same database, built without a backup folder (last: it takes over the database's backup health).
    delete process.env.XIEZUO_BACKUP_DIR;
    const off = await buildApp({ database: b.database, demo: true });
    try {
      await off.listen({ port: 0, host: '127.0.0.1' });
      const address = off.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/login?next=${encodeURIComponent('/system')}`);
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/system$/);
      const notice = page.getByTestId('system-backup-off');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('未启用定时备份');
      expect(await notice.textContent()).toContain('XIEZUO_BACKUP_DIR');
      await page.getByTestId('system-backup-run').click();
      const error = page.locator('.ant-message-notice', { hasText: '服务端备份未启用' });
      await error.waitFor();
      expect(await error.textContent()).toContain('XIEZUO_BACKUP_DIR');
      await context.close();
    } finally {
      await off.close();
    }
  });
});
