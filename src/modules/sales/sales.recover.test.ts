import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../testing/test-app.ts';
import { buildApp } from '../../app/server.ts';
import { daysAgo, makeCertifiedProduct, makeOrg, makeSupplier } from '../../testing/factories.ts';
import { thisRunner } from './sales.runner.ts';

const t = useTestApp();
const HEADER = '销售日期,供应主体,产品,品类,县代码,销售渠道,购买方类型,计入单位,金额（元）,数量,单位,带动户数';
let csv: (n: number, from: number) => string;

beforeAll(async () => {
  const credited = await makeOrg(t, { side: 'east' });
  const supplier = await makeSupplier(t);
  const product = await makeCertifiedProduct(t, supplier.id);
  const yuan = (k: number) => `${10 + Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;
  csv = (n, from) => `\uFEFF${HEADER}\n${Array.from({ length: n }, (_, i) => `${daysAgo(3)},${supplier.name},${product.name},,,直播带货,个人,${credited.name},${yuan(from + i + 1)},2,斤,1`).join('\n')}\n`;
});

const db = () => t.database.db;
const stateOf = async (id: number) => db().selectFrom('sales_imports').select(['status', 'phase_note']).where('id', '=', id).executeTakeFirstOrThrow();
const rowsOf = async (id: number) => Number((await db().selectFrom('sales').select((eb) => eb.fn.countAll().as('n')).where('import_id', '=', id).executeTakeFirstOrThrow()).n);
async function finished(id: number) {
  for (;;) {
    const res = await t.call('GET', `/api/v1/sales/imports/${id}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The start tick of a process (Linux /proc), as the runner records it. */
const ticksOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[19]);
/** A process id that just ended: no process holds it. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

type Runner = { runner_host: string | null; runner_pid: number | null; runner_start_ticks: number | null; runner_started_at: Date | null };
async function unfinishedImport(status: 'queued' | 'checking' | 'loading', runner: Runner, heartbeatAgo = '0 seconds') {
  const { id } = await db()
    .insertInto('sales_imports')
    .values({ file_name: `${status}.csv`, format: 'csv', skip_invalid: false, status, total_bytes: 100, rows_valid: 3, rows_loaded: 2, actor_name: 'test', ...runner })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`update sales_imports set heartbeat_at = now() - ${heartbeatAgo}::interval where id = ${id}`.execute(db());
  return id;
}

/** A second server on the same database starting up: its recovery runs before it answers. */
async function restart() {
  const second = await buildApp({ database: t.database, webDist: '/nonexistent' });
  await second.ready();
  return second;
}

describe('interrupted sales imports', () => {
  it('fails at once, at start, every unfinished import whose runner is not a live process — no two-minute wait', async () => {
    const me = thisRunner();
    const here = hostname();
    const earlier = new Date(Date.now() - 3_600_000);
    const dead = await unfinishedImport('loading', { runner_host: here, runner_pid: deadPid(), runner_start_ticks: 12345, runner_started_at: earlier });
    const recycled = await unfinishedImport('checking', { runner_host: here, runner_pid: process.ppid, runner_start_ticks: ticksOf(process.ppid) + 1, runner_started_at: earlier });
    const myPidBefore = await unfinishedImport('queued', { runner_host: here, runner_pid: process.pid, runner_start_ticks: (me.startTicks ?? 0) - 100, runner_started_at: earlier });
    const meButNotRunning = await unfinishedImport('loading', { runner_host: here, runner_pid: me.pid, runner_start_ticks: me.startTicks, runner_started_at: me.startedAt });
    const noRunner = await unfinishedImport('loading', { runner_host: null, runner_pid: null, runner_start_ticks: null, runner_started_at: null });
    const elsewhereStale = await unfinishedImport('loading', { runner_host: 'another-host', runner_pid: 4242, runner_start_ticks: 1, runner_started_at: earlier }, '3 minutes');
    // Left alone: a live process of this host, and another host's import whose heartbeat is fresh.
    const liveHere = await unfinishedImport('loading', { runner_host: here, runner_pid: process.ppid, runner_start_ticks: ticksOf(process.ppid), runner_started_at: earlier });
    const elsewhereFresh = await unfinishedImport('loading', { runner_host: 'another-host', runner_pid: 4242, runner_start_ticks: 1, runner_started_at: earlier }, '30 seconds');

    const started = Date.now();
    const second = await restart();
    const took = Date.now() - started;
    try {
      for (const id of [dead, recycled, myPidBefore, meButNotRunning, noRunner, elsewhereStale]) {
        expect(await stateOf(id), `import ${id}`).toEqual({ status: 'failed', phase_note: '导入被中断：服务重启，请重新导入' });
      }
      for (const id of [liveHere, elsewhereFresh]) expect((await stateOf(id)).status, `import ${id}`).toBe('loading');
      const shown = (await t.call('GET', `/api/v1/sales/imports/${dead}`)).body;
      expect(shown).toMatchObject({ status: 'failed', phaseNote: expect.stringContaining('导入被中断：服务重启'), finishedAt: expect.any(String) });
      expect(took).toBeLessThan(60_000);
    } finally {
      await second.close();
      await sql`update sales_imports set status = 'failed' where id in (${liveHere}, ${elsewhereFresh})`.execute(db());
    }
  });

  it("removes the rows a killed import had loaded, and leaves this process's running imports alone", async () => {
    const first = (await t.upload('/api/v1/sales/imports?fileName=one.csv', csv(3_000, 0), 'text/csv')).body;
    expect(await finished(first.id)).toMatchObject({ status: 'done', rowsLoaded: 3_000 });
    // As if the server had been killed while loading it: still 'loading', its runner a process that is gone.
    await db().updateTable('sales_imports').set({ status: 'loading', runner_pid: deadPid(), runner_start_ticks: 1 }).where('id', '=', first.id).execute();
    expect(await rowsOf(first.id)).toBe(3_000);
    // Imports of this process, running and queued, while another server on the database starts.
    const running = (await t.upload('/api/v1/sales/imports?fileName=two.csv', csv(8_000, 10_000), 'text/csv')).body;
    const queued = (await t.upload('/api/v1/sales/imports?fileName=three.csv', csv(10, 50_000), 'text/csv')).body;
    const second = await restart();
    try {
      expect(await stateOf(first.id)).toMatchObject({ status: 'failed' });
      expect((await t.call('GET', `/api/v1/sales?importId=${first.id}&pageSize=1`)).body.total).toBe(0);
      expect(await finished(running.id)).toMatchObject({ status: 'done', rowsLoaded: 8_000 });
      expect(await finished(queued.id)).toMatchObject({ status: 'done', rowsLoaded: 10 });
      for (let i = 0; i < 200 && (await rowsOf(first.id)) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await rowsOf(first.id)).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('a runner whose import was failed by a recovery elsewhere stops and removes its rows instead of finishing', async () => {
    const res = (await t.upload('/api/v1/sales/imports?fileName=big.csv', csv(20_000, 100_000), 'text/csv')).body;
    let status = '';
    for (let i = 0; i < 2_000 && status !== 'loading' && status !== 'done'; i++) {
      status = (await stateOf(res.id)).status;
      if (status !== 'loading') await new Promise((r) => setTimeout(r, 5));
    }
    expect(status).toBe('loading');
    await db().updateTable('sales_imports').set({ status: 'failed', phase_note: '导入被中断：执行导入的服务已停止，请重新导入' }).where('id', '=', res.id).execute();
    for (let i = 0; i < 400 && (await rowsOf(res.id)) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    // Give the runner time to have finished, had it not noticed.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stateOf(res.id)).toEqual({ status: 'failed', phase_note: '导入被中断：执行导入的服务已停止，请重新导入' });
    expect(await rowsOf(res.id)).toBe(0);
  });
});
