import type { Db } from '../../platform/db/database.ts';
import { systemContext } from '../../platform/context.ts';
import type { RoleCode } from '../../platform/access/actions.ts';
import type { TestApp, Caller } from '../../testing/test-app.ts';
import { createOrg } from '../../modules/orgs/orgs.service.ts';
import { createAgreement, createPairing } from '../../modules/pairings/pairings.service.ts';
import { createUser } from '../../modules/users/users.service.ts';
import { createProject } from '../../modules/projects/projects.service.ts';
import { transitionProject } from '../../modules/projects/projects.transitions.ts';
import { addTransaction } from '../../modules/funds/funds.service.ts';
import { addRectification } from '../../modules/monitoring/monitoring.service.ts';
import type { ProjectStatus } from '../../modules/projects/projects.contract.ts';
import { createActivity } from '../../modules/activities/activities.service.ts';
import { createDonation } from '../../modules/donations/donations.service.ts';
import { createTraining } from '../../modules/training/training.service.ts';
import { buildPeopleFixture, type PeopleFixture } from './access.matrix.people.ts';
import { buildConsumptionFixture, type ConsumptionFixture } from './access.matrix.consumption.ts';

/**
 * Records on both sides of every scoped role's boundary. District A and the county 香格里拉市 (X)
 * are in scope for the scoped roles; district B and 玛沁县 (Y) are not.
 */
export const MATRIX_PASSWORD = 'Matrix-pass-123';
export const X = '533401';
export const Y = '632621';

export interface Fixture {
  distA: number;
  townA: number;
  distB: number;
  westX: number;
  westY: number;
  pairIn: number;
  pairOut: number;
  agIn: number;
  agOut: number;
  /** Projects by side of the boundary, at the states the routes need. */
  reserve: { in: number; out: number };
  approved: { in: number; out: number };
  completed: { in: number; out: number };
  /** 援派 and 劳务协作 records (access.matrix.people.ts). */
  people: PeopleFixture;
  /** 消费帮扶 records (access.matrix.consumption.ts). */
  consumption: ConsumptionFixture;
}

export interface MatrixUser {
  role: RoleCode;
  username: string;
  caller: Caller;
  permissions: Set<string>;
  global: boolean;
}

export class MatrixRecords {
  private n = 0;
  /** The unit owning in-scope records: the A district's front-line group, located in X, so every scoped role may change them. */
  owner: number | undefined;
  /** Records of this pairing are owned by `owner`; others by the unit derived from them. */
  pairIn: number | undefined;
  constructor(readonly db: Db) {}

  private ownedBy(pairingId: number) {
    return pairingId === this.pairIn ? { owningOrgId: this.owner } : {};
  }

  name(prefix: string) {
    return `${prefix}-${++this.n}`;
  }

  async east(parentId: number, region = '310112') {
    return (await createOrg(this.db, systemContext, { name: this.name('矩阵东部单位'), type: 'town', side: 'east', regionCode: region, parentId, aliases: [] })).id;
  }

  async west(region: string) {
    return (await createOrg(this.db, systemContext, { name: this.name('矩阵西部单位'), type: 'township', side: 'west', regionCode: region, aliases: [] })).id;
  }

  async pairing(east: number, west: number) {
    return (await createPairing(this.db, systemContext, { type: 'xieshou', eastOrgId: east, westOrgId: west, startDate: '2020-01-01', status: 'active' })).id;
  }

  /** A complete project (the four clarities stated) moved along the lifecycle up to `upTo`. */
  async project(eastOrgId: number, regionCode: string, upTo: ProjectStatus = 'reserve') {
    const p = await createProject(this.db, systemContext, {
      name: this.name('矩阵项目'), startYear: 2024, endYear: 2024, level: 'district', category: 'industry', regionCode, eastOrgId,
      funds: { shanghaiFen: 1_000_000_00, integratedFen: 0, socialFen: 0, selfFen: 0 }, content: '建设', expectedBenefits: '增收',
      beneficiaries: {}, budgetItems: [{ item: '建设', amountFen: 1_000_000_00 }], outputs: [], milestones: [{ name: '完工', dueOn: '2024-12-31' }], attachments: [],
      ...(regionCode.startsWith(X) ? { owningOrgId: this.owner } : {}),
    });
    const path: ProjectStatus[] = ['submitted', 'reviewed', 'approved', 'in_progress', 'completed'];
    for (const to of path.slice(0, path.indexOf(upTo) + 1)) {
      const extra = to === 'approved' ? { documentNo: '矩阵批复', approvedFen: 1_000_000_00 } : {};
      await transitionProject(this.db, systemContext, p.id, { to, onDate: '2024-03-01', ...extra });
    }
    if (['approved', 'in_progress', 'completed'].includes(upTo)) {
      await addTransaction(this.db, systemContext, p.id, { kind: 'allocate', amountFen: 500_000_00, onDate: '2024-03-01' });
    }
    return p.id;
  }

  async pendingDisbursement(projectId: number) {
    return (await addTransaction(this.db, systemContext, projectId, { kind: 'disburse', amountFen: 1, onDate: '2024-03-02' })).id;
  }

