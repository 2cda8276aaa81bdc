import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();

async function pairingId(east: string, west: string): Promise<number> {
  const api = await b.browser.newContext();
  await api.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username: 'city', password: DEMO_PASSWORD } });
  const list = await (await api.request.get(`${b.baseUrl}/api/v1/pairings?pageSize=200`)).json();
  await api.close();
  return list.items.find((p: { eastOrg: { name: string }; westOrg: { name: string } }) => p.eastOrg.name === east && p.westOrg.name === west).id;
}

describe('accounts and data scopes in the browser', () => {
  it("a district user logs in and does not see another district's pairing", async () => {
    const own = await pairingId('上海市闵行区人民政府', '香格里拉市人民政府');
    const other = await pairingId('上海市长宁区人民政府', '红河县人民政府');
    const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();

    await page.goto(`${b.baseUrl}/pairings`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByTestId('login-username').fill('minhang');
    await page.getByTestId('login-password').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/pairings/);

    await expect.poll(() => page.getByTestId('header-scope').textContent()).toContain('闵行区');
    await page.getByTestId(`pairing-row-${own}`).waitFor();
    expect(await page.getByTestId(`pairing-row-${other}`).count()).toBe(0);
    const direct = await page.request.get(`${b.baseUrl}/api/v1/pairings/${other}`);
    expect(direct.status()).toBe(404);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await page.screenshot({ path: 'e2e/screenshots/district-pairings.png', fullPage: true });
    await context.close();
  });
});
