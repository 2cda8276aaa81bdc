import type { Db } from '../../platform/db/database.ts';
import type { Feature } from '../../platform/feature.ts';
import { systemContext } from '../../platform/context.ts';
import { createOrg } from '../orgs/orgs.service.ts';
import { createAgreement, createPairing } from '../pairings/pairings.service.ts';
import { createUser } from '../users/users.service.ts';
import { loadIdentity } from '../users/users.identity.ts';
import type { RequestContext } from '../../platform/context.ts';
import { loadDemoProjects } from './demo.projects.ts';
import { loadDemoActivities } from './demo.activities.ts';
import { loadDemoPeople } from './demo.people.ts';
import { loadDemoIndustry } from './demo.industry.ts';
import { loadDemoConsumption } from './demo.consumption.ts';
import { loadDemoEditions } from './demo.editions.ts';
import { loadDemoPlaces } from './demo.places.ts';
import { loadDemoEntries } from './demo.entries.ts';
import { loadDemoRecent } from './demo.recent.ts';
import { districtGov } from './demo.data.ts';
import { DEMO_ORGS, DEMO_PAIRINGS, DEMO_PASSWORD, DEMO_USERS } from './demo.data.ts';

const DEMO_NOTE = '演示数据（依据公开工作简报整理）';

export type DemoOutcome = { loaded: true; orgs: number; pairings: number; users: number; projects: number } | { loaded: false; reason: string };

/** The organisations, pairings and accounts every demo starts from, keyed by name ("east|west" for pairings). */
export interface DemoBase {
  ctx: RequestContext;
  ids: Map<string, number>;
  pairingIds: Map<string, number>;
  asUser(username: string): Promise<RequestContext>;
}

/** Refuses unless the database holds no organisation yet: the demo never mixes with an office's records. */
export async function demoRefusal(db: Db): Promise<string | null> {
  const existing = await db.selectFrom('orgs').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn<boolean>('bool_or', ['is_demo']).as('demo')]).executeTakeFirstOrThrow();
  if (Number(existing.n) === 0) return null;
  return existing.demo ? '演示数据已加载' : '数据库已有正式数据，不加载演示数据';
}

/** The demo's organisations, pairings (with agreements) and one account per role, through the services. */
export async function loadDemoBase(db: Db): Promise<DemoBase> {
  const ctx = { ...systemContext, actor: { id: null, name: 'demo' } };
  const ids = new Map<string, number>();
  for (const o of DEMO_ORGS) {
    const created = await createOrg(
      db,
      ctx,
      { name: o.name, type: o.type, side: o.side, regionCode: o.region, parentId: o.parent ? ids.get(o.parent) : null, aliases: o.aliases ?? [], note: DEMO_NOTE },
      { isDemo: true },
    );
    ids.set(o.name, created.id);
  }
  for (const p of DEMO_PAIRINGS) {
    const created = await createPairing(
      db,
      ctx,
      { type: p.type, eastOrgId: ids.get(p.east)!, westOrgId: ids.get(p.west)!, startDate: p.start, status: 'active', note: DEMO_NOTE },
      { isDemo: true },
    );
    for (const a of p.agreements ?? []) {
      await createAgreement(db, ctx, created.id, { year: a.year, title: a.title, pledgedFen: a.pledgedYuan * 100, note: DEMO_NOTE });
    }
  }
  for (const u of DEMO_USERS) {
    await createUser(
      db,
      ctx,
      {
        username: u.username,
        displayName: u.displayName,
        orgId: u.org ? ids.get(u.org) : null,
        roles: [u.role],
        scopes: [...(u.scopeOrgs ?? []).map((o) => ({ orgId: ids.get(o)! })), ...(u.scopeRegions ?? []).map((regionCode) => ({ regionCode }))],
        password: DEMO_PASSWORD,
      },
      { isDemo: true, mustChangePassword: false },
    );
  }
  const asUser = async (username: string): Promise<RequestContext> => {
    const { id } = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const identity = (await loadIdentity(db, id))!;
    return { actor: { id, name: username, orgId: identity.orgId }, ip: null, scope: identity.scope, permissions: identity.permissions };
  };
  const pairingIds = new Map<string, number>();
  for (const p of await db.selectFrom('pairings as p').innerJoin('orgs as e', 'e.id', 'p.east_org_id').innerJoin('orgs as w', 'w.id', 'p.west_org_id').select(['p.id', 'e.name as east', 'w.name as west']).execute()) {
    pairingIds.set(`${p.east}|${p.west}`, p.id);
  }
  return { ctx, ids, pairingIds, asUser };
}

/** Loads the demo records through the services (so every rule and the audit apply), only into an empty database. */
export async function loadDemo(db: Db): Promise<DemoOutcome> {
  const refusal = await demoRefusal(db);
  if (refusal) return { loaded: false, reason: refusal };
  const { ctx, ids, pairingIds, asUser } = await loadDemoBase(db);
  await loadDemoPlaces(db, ctx);
  await loadDemoActivities(db, ctx, (name) => ids.get(name)!, (east, west) => pairingIds.get(`${east}|${west}`)!);
  await loadDemoPeople(db, ctx, ids);
  await loadDemoIndustry(db, ctx, ids);
  await loadDemoConsumption(db, ctx, ids);
  const signers = { system: ctx, east: await asUser('frontline'), west: await asUser('xgl_leader') };
  const projects = await loadDemoProjects(db, signers, ids.get(districtGov('闵行区'))!);
  // The previous and the current year (from today's date), so the assessment dashboards open on figures.
  const recent = await loadDemoRecent(db, signers, ids, pairingIds);
  await loadDemoEditions(db, await asUser('city'), ids.get('闵行区合作交流办')!);
  await loadDemoEntries(db, ctx, ids.get(districtGov('闵行区'))!, new Date().getUTCFullYear());
  return { loaded: true, orgs: DEMO_ORGS.length, pairings: DEMO_PAIRINGS.length, users: DEMO_USERS.length, projects: projects + recent.projects };
}

/** The demo records as the composition root lists them: loaded with --demo, once. */
export const demoFeature: Feature = {
  name: 'demo',
  setup: () => ({}),
  demo: async (db, log) => {
    const demo = await loadDemo(db);
    log(demo.loaded ? `已加载演示数据：${demo.orgs} 个组织、${demo.pairings} 个结对、${demo.projects} 个项目、${demo.users} 个演示账号` : `演示数据：${demo.reason}`);
  },
};
