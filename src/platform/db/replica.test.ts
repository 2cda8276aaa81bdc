import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../feature.ts';
import { replicaPairUnavailable, serveOnReplicaPair, startReplicaPair, type ReplicaPair, type ReplicaServer } from '../../testing/replica.ts';
import { sql, type Database } from './database.ts';
import { openReplica, parseLsn } from './replica.ts';

const unavailable = replicaPairUnavailable();
const MAX_LAG_SECONDS = 2;

/** Polls until the condition holds (the lag check runs every 200 ms here). */
async function until(what: string, condition: () => boolean | Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('parseLsn', () => {
  it('orders WAL positions across the 32-bit boundary', () => {
    expect(parseLsn('0/3000000')).toBe(0x3000000n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
  });
});

describe.skipIf(unavailable !== null)(`reads from a streaming replica${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let pair: ReplicaPair;
  let server: ReplicaServer;
  let database: Database;
  let app: App;
  let writer: { id: number; cookie: string; csrf: string };
  let reader: { id: number; cookie: string; csrf: string };

  const call = (method: 'GET' | 'POST', url: string, as: { cookie: string; csrf: string }, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf }, ...(payload ? { payload } : {}) });
  /** Whether the caller's list of organisations shows this name: the primary has it, a paused replica not yet. */
  const sees = async (as: { cookie: string; csrf: string }, name: string) => {
    const res = await call('GET', `/orgs?q=${encodeURIComponent(name)}`, as);
    expect(res.statusCode).toBe(200);
    return (res.json().items as { name: string }[]).some((o) => o.name === name);
  };
  const insertOnPrimary = (name: string) => sql`insert into orgs (name, type, side) values (${name}, 'other', 'east')`.execute(database.db);
  const replica = () => database.replica!;

  beforeAll(async () => {
    pair = await startReplicaPair();
    server = await serveOnReplicaPair(pair, { maxLagSeconds: MAX_LAG_SECONDS, checkIntervalMs: 200 });
    ({ app, database } = server);
    writer = await server.signIn('writer1');
    reader = await server.signIn('reader1');
    await until('the replica is current', () => replica().trouble() === null);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await pair?.stop();
  });

  it('serves lists from the replica, and a writer’s own reads from the primary until the replica has their change', async () => {
    await pair.pauseReplay();
    const created = await call('POST', '/orgs', writer, { name: '甲协作单位', type: 'other', side: 'east' });
    expect(created.statusCode).toBe(201);
    expect(replica().isPinned(writer.id)).toBe(true);
    expect(await sees(writer, '甲协作单位')).toBe(true); // primary: read-your-own-write
    expect(await sees(reader, '甲协作单位')).toBe(false); // replica, paused before the write
    await pair.resumeReplay();
    await until('the reader sees the change on the replica', () => sees(reader, '甲协作单位'));
    await until('the writer is released to the replica', () => !replica().isPinned(writer.id));
  });

  it('answers every routed list, dashboard and export from the replica: nothing there writes', async () => {
    const code = (await call('GET', '/indicators', reader)).json()[0].code as string;
    const year = 'year=2025';
    const urls = [
      '/orgs', '/orgs/lookup?q=协作', '/pairings', '/activities', '/activities/export.xlsx', '/donations', '/donations/export.xlsx', '/donations/totals?by=year',
      '/trainings', '/trainings/export.xlsx', `/trainings/summary?${year}`, '/projects', '/projects/export.xlsx', '/persons', '/dispatches', '/dispatches/export.xlsx',
      '/place-tags', '/place-tags/export.xlsx', '/sales', '/sales/summary?by=county', '/suppliers', '/products', '/products/status-counts', '/public/catalogue',
      '/public/catalogue/export.xlsx', '/audit', '/users', '/claims', '/rectifications', '/bulletins/imports', '/bulletin-editions', '/regions', '/regions/search?q=浦东',
      '/labor/placements', '/labor/placements/export.xlsx', `/labor/summary?${year}`, '/industry/enterprises', '/industry/enterprises/export.xlsx', `/industry/summary?${year}`,
      '/indicator-targets', '/indicator-targets/export.xlsx', '/reported-figures', '/indicators/scopes', `/indicators/values?${year}`, `/indicators/values/export?${year}`,
      `/indicators/ranking?${year}&by=county&indicator=${code}`, `/indicators/ranking/export?${year}&by=county&indicator=${code}`, `/indicators/series?${year}&codes=${code}`,
      `/indicators/grid?${year}`, `/indicators/grid/export?${year}`, `/indicators/${code}/evidence?${year}`, `/indicators/${code}/evidence/export?${year}`,
      `/indicators/warnings?${year}`, `/indicators/warnings/export?${year}`, `/assessment/report?${year}`, `/assessment/report.docx?${year}`, `/assessment/opinions?${year}`,
      `/assessment/samples?${year}`,
    ];
    // The replica refuses any write, so an answer from it proves the route wrote nothing there.
    await expect(sql`insert into orgs (name, type, side) values ('己协作单位', 'other', 'east')`.execute(replica().db)).rejects.toThrow(/read-only/);
    const failed: string[] = [];
    for (const url of urls) {
      expect(replica().trouble()).toBeNull();
      const res = await call('GET', url, reader);
      if (res.statusCode !== 200) failed.push(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failed).toEqual([]);
  });

  it('falls back to the primary while the replica lags beyond the limit, and returns once it has caught up', async () => {
    await pair.pauseReplay();
    await insertOnPrimary('乙协作单位');
    expect(await sees(reader, '乙协作单位')).toBe(false); // within the limit: still the replica
    await until('the replica counts as lagging', () => replica().trouble() === 'lagging', 10_000);
    expect(replica().lagSeconds()).toBeGreaterThan(MAX_LAG_SECONDS);
    expect(await sees(reader, '乙协作单位')).toBe(true); // the primary
    // A server started now sees a replica already behind: counted from the last transaction it replayed, not from its own start.
    const fresh = openReplica(database.db, { url: pair.replicaUrl, maxLagSeconds: MAX_LAG_SECONDS }, 'fresh');
    await fresh.check();
    expect(fresh.trouble()).toBe('lagging');
    await fresh.close();
    await pair.resumeReplay();
    await until('the replica is current again', () => replica().trouble() === null);
    await pair.pauseReplay();
    await insertOnPrimary('丙协作单位');
    expect(await sees(reader, '丙协作单位')).toBe(false); // back on the replica
    await pair.resumeReplay();
  });

  it('falls back to the primary while the replica is down, logging each change once, and resumes when it is back', async () => {
    const lines: string[] = [];
    const stopWatching = await replica().watch({ info: (m) => lines.push(`info ${m}`), error: (m) => lines.push(`error ${m}`) });
    try {
      await pair.stopReplica();
      await until('the replica counts as unreachable', () => replica().trouble() === 'unreachable');
      await insertOnPrimary('丁协作单位');
      expect(await sees(reader, '丁协作单位')).toBe(true);
      await new Promise((r) => setTimeout(r, 600)); // a few more failing checks: still one line
      await pair.startReplica();
      await until('the replica is back', () => replica().trouble() === null, 20_000);
      await new Promise((r) => setTimeout(r, 300)); // the watch reports after its next check
      await pair.pauseReplay();
      await insertOnPrimary('戊协作单位');
      expect(await sees(reader, '戊协作单位')).toBe(false);
      await pair.resumeReplay();
    } finally {
      stopWatching();
    }
    expect(lines.filter((l) => l.startsWith('error'))).toHaveLength(1);
    expect(lines[lines.length - 1]).toMatch(/^info 只读副本 .* 可用/);
  });
});
