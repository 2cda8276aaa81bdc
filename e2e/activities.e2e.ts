import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, closed, useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();

async function date(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(value);
  await page.keyboard.press('Enter');
}

describe('the activity log in the browser', () => {
  it("records a visit with a signing and two donations, then shows them on the pairing's timeline and totals", async () => {
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const api = context.request;
    expect((await api.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'minhang', password: DEMO_PASSWORD } })).status()).toBe(200);
    const csrf = (await context.cookies()).find((c) => c.name === 'xiezuo_csrf')!.value;
    const pairings = (await (await api.get(`${b.baseUrl}/api/v1/pairings?q=司法局&pageSize=50`)).json()).items;
    const pairing = pairings.find((p: { eastOrg: { name: string } }) => p.eastOrg.name === '闵行区司法局');
    const agreement = await (await api.post(`${b.baseUrl}/api/v1/pairings/${pairing.id}/agreements`, { headers: { 'x-csrf-token': csrf }, data: { year: 2024, title: '2024年结对帮扶协议', signedOn: '2024-05-20' } })).json();
    const totals = async () => (await (await api.get(`${b.baseUrl}/api/v1/donations/totals?by=pairing`)).json()).find((r: { key: string }) => r.key === String(pairing.id));
    const before = await totals();

    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/activities`);
    await page.getByTestId('activity-create').click();
    await page.locator('[data-testid="activity-form-type"]').click();
    await page.getByTestId('activity-form-type-option-visit').click();
    await page.getByTestId('activity-form-title').fill('闵行区司法局赴香格里拉开展结对帮扶并签约');
    await date(page, 'activity-form-start', '2024-05-20');
    await date(page, 'activity-form-end', '2024-05-22');
    await choose(page, 'activity-form-pairing', `pairing-option-${pairing.id}`, '司法局');
    // The agreement options load after the pairing is chosen: choose() picks again if a click on a list being replaced is lost.
    await choose(page, 'activity-form-link-agreement', `activity-form-link-agreement-option-${agreement.id}`);
    await page.keyboard.press('Escape');
    for (const [donor, yuan] of [['上海某律师事务所', '50000'], ['上海某公益基金会', '20000']]) {
      await page.getByTestId('activity-form-link-donation-new').click();
      await page.getByTestId('donation-form-donor-name').fill(donor);
      await choose(page, 'donation-form-recipient-org', `org-option-${pairing.westOrg.id}`, '');
      await page.getByTestId('donation-form-value').fill(yuan);
      await page.getByTestId('donation-form-submit').click();
      await closed(page, 'donation-form');
    }
    await page.getByTestId('activity-form-submit').click();
    await page.getByTestId('activity-form').waitFor({ state: 'hidden' });

    const visit = (await (await api.get(`${b.baseUrl}/api/v1/activities?pairing=${pairing.id}&q=签约`)).json()).items[0];
    expect(visit.links.map((l: { kind: string }) => l.kind).sort()).toEqual(['agreement', 'donation', 'donation']);

    await page.goto(`${b.baseUrl}/pairings?open=${pairing.id}`);
    await page.getByTestId(`pairing-timeline-item-${visit.id}`).waitFor();
    await expect.poll(() => page.getByTestId('pairing-donation-cash').getAttribute('data-fen')).toBe(String((before?.cashFen ?? 0) + 7_000_000));
    await expect.poll(() => page.getByTestId('pairing-donation-count').getAttribute('data-count')).toBe(String((before?.count ?? 0) + 2));
    await page.screenshot({ path: 'e2e/screenshots/pairing-timeline.png', fullPage: true });
    await context.close();
  });
});
