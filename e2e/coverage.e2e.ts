import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();
const SHANGJIANG = '533401201'; // 上江乡, 香格里拉市 — not paired in the demo data

async function pick(testId: string, text: string, optionTestId: string) {
  const input = b.page.locator(`[data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(text);
  await b.page.locator(`[data-testid="${optionTestId}"]`).first().click();
}

describe('places, organisations, pairings and coverage in the browser', () => {
  it('creates an organisation, pairs it with a township, and shows the county coverage change', async () => {
    const page = b.page;
    const login = await page.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'city', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const before = await (await page.request.get(`${b.baseUrl}/api/v1/coverage/533401`)).json();
    expect(before.units.find((u: { code: string }) => u.code === SHANGJIANG).paired).toBe(false);
    const qibao = (await (await page.request.get(`${b.baseUrl}/api/v1/orgs?q=七宝镇`)).json()).items[0];

    await page.goto(`${b.baseUrl}/orgs`);
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-form-name').fill('上江乡人民政府（浏览器测试）');
    await page.getByTestId('org-form-side-west').click();
    await page.locator('[data-testid="org-form-type"]').click();
    await page.getByTestId('org-form-type-option-township').click();
    // On a busy machine the type list can still be open over the next field: close it first.
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
    await pick('org-form-region', '上江乡', `region-option-${SHANGJIANG}`);
    await page.getByTestId('org-form-submit').click();
    await page.waitForURL(/\/orgs\/\d+$/);
    await expect.poll(() => page.getByTestId('org-detail-name').textContent()).toBe('上江乡人民政府（浏览器测试）');

    await page.getByTestId('org-detail-pair').click();
    await page.locator('[data-testid="pairing-form-type"]').click();
    await page.getByTestId('pairing-form-type-option-xieshou').click();
    await pick('pairing-form-east', '七宝镇', `org-option-${qibao.id}`);
    await page.getByTestId('pairing-form-start').click();
    await page.getByTestId('pairing-form-start').fill('2024-03-01');
    await page.keyboard.press('Enter');
    await page.getByTestId('pairing-form-submit').click();
    await expect.poll(async () => (await (await page.request.get(`${b.baseUrl}/api/v1/pairings?org=${qibao.id}&region=${SHANGJIANG}`)).json()).total).toBe(1);

    await page.goto(`${b.baseUrl}/coverage/533401`);
    const unit = page.getByTestId(`coverage-unit-${SHANGJIANG}`);
    await expect.poll(() => unit.getAttribute('data-paired')).toBe('true');
    await expect.poll(() => page.getByTestId('coverage-townships-paired').textContent()).toContain(String(before.totals.pairedTownships + 1));
    await page.getByTestId('coverage-chart').waitFor();
    await b.shot('coverage-after-pairing');
  });
});