  async openRectification(projectId: number) {
    return (await addRectification(this.db, systemContext, projectId, { finding: '问题', deadline: '2030-01-01', owner: '某人' })).id;
  }

  async agreement(pairingId: number) {
    return (await createAgreement(this.db, systemContext, pairingId, { year: 2023, pledgedFen: 1 })).id;
  }

  /** An activity, a donation and a training under a pairing (in or out of a role's scope with it). */
  async activity(pairingId: number) {
    return (await createActivity(this.db, systemContext, { type: 'visit', title: this.name('矩阵考察'), startDate: '2024-03-01', endDate: '2024-03-02', pairingId, regionCodes: [], orgIds: [], photos: [], links: [], ...this.ownedBy(pairingId) })).id;
  }

  async donation(pairingId: number, westOrgId: number) {
    return (await createDonation(this.db, systemContext, { donorName: this.name('矩阵捐赠方'), recipientOrgId: westOrgId, kind: 'cash', valueFen: 100, donatedOn: '2024-03-01', pairingId, items: [], ...this.ownedBy(pairingId) })).id;
  }

  async training(pairingId: number) {
    return (await createTraining(this.db, systemContext, { title: this.name('矩阵培训'), kind: 'training', startDate: '2024-03-01', endDate: '2024-03-02', targetGroup: 'officials', batches: 1, participants: 10, personTimes: 10, pairingId, ...this.ownedBy(pairingId) })).id;
  }

  async user() {
    return (await createUser(this.db, systemContext, { username: this.name('tgt').replace('-', ''), displayName: '目标', roles: ['reader'], scopes: [], password: 'Target-pass-123' }, { mustChangePassword: false })).id;
  }
}

export async function buildFixture(t: TestApp, r: MatrixRecords): Promise<{ f: Fixture; users: Map<RoleCode, MatrixUser> }> {
  const org = (name: string, region: string) => createOrg(r.db, systemContext, { name, type: 'party_government', side: 'east', regionCode: region, aliases: [] }).then((o) => o.id);
  const distA = await org('矩阵A区', '310112');
  const distB = await org('矩阵B区', '310105');
  const townA = await r.east(distA);
  const westX = await r.west(`${X}101`);
  const westY = await r.west(`${Y}100`);
  const pairIn = await r.pairing(townA, westX);
  const pairOut = await r.pairing(distB, westY);
  const frontlineOrg = (await createOrg(r.db, systemContext, { name: '矩阵A区前方工作组', type: 'frontline_group', side: 'east', regionCode: X, parentId: distA, aliases: [] })).id;
  r.owner = frontlineOrg;
  r.pairIn = pairIn;
  const f: Fixture = {
    distA, townA, distB, westX, westY, pairIn, pairOut,
    agIn: await r.agreement(pairIn),
    agOut: await r.agreement(pairOut),
    reserve: { in: await r.project(townA, `${X}101`), out: await r.project(distB, `${Y}100`) },
    approved: { in: await r.project(townA, `${X}101`, 'approved'), out: await r.project(distB, `${Y}100`, 'approved') },
    completed: { in: await r.project(townA, `${X}101`, 'completed'), out: await r.project(distB, `${Y}100`, 'completed') },
    people: await buildPeopleFixture(r, { distA, distB, westX, westY, pairIn, pairOut }),
    consumption: await buildConsumptionFixture(r.db, { distA, distB, owner: frontlineOrg }),
  };
  const specs: { role: RoleCode; orgId: number | null; scopes: ({ orgId: number } | { regionCode: string })[] }[] = [
    { role: 'sys_admin', orgId: distA, scopes: [] },
    { role: 'city_admin', orgId: null, scopes: [] },
    { role: 'district_admin', orgId: distA, scopes: [{ orgId: distA }] },
    { role: 'frontline', orgId: frontlineOrg, scopes: [{ regionCode: X }] },
    { role: 'recipient_clerk', orgId: westX, scopes: [{ regionCode: X }] },
    { role: 'recipient_leader', orgId: westX, scopes: [{ regionCode: X }] },
    { role: 'reader', orgId: distA, scopes: [{ orgId: distA }] },
  ];
  const roleRows = await r.db.selectFrom('roles').selectAll().execute();
  const users = new Map<RoleCode, MatrixUser>();
  for (const s of specs) {
    const username = `matrix_${s.role}`;
    await createUser(r.db, systemContext, { username, displayName: s.role, orgId: s.orgId, roles: [s.role], scopes: s.scopes, password: MATRIX_PASSWORD }, { mustChangePassword: false });
    const perms = await r.db.selectFrom('role_permissions').select('action').where('role_code', '=', s.role).execute();
    users.set(s.role, {
      role: s.role,
      username,
      caller: await t.login(username, MATRIX_PASSWORD),
      permissions: new Set(perms.map((p) => p.action)),
      global: roleRows.find((x) => x.code === s.role)!.global_scope,
    });
  }
  return { f, users };
}
