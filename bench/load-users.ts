import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../src/modules/demo/demo.data.ts';
import { ACTIVITY_TYPES } from '../src/modules/activities/activities.contract.ts';
import { PROJECT_STATUSES } from '../src/modules/projects/projects.contract.ts';
import type { Client, Recorder, Reply } from './load-client.ts';

/**
 * The virtual users of `npm run load`: each logs in as a demo account (the city office, the district offices,
 * the front-line group, a county clerk, a county leader, a read-only district leader), reads what its pages
 * read to learn its references (scopes, indicators, pairings, records), then runs a weighted mix of dashboard
 * and indicator reads, list pages with filters and paging, searches and, where its role may write, record
 * writes (工作动态 and 捐赠 on its own pairings, and edits of what it created), every write with the CSRF header.
 */

const API = '/api/v1';

/** The accounts in the order virtual users take them (a short run still has every kind of office). */
const ORDER = ['city', 'minhang', 'frontline', 'leader', 'xianggelila', 'changning', 'xgl_leader'];
export const LOAD_ACCOUNTS: DemoUser[] = ORDER.map((name) => DEMO_USERS.find((u) => u.username === name)!).filter(Boolean);

const PLACE_NAMES = ['香格里拉', '小中甸镇联合村', '玛沁县', '联合村', '泽普', '迪庆州', '红河县', '金江镇', '虎跳峡', '楚雄', '闵行区', '德钦'];
const ORG_NAMES = ['闵行', '香格里拉', '长宁', '镇', '司法局', '总工会', '嘉定', '人民政府', '联络组'];
const ACTIVITY_WORDS = ['考察', '座谈', '培训', '捐赠', '压测', '调研', '签约', '香格里拉'];
const TYPES = Object.keys(ACTIVITY_TYPES);
const STATUSES = Object.keys(PROJECT_STATUSES);

type Query = Record<string, string | number | undefined>;
const qs = (q: Query) => {
  const s = Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return s ? `?${s}` : '';
};

/** A small deterministic generator per user (the mix is repeatable for a given seed). */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    maybe: (p: number) => next() < p,
  };
}

interface PairingRef {
  id: number;
  eastOrg: { id: number };
  westOrg: { id: number; regionCode: string | null };
}

interface Op {
  name: string;
  weight: number;
  run: () => Promise<void>;
}

export interface UserOptions {
  years: number[];
  /** Pause between one user's requests (ms); 0: each user sends its next request as soon as it has the answer. */
  thinkMs: number;
}

export class VirtualUser {
  private cookie = '';
  private csrf = '';
  private perms = new Set<string>();
  private scopes: Query[] = [{}];
  private indicatorCodes: string[] = [];
  private sumCodes: string[] = [];
  /** Coverage indicators are read by region and take no part in rankings (the API says so with a 400). */
  private rankCodes: string[] = [];
  private pairings: PairingRef[] = [];
  private counties: string[] = [];
  private activityIds: number[] = [];
  private donationIds: number[] = [];
  private created: number[] = [];
  private ops: Op[] = [];
  private total = 0;
  private r: ReturnType<typeof rng>;
  requests = 0;

  constructor(
    readonly index: number,
    readonly account: DemoUser,
    private client: Client,
    private rec: Recorder,
    private opts: UserOptions,
  ) {
    this.r = rng(0x9e3779b9 ^ (index * 2654435761));
  }

  /** Where the measured mix records (the setup requests go to the recorder given at construction). */
  recordInto(rec: Recorder) {
    this.rec = rec;
  }

  get role() {
    return this.account.role;
  }

