import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { choose, useBrowser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';

const b = useBrowser();

async function session(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const res = await context.request.post(`${b.baseUrl}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { context, page: await context.newPage() };
}

async function step(page: Page, to: string, fields: Record<string, string> = {}, opts: { refused?: boolean } = {}) {
  await page.getByTestId(`project-step-${to}`).click();
  await page.getByTestId('step-form').waitFor();
  for (const [id, value] of Object.entries(fields)) await page.getByTestId(id).fill(value);
  await page.getByTestId('step-submit').click();
  if (!opts.refused) await page.getByTestId('step-form').waitFor({ state: 'hidden' }); // the dialog closes once the step is taken
}

const statusOf = (page: Page) => page.getByTestId('project-status').textContent();

describe('a project from the reserve to completion in the browser', () => {
  it('is refused submission until complete, then approved, disbursed with two signers and completed', async () => {
    const { context, page } = await session('city');
    await page.goto(`${b.baseUrl}/projects`);
    await page.getByTestId('project-create').click();
    await page.getByTestId('project-form-name').fill('浏览器测试乡村旅游项目');
    await page.locator('[data-testid="project-form-level"]').click();
    await page.getByTestId('project-form-level-option-district').click();
    await page.locator('[data-testid="project-form-category"]').click();
    await page.getByTestId('project-form-category-option-rural_tourism').click();
    await choose(page, 'project-form-region', 'region-option-533401102', '小中甸镇');
    await page.getByTestId('project-form-fund-shanghai').fill('1000000');
    await page.getByTestId('project-form-submit').click();
    await page.waitForURL(/\/projects\/\d+$/);
    const projectId = Number(page.url().split('/').pop());

    // 四个明确 not met: submission is refused and the dialog says what is missing.
    await expect.poll(() => page.getByTestId('project-clarities').getAttribute('data-met')).toBe('false');
    await step(page, 'submitted', {}, { refused: true });
    await expect.poll(() => page.getByTestId('step-form-refusal').textContent()).toContain('四个明确');
    await page.keyboard.press('Escape');

    // Complete the plan (content, use of funds adding up, schedule, benefits), then submit, review, approve.
    const csrf = (await context.cookies()).find((c) => c.name === 'xiezuo_csrf')!.value;
    const patched = await context.request.patch(`${b.baseUrl}/api/v1/projects/${projectId}`, {
      headers: { 'x-csrf-token': csrf },
      data: { content: '建设游客接待中心', expectedBenefits: '带动 50 户增收', budgetItems: [{ item: '接待中心', amountFen: 100_000_000 }], milestones: [{ name: '主体完工', dueOn: '2099-12-31' }] },
    });
    expect(patched.status()).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByTestId('project-clarities').getAttribute('data-met')).toBe('true');
    await step(page, 'submitted');
    await expect.poll(() => statusOf(page)).toContain('已申报');
    await step(page, 'reviewed');
    await expect.poll(() => statusOf(page)).toContain('已评审');
    await step(page, 'approved', { 'step-form-document-no': '香扶组发〔2026〕1号', 'step-form-approved': '1000000' });
    await expect.poll(() => statusOf(page)).toContain('已批复');

    // 下达, then a 拨付 that stays pending until both sides co-sign.
    await page.getByTestId('project-tab-funds').click();
    await page.getByTestId('fund-allocate').click();
    await page.getByTestId('fund-form-amount').fill('600000');
    await page.getByTestId('fund-submit').click();
    await expect.poll(() => page.getByTestId('funds-total-allocated').getAttribute('data-fen')).toBe('60000000');
    await page.getByTestId('fund-record').click();
    await page.getByTestId('fund-form-amount').fill('400000');
    await page.getByTestId('fund-submit').click();
    await expect.poll(() => page.getByTestId('funds-total-pending').count()).toBe(1);
    const funds = await (await context.request.get(`${b.baseUrl}/api/v1/projects/${projectId}/funds`)).json();
    const disbursement = funds.find((f: { kind: string }) => f.kind === 'disburse').id;

    for (const signer of ['xgl_leader', 'frontline']) {
      const s = await session(signer);
      await s.page.goto(`${b.baseUrl}/projects/${projectId}`);
      await s.page.getByTestId('project-tab-funds').click();
      await s.page.getByTestId(`fund-cosign-${disbursement}`).click();
      await s.page.getByTestId(`fund-cosign-confirm-${disbursement}`).click();
      await expect.poll(() => s.page.getByTestId(`fund-signatures-${disbursement}`).locator('[data-side]').count()).toBe(signer === 'frontline' ? 2 : 1);
      await s.context.close();
    }
    await page.reload();
    await page.getByTestId('project-tab-funds').click();
    await expect.poll(() => page.getByTestId(`fund-status-${disbursement}`).getAttribute('data-status')).toBe('effective');
    await expect.poll(() => page.getByTestId('funds-total-disbursed').getAttribute('data-fen')).toBe('40000000');

    await step(page, 'in_progress');
    await expect.poll(() => statusOf(page)).toContain('实施中');
    await step(page, 'completed');
    await expect.poll(() => statusOf(page)).toContain('已完工');
    await page.getByTestId('project-tab-history').click();
    await page.screenshot({ path: 'e2e/screenshots/project-completed.png', fullPage: true });
    await context.close();
  });
});
