import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../platform/db/database.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { DbConfig } from '../../platform/config.ts';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { createTestDatabase, envFor } from '../../testing/test-db.ts';
import { createOrg } from '../orgs/orgs.service.ts';
import { createUser } from '../users/users.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { transitionProject } from '../projects/projects.transitions.ts';
import { PROJECT_STATUSES, type ProjectInput, type ProjectStatus } from '../projects/projects.contract.ts';
import { addTransaction, cosign } from '../funds/funds.service.ts';
import { ACTIVITY_STATUS, buildIatiXml, escapeAttr, escapeText, fenToYuan, type IatiProject } from './iati.xml.ts';

const run = promisify(execFile);
const SCHEMA_DIR = process.env.IATI_SCHEMA_DIR;

/** xmllint against the IATI 2.03 activity schema (only called when IATI_SCHEMA_DIR is set). */
async function xmllint(xml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-iati-'));
  const file = path.join(dir, 'iati-activities.xml');
  fs.writeFileSync(file, xml);
  try {
    const r = await run('xmllint', ['--noout', '--schema', path.join(SCHEMA_DIR!, 'iati-activities-schema.xsd'), file]);
    return { code: 0, output: `${r.stdout}${r.stderr}` };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const REPORTER = { ref: 'CN-XIEZUO', name: '上海市人民政府合作交流办公室' };

const sample = (over: Partial<IatiProject> = {}): IatiProject => ({
  code: '533401-2024-001',
  name: '联合村乡村旅游项目',
  content: '建设游客接待中心',
  status: 'in_progress',
  startYear: 2023,
  endYear: 2024,
  regionCode: '533401102201',
  regionFullName: '云南省 迪庆藏族自治州 香格里拉市 小中甸镇 联合村民委员会',
  eastOrgName: '上海市闵行区人民政府',
  ownerName: '小中甸镇人民政府',
  plannedFen: 350_000_00,
  approvedFen: 300_000_00,
  approvalDocNo: '香扶〔2024〕1号',
  approvedOn: '2024-02-01',
  startedOn: '2024-03-01',
  completedOn: '2024-05-01',
  transactions: [
    { kind: 'disburse', amountFen: 100_000_12, onDate: '2024-03-05', documentNo: '拨〔2024〕3号', note: null },
    { kind: 'spend', amountFen: 123_45, onDate: '2024-04-01', documentNo: null, note: '材料' },
    { kind: 'return', amountFen: 5, onDate: '2024-04-02', documentNo: null, note: null },
  ],
  updatedAt: '2024-05-01T08:00:00.000Z',
  ...over,
});
const doc = (...projects: IatiProject[]) => buildIatiXml({ reporter: REPORTER, generatedAt: new Date('2025-01-02T03:04:05Z'), projects });
const activityOf = (xml: string, code: string) => {
  const at = xml.indexOf(`<iati-identifier>CN-XIEZUO-${code}</iati-identifier>`);
  if (at < 0) return null;
  return xml.slice(xml.lastIndexOf('<iati-activity', at), xml.indexOf('</iati-activity>', at));
};

describe('the IATI XML builder', () => {
  it('writes yuan with exactly two decimals from integer fen', () => {
    expect(fenToYuan(12345)).toBe('123.45');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(100)).toBe('1.00');
    expect(fenToYuan(10_000_012)).toBe('100000.12');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(1e15)).toBe('10000000000000.00');
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    // 0.1 + 0.2 style drift cannot happen: every fen value from 0 to 10 000 yuan comes out exact.
    const wrong = [];
    for (let fen = 0; fen <= 1_000_000; fen += 7) if (fenToYuan(fen) !== `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`) wrong.push(fen);
    expect(wrong).toEqual([]);
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
    expect(() => fenToYuan(2 ** 53)).toThrow(RangeError);
  });

  it('escapes text and attributes, and drops characters XML cannot carry', () => {
    expect(escapeText(`A&B <c> "d" 'e'`)).toBe('A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    expect(escapeAttr(`a&b<c>"d"'e'\tf\ng\rh`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#9;f&#10;g&#13;h');
    expect(escapeText('x\u0000y\u0008z\uFFFE\uD800!')).toBe('xyz!');
    expect(escapeText('汉字 𠀋 ok')).toBe('汉字 𠀋 ok');

    const xml = doc(sample({ name: `A&B <联合村> "旅游" 'x'`, approvalDocNo: `文"号'<&>`, eastOrgName: '某镇 & <分部>' }));
    expect(xml).toContain('<narrative xml:lang="zh">A&amp;B &lt;联合村&gt; &quot;旅游&quot; &apos;x&apos;</narrative>');
    expect(xml).toContain('<transaction ref="文&quot;号&apos;&lt;&amp;&gt;">');
    expect(xml).toContain('<narrative xml:lang="zh">某镇 &amp; &lt;分部&gt;</narrative>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/);
  });

  it('maps every lifecycle state to an ActivityStatus code', () => {
    expect(ACTIVITY_STATUS).toEqual({
      reserve: '1', submitted: '1', reviewed: '1',
      approved: '2', in_progress: '2',
      suspended: '6',
      completed: '3', accepted: '3',
      handed_over: '4',
      cancelled: '5',
    });
    for (const status of Object.keys(PROJECT_STATUSES) as ProjectStatus[]) {
      expect(doc(sample({ status }))).toContain(`<activity-status code="${ACTIVITY_STATUS[status]}"/>`);
    }
  });

  it('writes the elements in the order the 2.03 schema requires', () => {
    const xml = doc(sample());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2025-01-02T03:04:05.000Z">')).toBe(true);
    const order = [
      '<iati-identifier>CN-XIEZUO-533401-2024-001</iati-identifier>',
      '<reporting-org ref="CN-XIEZUO" type="10">',
      '<title>',
      '<description type="1">',
      '<participating-org role="1">',
      '<participating-org role="2">',
      '<participating-org role="3">',
      '<participating-org role="4">',
      '<activity-status code="2"/>',
      '<activity-date type="1" iso-date="2023-01-01"/>',
      '<activity-date type="2" iso-date="2024-03-01"/>',
      '<activity-date type="3" iso-date="2024-12-31"/>',
      '<activity-date type="4" iso-date="2024-05-01"/>',
      '<recipient-country code="CN">',
      '<location ref="533401102201">',
      '<budget type="1" status="2">',
      '<transaction ref="香扶〔2024〕1号">',
      '<transaction-type code="3"/>',
      '<transaction-type code="4"/>',
      '</iati-activity>',
    ];
    const at = order.map((s) => xml.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(order.filter((_, i) => at[i] < 0))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Inside a transaction: type, date, value, description, provider, receiver.
    const tx = xml.slice(xml.indexOf('<transaction ref="拨〔2024〕3号">'));
    const inner = ['<transaction-type code="3"/>', '<transaction-date iso-date="2024-03-05"/>', '<value currency="CNY" value-date="2024-03-05">100000.12</value>', '<description>', '<provider-org>', '<receiver-org>', '</transaction>'].map((s) => tx.indexOf(s));
    expect([...inner].sort((a, b) => a - b)).toEqual(inner);
    expect(inner.every((i) => i >= 0)).toBe(true);
  });

  it('reports the approval as a commitment, disbursements, expenditures and returns (negative), and a budget', () => {
    const xml = doc(sample());
    expect(xml).toContain('<value currency="CNY" value-date="2024-02-01">300000.00</value>');
    expect(xml).toMatch(/<transaction-type code="2"\/>\s*<transaction-date iso-date="2024-02-01"\/>/);
    expect(xml).toMatch(/<transaction-type code="4"\/>\s*<transaction-date iso-date="2024-04-01"\/>\s*<value currency="CNY" value-date="2024-04-01">123.45<\/value>/);
    expect(xml).toMatch(/<transaction-type code="3"\/>\s*<transaction-date iso-date="2024-04-02"\/>\s*<value currency="CNY" value-date="2024-04-02">-0.05<\/value>/);
    expect(xml).toMatch(/<budget type="1" status="2">\s*<period-start iso-date="2023-01-01"\/>\s*<period-end iso-date="2024-12-31"\/>\s*<value currency="CNY" value-date="2023-01-01">300000.00<\/value>/);
    expect(xml).toMatch(/<location ref="533401102201">\s*<name>\s*<narrative xml:lang="zh">云南省 迪庆藏族自治州 香格里拉市 小中甸镇 联合村民委员会<\/narrative>/);

    const pipeline = doc(sample({ status: 'reserve', approvedFen: null, approvalDocNo: null, approvedOn: null, startedOn: null, completedOn: null, transactions: [], eastOrgName: null, ownerName: null, content: null }));
    expect(pipeline).toContain('<budget type="1" status="1">');
    expect(pipeline).toContain('>350000.00</value>');
    expect(pipeline).not.toContain('<transaction');
    expect(pipeline).not.toContain('<activity-date type="2"');
    expect(pipeline).not.toContain('<participating-org role="4">');
    expect(pipeline).toMatch(/<participating-org role="1">\s*<narrative xml:lang="zh">上海市财政<\/narrative>/);
    expect(pipeline).toMatch(/<participating-org role="3">\s*<narrative xml:lang="zh">上海市人民政府合作交流办公室<\/narrative>/);
    expect(pipeline).toMatch(/<description type="1">\s*<narrative xml:lang="zh">联合村乡村旅游项目<\/narrative>/);
  });
});

// ---------------------------------------------------------------- records through the services

interface Seeded {
  district: number;
  codes: { active: string; reserve: string; other: string; old: string };
}

/** Projects on both sides of a district's boundary, one carried through approval, funding, 会签 and 完工. */
async function seed(db: Db): Promise<Seeded> {
  const org = (name: string, type: 'party_government' | 'town' | 'frontline_group', side: 'east' | 'west', regionCode: string, parentId: number | null = null, aliases: string[] = []) =>
    createOrg(db, systemContext, { name, type, side, regionCode, parentId, aliases }).then((o) => o.id);
  const district = await org('上海市测试区人民政府', 'party_government', 'east', '310112', null, ['测试区']);
  const town = await org('测试区某镇 & <分部>', 'town', 'east', '310112', district);
  const otherDistrict = await org('上海市另一区人民政府', 'party_government', 'east', '310105');
  const frontline = await org('测试区前方工作组', 'frontline_group', 'east', '533401', district);
  const county = await org('香格里拉市人民政府', 'party_government', 'west', '533401');
  const signer = async (username: string, orgId: number, role: 'frontline' | 'recipient_leader'): Promise<RequestContext> => {
    const u = await createUser(db, systemContext, { username, displayName: username, orgId, roles: [role], scopes: [{ regionCode: '533401' }], password: 'Iati-signer-2024' }, { mustChangePassword: false });
    return { ...systemContext, actor: { id: u.id, name: username } };
  };
  const eastSigner = await signer('iati_east', frontline, 'frontline');
  const westSigner = await signer('iati_west', county, 'recipient_leader');

  const plan = (over: Partial<ProjectInput>): ProjectInput => ({
    name: '联合村乡村旅游项目', startYear: 2023, endYear: 2024, level: 'district', category: 'rural_tourism', regionCode: '533401102201', eastOrgId: town, ownerOrgId: county,
    funds: { shanghaiFen: 300_000_00, integratedFen: 50_000_00, socialFen: 0, selfFen: 0 }, content: '建设游客接待中心及配套设施', expectedBenefits: '受益村民57户306人',
    beneficiaries: {}, budgetItems: [{ item: '游客接待中心', amountFen: 350_000_00 }], outputs: [], milestones: [{ name: '主体完工', dueOn: '2024-10-31' }], attachments: [],
    ...over,
  });
  const step = (id: number, to: ProjectStatus, onDate: string, extra = {}) => transitionProject(db, systemContext, id, { to, onDate, ...extra });

  const active = await createProject(db, systemContext, plan({ name: `A&B <联合村> "乡村旅游" 'x' 项目` }));
  await step(active.id, 'submitted', '2024-01-10');
  await step(active.id, 'reviewed', '2024-01-20');
  await step(active.id, 'approved', '2024-02-01', { documentNo: '香扶〔2024〕1号', approvedFen: 300_000_00 });
  await step(active.id, 'in_progress', '2024-03-01');
  await addTransaction(db, systemContext, active.id, { kind: 'allocate', amountFen: 200_000_00, onDate: '2024-03-02' });
  const disbursement = await addTransaction(db, systemContext, active.id, { kind: 'disburse', amountFen: 100_000_12, onDate: '2024-03-05', documentNo: '拨〔2024〕3号' });
  await cosign(db, eastSigner, disbursement.id);
  await cosign(db, westSigner, disbursement.id);
  await addTransaction(db, systemContext, active.id, { kind: 'disburse', amountFen: 1_00, onDate: '2024-03-06' }); // not co-signed: not reported
  await addTransaction(db, systemContext, active.id, { kind: 'spend', amountFen: 123_45, onDate: '2024-04-01', note: '材料' });
  await addTransaction(db, systemContext, active.id, { kind: 'return', amountFen: 5, onDate: '2024-04-02' });
  await step(active.id, 'completed', '2024-05-01');

  const reserve = await createProject(db, systemContext, plan({ name: '储备项目', startYear: 2024, endYear: 2024, regionCode: '533401', eastOrgId: district, ownerOrgId: null, ownerName: '某合作社' }));
  const other = await createProject(db, systemContext, plan({ name: '另一区项目', startYear: 2024, endYear: 2024, regionCode: '632621', eastOrgId: otherDistrict, ownerOrgId: null }));
  const old = await createProject(db, systemContext, plan({ name: '往年项目', startYear: 2019, endYear: 2020, eastOrgId: district }));
  return { district, codes: { active: active.code, reserve: reserve.code, other: other.code, old: old.code } };
}

// ---------------------------------------------------------------- the route

const t = useTestApp();
let s: Seeded;
let scoped: Caller;

const getXml = async (url: string, as: Caller = t.admin) => {
  const headers: Record<string, string> = as && 'cookie' in as ? { cookie: as.cookie } : {};
  const res = await t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.body, headers: res.headers, json: () => res.json() };
};
const identifiers = (xml: string) => [...xml.matchAll(/<iati-identifier>CN-XIEZUO-([^<]+)<\/iati-identifier>/g)].map((m) => m[1]).sort();

beforeAll(async () => {
  s = await seed(t.database.db);
  scoped = (await t.userWith({ roles: ['district_admin'], orgId: s.district, scopes: [{ orgId: s.district }] })).caller;
});

describe('GET /api/v1/projects/iati.xml', () => {
  it('answers an IATI 2.03 attachment with the year’s projects, and records the export in the audit log', async () => {
    const res = await getXml('/api/v1/projects/iati.xml?year=2024');
    expect(res.status, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="xiezuo-iati-2024.xml"');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03" generated-datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">/);
    expect(identifiers(res.body)).toEqual([s.codes.active, s.codes.reserve, s.codes.other].sort());

    const audit = await t.database.db.selectFrom('audit_log').select(['actor_name', 'after']).where('entity', '=', 'iati').where('action', '=', 'export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const after = typeof audit.after === 'string' ? JSON.parse(audit.after) : audit.after;
    expect(after).toEqual({ year: 2024, orgId: null, activities: 3 });
    expect(audit.actor_name).not.toBe('system');
  });

  it('reports a funded project from our records: status, dates, place, organisations, commitment, co-signed money only', async () => {
    const xml = activityOf((await getXml('/api/v1/projects/iati.xml?year=2024')).body, s.codes.active)!;
    expect(xml).toContain('<narrative xml:lang="zh">A&amp;B &lt;联合村&gt; &quot;乡村旅游&quot; &apos;x&apos; 项目</narrative>');
    expect(xml).toContain('<activity-status code="3"/>');
    for (const d of ['type="1" iso-date="2023-01-01"', 'type="2" iso-date="2024-03-01"', 'type="3" iso-date="2024-12-31"', 'type="4" iso-date="2024-05-01"']) expect(xml).toContain(`<activity-date ${d}/>`);
    expect(xml).toMatch(/<participating-org role="1">\s*<narrative xml:lang="zh">测试区某镇 &amp; &lt;分部&gt;<\/narrative>/);
    expect(xml).toMatch(/<participating-org role="4">\s*<narrative xml:lang="zh">香格里拉市人民政府<\/narrative>/);
    expect(xml).toMatch(/<location ref="533401102201">\s*<name>\s*<narrative xml:lang="zh">云南省 迪庆藏族自治州 香格里拉市 小中甸镇 联合村民委员会<\/narrative>/);
    expect(xml).toMatch(/<budget type="1" status="2">[\s\S]*?>300000.00<\/value>/);
    const values = [...xml.matchAll(/<transaction(?: ref="[^"]*")?>\s*<transaction-type code="(\d)"\/>\s*<transaction-date iso-date="([\d-]+)"\/>\s*<value currency="CNY" value-date="[\d-]+">([-\d.]+)<\/value>/g)].map((m) => m.slice(1).join(' '));
    expect(values).toEqual(['2 2024-02-01 300000.00', '3 2024-03-05 100000.12', '4 2024-04-01 123.45', '3 2024-04-02 -0.05']);

    const reserve = activityOf((await getXml('/api/v1/projects/iati.xml?year=2024')).body, s.codes.reserve)!;
    expect(reserve).toContain('<activity-status code="1"/>');
    expect(reserve).toMatch(/<participating-org role="4">\s*<narrative xml:lang="zh">某合作社<\/narrative>/);
    expect(reserve).toMatch(/<location ref="533401">\s*<name>\s*<narrative xml:lang="zh">云南省 迪庆藏族自治州 香格里拉市<\/narrative>/);
    expect(reserve).toMatch(/<budget type="1" status="1">[\s\S]*?>350000.00<\/value>/);
  });

  it('filters by east-side unit with its sub-units, and by year', async () => {
    const byOrg = await getXml(`/api/v1/projects/iati.xml?year=2024&org=${s.district}`);
    expect(byOrg.headers['content-disposition']).toBe(`attachment; filename="xiezuo-iati-2024-org${s.district}.xml"`);
    expect(identifiers(byOrg.body)).toEqual([s.codes.active, s.codes.reserve].sort());
    expect(identifiers((await getXml(`/api/v1/projects/iati.xml?year=2019&org=${s.district}`)).body)).toEqual([s.codes.old]);
    expect(identifiers((await getXml('/api/v1/projects/iati.xml')).body)).toEqual(Object.values(s.codes).sort());
  });

  it('shows a scoped user only the projects in their scope', async () => {
    const res = await getXml('/api/v1/projects/iati.xml?year=2024', scoped);
    expect(res.status).toBe(200);
    expect(identifiers(res.body)).toEqual([s.codes.active, s.codes.reserve].sort());
  });

  it('refuses bad parameters naming the field, an empty selection, and anonymous callers', async () => {
    const bad = await getXml('/api/v1/projects/iati.xml?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toContain('year');
    const west = await t.database.db.selectFrom('orgs').select('id').where('name', '=', '香格里拉市人民政府').executeTakeFirstOrThrow();
    const notEast = await getXml(`/api/v1/projects/iati.xml?org=${west.id}`);
    expect(notEast.status).toBe(400);
    expect(notEast.json()).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'org' }] });
    expect((await getXml('/api/v1/projects/iati.xml?org=999999')).json().issues[0].path).toBe('org');
    const empty = await getXml('/api/v1/projects/iati.xml?year=2010');
    expect(empty.status).toBe(404);
    expect(empty.json().message).toContain('没有可导出的项目');
    expect((await getXml('/api/v1/projects/iati.xml', null)).status).toBe(401);
  });

  it('leaves /projects/:id to the project route', async () => {
    const row = await t.database.db.selectFrom('projects').select('id').where('code', '=', s.codes.active).executeTakeFirstOrThrow();
    const res = await t.call('GET', `/api/v1/projects/${row.id}`);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(s.codes.active);
  });
});

// ---------------------------------------------------------------- the schema

describe(SCHEMA_DIR ? `IATI 2.03 schema validation (xmllint, ${SCHEMA_DIR})` : 'IATI 2.03 schema validation — skipped: IATI_SCHEMA_DIR not set (point it at the folder holding iati-activities-schema.xsd)', () => {
  it.skipIf(!SCHEMA_DIR)('validates the route’s export', async () => {
    const res = await getXml('/api/v1/projects/iati.xml');
    expect(res.status).toBe(200);
    const r = await xmllint(res.body);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('validates');
  });

  it.skipIf(!SCHEMA_DIR)('validates a document in every lifecycle state, with awkward text', async () => {
    const projects = (Object.keys(PROJECT_STATUSES) as ProjectStatus[]).map((status, i) =>
      sample({ status, code: `P-${i}`, name: `A&B <c> "d" 'e' \u0001 汉字`, content: i % 2 ? null : '行一\n行二 & <三>', ownerName: i % 3 ? null : '业主 "甲"', eastOrgName: i % 4 ? '东部 & 单位' : null, approvedFen: i % 2 ? null : 1 }),
    );
    const r = await xmllint(doc(...projects));
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('validates');
  });
});

// ---------------------------------------------------------------- the command

describe('xiezuo export iati', () => {
  let env: NodeJS.ProcessEnv;
  let codes: Seeded['codes'];

  beforeAll(async () => {
    const config: DbConfig = await createTestDatabase();
    const database = await openDatabase(config);
    try {
      codes = (await seed(database.db)).codes;
    } finally {
      await database.close(); // the embedded database admits one process: the command's
    }
    env = envFor(config);
  });

  async function xiezuo(...args: string[]) {
    try {
      const { stdout, stderr } = await run('node', ['bin/xiezuo.mjs', ...args], { env, cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  let year2024: Awaited<ReturnType<typeof xiezuo>>;

  it('prints the year’s document on stdout and what it did on stderr', async () => {
    year2024 = await xiezuo('export', 'iati', '--year', '2024');
    expect(year2024.code, year2024.stderr).toBe(0);
    expect(year2024.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03"')).toBe(true);
    expect(identifiers(year2024.stdout)).toEqual([codes.active, codes.reserve, codes.other].sort());
    expect(year2024.stderr).toContain('已导出 IATI 2.03 活动文件：3 个项目（2024 年度）');
  });

  it('takes the organisation by alias, and refuses a bad year', async () => {
    const byAlias = await xiezuo('export', 'iati', '--year', '2024', '--org', '测试区');
    expect(byAlias.code, byAlias.stderr).toBe(0);
    expect(identifiers(byAlias.stdout)).toEqual([codes.active, codes.reserve].sort());
    const bad = await xiezuo('export', 'iati', '--year', '20x4');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--year');
    expect(bad.stdout).toBe('');
    const usage = await xiezuo('export', 'csv');
    expect(usage.code).toBe(2);
  });

  it.skipIf(!SCHEMA_DIR)(`prints a document that validates against the IATI 2.03 schema${SCHEMA_DIR ? '' : ' — skipped: IATI_SCHEMA_DIR not set'}`, async () => {
    expect(year2024?.code).toBe(0);
    const r = await xmllint(year2024.stdout);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('validates');
  });
});