  private async call(op: string, method: string, path: string, expect: number, body?: unknown, parse = false): Promise<Reply | null> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const reply = await this.client.request(method, API + path, { body, headers, parse, expect });
    this.requests++;
    return this.rec.record(op, reply, expect) ? reply : null;
  }

  private get<T>(op: string, path: string, parse = false): Promise<T | null> {
    return this.call(op, 'GET', path, 200, undefined, parse).then((r) => (r ? (r.json as T) : null));
  }

  /** Logs in and reads the references the mix needs; false when the login itself failed. */
  async setup(): Promise<boolean> {
    const login = await this.client.request('POST', `${API}/auth/login`, { body: { username: this.account.username, password: DEMO_PASSWORD }, parse: true, expect: 200 });
    this.requests++;
    if (!this.rec.record('setup: login', login, 200)) return false;
    this.cookie = (login.setCookie ?? []).map((c) => c.split(';')[0]).join('; ');
    const me = login.json as { csrfToken: string; permissions: string[] };
    this.csrf = me.csrfToken;
    this.perms = new Set(me.permissions);
    const can = (a: string) => this.perms.has(a);
    if (can('indicator:read')) {
      const defs = await this.get<{ code: string; kind: string }[]>('setup: indicators', '/indicators', true);
      this.indicatorCodes = (defs ?? []).map((d) => d.code);
      this.sumCodes = (defs ?? []).filter((d) => d.kind === 'sum').map((d) => d.code);
      this.rankCodes = (defs ?? []).filter((d) => d.kind !== 'coverage').map((d) => d.code);
      const sc = await this.get<{ city: boolean; districts: { id: number }[]; pairings: { id: number; countyCode: string | null }[]; regions: { code: string }[] }>('setup: scopes', '/indicators/scopes', true);
      if (sc) {
        this.scopes = [{}, ...sc.districts.map((d) => ({ district: d.id })), ...sc.pairings.map((p) => ({ pairing: p.id })), ...sc.regions.filter((g) => g.code.length <= 9).map((g) => ({ region: g.code }))];
        this.counties = [...new Set(sc.pairings.map((p) => p.countyCode).filter((c): c is string => !!c))];
      }
    }
    if (can('pairing:read')) {
      const page = await this.get<{ items: PairingRef[] }>('setup: pairings', `/pairings${qs({ pageSize: 200, status: 'active' })}`, true);
      this.pairings = (page?.items ?? []).filter((p) => p.westOrg.regionCode);
      for (const p of this.pairings) if (p.westOrg.regionCode!.length >= 6) this.counties.push(p.westOrg.regionCode!.slice(0, 6));
      this.counties = [...new Set(this.counties)];
    }
    if (can('activity:read')) {
      const page = await this.get<{ items: { id: number }[] }>('setup: activities', `/activities${qs({ pageSize: 100 })}`, true);
      this.activityIds = (page?.items ?? []).map((a) => a.id);
      const dons = await this.get<{ items: { id: number }[] }>('setup: donations', `/donations${qs({ pageSize: 100 })}`, true);
      this.donationIds = (dons?.items ?? []).map((d) => d.id);
    }
    this.ops = this.mix();
    this.total = this.ops.reduce((t, o) => t + o.weight, 0);
    return true;
  }

  private year() {
    return this.r.pick(this.opts.years);
  }

  private date(year: number) {
    return `${year}-${String(this.r.int(1, 12)).padStart(2, '0')}-${String(this.r.int(1, 28)).padStart(2, '0')}`;
  }

  /** The weighted mix this user's permissions allow (a reader never writes; a user without pairings writes nothing). */
  private mix(): Op[] {
    const can = (a: string) => this.perms.has(a);
    const r = this.r;
    const ops: Op[] = [];
    const add = (name: string, weight: number, when: boolean, run: () => Promise<unknown>) => {
      if (when) ops.push({ name, weight, run: async () => void (await run()) });
    };
    const ind = can('indicator:read');
    add('dashboard: indicator values', 16, ind, () => this.get('dashboard: indicator values', `/indicators/values${qs({ ...r.pick(this.scopes), year: this.year(), quarter: r.maybe(0.2) ? r.int(1, 4) : undefined })}`));
    add('dashboard: ranking', 4, ind && this.rankCodes.length > 0, () => this.get('dashboard: ranking', `/indicators/ranking${qs({ year: this.year(), by: r.pick(['district', 'county']), indicator: r.pick(this.rankCodes) })}`));
    add('dashboard: series', 4, ind && this.indicatorCodes.length > 0, () => {
      const y = this.year();
      const codes = [...new Set([r.pick(this.indicatorCodes), r.pick(this.indicatorCodes), r.pick(this.indicatorCodes)])].join(',');
      return this.get('dashboard: series', `/indicators/series${qs({ ...r.pick(this.scopes), year: y, from: y - 4, codes })}`);
    });
    add('dashboard: ten-haves grid', 4, ind, () => this.get('dashboard: ten-haves grid', `/indicators/grid${qs({ ...r.pick(this.scopes), year: this.year() })}`));
    add('dashboard: warnings', 3, ind, () => this.get('dashboard: warnings', `/indicators/warnings${qs({ ...r.pick(this.scopes), year: this.year() })}`));
    add('dashboard: scopes', 2, ind, () => this.get('dashboard: scopes', '/indicators/scopes'));
    add('indicator evidence page', 4, ind && this.sumCodes.length > 0, () => this.get('indicator evidence page', `/indicators/${encodeURIComponent(r.pick(this.sumCodes))}/evidence${qs({ ...r.pick(this.scopes), year: this.year(), page: r.int(1, 2), pageSize: 20 })}`));

    const act = can('activity:read');
    add('list: activities (filters, paging)', 10, act, async () => {
      const y = this.year();
      const page = await this.get<{ items: { id: number }[] }>('list: activities (filters, paging)', `/activities${qs({
        page: r.int(1, 3), pageSize: r.pick([10, 20, 50]), order: r.pick(['asc', 'desc']),
        type: r.maybe(0.3) ? r.pick(TYPES) : undefined,
        county: r.maybe(0.3) && this.counties.length ? r.pick(this.counties) : undefined,
        from: r.maybe(0.3) ? `${y}-01-01` : undefined, to: r.maybe(0.3) ? `${y}-12-31` : undefined,
      })}`, true);
      for (const a of page?.items ?? []) if (this.activityIds.length < 500 && !this.activityIds.includes(a.id)) this.activityIds.push(a.id);
    });
    add('read: activity detail', 5, act, async () => {
      if (!this.activityIds.length) return this.get('list: activities (filters, paging)', '/activities');
      return this.get('read: activity detail', `/activities/${r.pick(this.activityIds)}`);
    });
    add('list: donations (filters, paging)', 5, act, () => this.get('list: donations (filters, paging)', `/donations${qs({
      page: r.int(1, 2), pageSize: r.pick([10, 20]), kind: r.maybe(0.4) ? r.pick(['cash', 'goods']) : undefined, year: r.maybe(0.5) ? this.year() : undefined,
      county: r.maybe(0.3) && this.counties.length ? r.pick(this.counties) : undefined,
    })}`));
    add('read: donation detail', 2, act && this.donationIds.length > 0, () => this.get('read: donation detail', `/donations/${r.pick(this.donationIds)}`));
    add('list: projects (filters, paging)', 6, can('project:read'), () => this.get('list: projects (filters, paging)', `/projects${qs({
      page: r.int(1, 2), pageSize: r.pick([10, 20, 50]), year: r.maybe(0.5) ? this.year() : undefined, status: r.maybe(0.3) ? r.pick(STATUSES) : undefined,
      county: r.maybe(0.3) && this.counties.length ? r.pick(this.counties) : undefined, sort: r.pick(['code', 'name', 'startYear', 'plannedFen', 'status']),
    })}`));
    add('list: pairings (filters, paging)', 4, can('pairing:read'), () => this.get('list: pairings (filters, paging)', `/pairings${qs({
      page: r.int(1, 2), pageSize: r.pick([10, 20]), year: r.maybe(0.5) ? this.year() : undefined, type: r.maybe(0.3) ? r.pick(['east_west', 'counterpart', 'xieshou', 'department']) : undefined,
    })}`));
    add('list: orgs (filters, paging)', 3, can('org:read'), () => this.get('list: orgs (filters, paging)', `/orgs${qs({ page: r.int(1, 3), pageSize: 20, side: r.maybe(0.5) ? r.pick(['east', 'west']) : undefined, sort: r.pick(['name', 'type', 'regionCode']) })}`));
    add('list: labour placements', 2, can('labor:read'), () => this.get('list: labour placements', `/labor/placements${qs({ page: r.int(1, 2), pageSize: 20 })}`));
    add('search: places', 5, true, () => this.get('search: places', `/regions/search${qs({ q: r.pick(PLACE_NAMES), limit: 20 })}`));
    add('search: org lookup', 3, true, () => this.get('search: org lookup', `/orgs/lookup${qs({ q: r.pick(ORG_NAMES), limit: 20 })}`));
    add('search: activities by text', 3, act, () => this.get('search: activities by text', `/activities${qs({ q: r.pick(ACTIVITY_WORDS), pageSize: 20 })}`));

    const write = can('activity:write') && this.pairings.length > 0;
    add('write: create activity', 4, write, async () => {
      const p = r.pick(this.pairings);
      const start = this.date(this.year());
      const reply = await this.call('write: create activity', 'POST', '/activities', 201, {
        type: r.pick(['visit', 'meeting', 'training', 'condolence', 'other']), title: `压测工作动态 ${this.index}-${this.requests}`,
        startDate: start, endDate: start, regionCodes: [p.westOrg.regionCode], orgIds: [p.eastOrg.id, p.westOrg.id], pairingId: p.id,
        delegationSize: r.int(1, 30), narrative: '负载测试写入的记录（npm run load）。',
      }, true);
      const id = (reply?.json as { id?: number } | undefined)?.id;
      if (id) {
        this.created.push(id);
        this.activityIds.push(id);
      }
    });
    add('write: create donation', 3, write, async () => {
      const p = r.pick(this.pairings);
      const cash = r.maybe(0.5);
      const reply = await this.call('write: create donation', 'POST', '/donations', 201, {
        kind: cash ? 'cash' : 'goods', valueFen: cash ? r.int(1, 1000) * 10_000 : undefined,
        items: cash ? [] : [{ item: '书包', quantity: r.int(1, 100), unit: '个', valueFen: r.int(1, 100) * 5_000 }],
        donorOrgId: p.eastOrg.id, recipientOrgId: p.westOrg.id, pairingId: p.id, donatedOn: this.date(this.year()), purpose: '负载测试（npm run load）',
      }, true);
      const id = (reply?.json as { id?: number } | undefined)?.id;
      if (id) this.donationIds.push(id);
    });
    add('write: edit own activity', 2, write, async () => {
      if (!this.created.length) return this.get('list: activities (filters, paging)', '/activities');
      return this.call('write: edit own activity', 'PATCH', `/activities/${r.pick(this.created)}`, 200, { narrative: `负载测试修改 ${this.requests}`, delegationSize: r.int(1, 30) });
    });
    return ops;
  }

  /** Runs the mix until `until` (performance.now() ms) or until the shared request budget is spent. */
  async run(until: number, budget: { left: number }) {
    while (performance.now() < until && budget.left > 0) {
      budget.left--;
      let x = this.r.next() * this.total;
      const op = this.ops.find((o) => (x -= o.weight) < 0) ?? this.ops[this.ops.length - 1];
      try {
        await op.run();
      } catch (err) {
        this.rec.fail(op.name, `client: ${(err as Error).message}`);
      }
      if (this.opts.thinkMs > 0) await new Promise((res) => setTimeout(res, this.r.int(0, 2 * this.opts.thinkMs)));
    }
  }
}
