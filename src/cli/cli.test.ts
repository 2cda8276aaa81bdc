import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, envFor } from '../testing/test-db.ts';

const run = promisify(execFile);
let env: NodeJS.ProcessEnv;

/** Runs the real `xiezuo` bin, as `npx xiezuo …` does. */
async function xiezuo(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/xiezuo.mjs', ...args], { env, cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  env = envFor(await createTestDatabase());
  const demo = await xiezuo('demo');
  expect(demo.code).toBe(0);
});

describe('the xiezuo command', () => {
  it('creates an administrator only with a password that meets the policy', async () => {
    const weak = await run('node', ['bin/xiezuo.mjs', 'users', 'create-admin', '--username', 'ops'], { env: { ...env, XIEZUO_ADMIN_PASSWORD: 'weak' } }).catch((e) => e);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password');
    const ok = await run('node', ['bin/xiezuo.mjs', 'users', 'create-admin', '--username', 'ops', '--name', '运维'], { env: { ...env, XIEZUO_ADMIN_PASSWORD: 'Strong-Admin-2026' } });
    expect(ok.stdout).toContain('已创建系统管理员 ops');
    const again = await run('node', ['bin/xiezuo.mjs', 'users', 'create-admin', '--username', 'ops'], { env: { ...env, XIEZUO_ADMIN_PASSWORD: 'Strong-Admin-2026' } }).catch((e) => e);
    expect(again.stderr).toContain('已被使用');
  });

  it('prints a region\'s indicators, and the records behind one that sum to it', async () => {
    const r = await xiezuo('indicators', '--region', '533401', '--year', '2020', '--json');
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as { code: string; name: string; unit: string; value: number }[];
    const allocated = items.find((i) => i.code === 'fund_allocated')!;
    expect(allocated).toMatchObject({ name: '财政援助资金下达', unit: '万元' });
    expect(allocated.value).toBeGreaterThan(0);
    const e = await xiezuo('indicators', 'evidence', 'fund_allocated', '--region', '533401', '--year', '2020', '--json');
    expect(e.code, e.stderr).toBe(0);
    const rows = JSON.parse(e.stdout) as { value: number; raw: number }[];
    expect(rows.reduce((s, x) => s + x.raw, 0) / 1_000_000).toBe(allocated.value);
    const bad = await xiezuo('indicators', 'evidence', 'nope', '--region', '533401', '--year', '2020', '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('指标');
  });

  it('finds 香格里拉 with its code and full path', async () => {
    const r = await xiezuo('regions', 'find', '香格里拉', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.candidates[0].region).toMatchObject({ code: '533401', fullName: '云南省 迪庆藏族自治州 香格里拉市' });
  });

  it("lists 香格里拉市's townships as paired or not", async () => {
    const r = await xiezuo('pairings', 'coverage', '香格里拉市', '--json', '--year', '2024');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.region.code).toBe('533401');
    const byName = Object.fromEntries(out.units.map((u: { name: string; paired: boolean }) => [u.name, u.paired]));
    expect(byName).toMatchObject({ 金江镇: true, 虎跳峡镇: true, 建塘镇: false });
    expect(out.own.map((p: { eastOrgName: string }) => p.eastOrgName)).toContain('上海市闵行区人民政府');
  });

  it('lists the pairings of a district and its sub-units, by alias', async () => {
    const r = await xiezuo('pairings', 'list', '--org', '闵行区', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const wests = out.items.map((p: { westOrg: { name: string } }) => p.westOrg.name);
    expect(wests).toEqual(expect.arrayContaining(['香格里拉市人民政府', '泽普县人民政府', '金江镇人民政府', '香格里拉市司法局']));
    const county = await xiezuo('pairings', 'list', '--county', '533401', '--json');
    expect(JSON.parse(county.stdout).items.every((p: { westOrg: { regionCode: string } }) => p.westOrg.regionCode.startsWith('533401'))).toBe(true);
  });

  it('says clearly what is wrong, with a non-zero exit', async () => {
    const ambiguous = await xiezuo('pairings', 'coverage', '联合村');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('村级');
    const usage = await xiezuo('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('未知命令');
    const badUrl = await run('node', ['bin/xiezuo.mjs', 'migrate'], { env: { ...env, DATABASE_URL: 'mysql://x/y' } }).catch((e) => e);
    expect(badUrl.stderr).toContain('DATABASE_URL');
  });
});
