import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { auditCount, makeOrg } from '../../testing/factories.ts';

const t = useTestApp();
let eastOrg: { id: number };
let westOrg: { id: number };
let frontline: Caller;
let leader: Caller;
let clerk: Caller;

const complete = (over: Record<string, unknown> = {}) => ({
  name: '小中甸镇联合村乡村旅游项目',
  startYear: 2020,
  endYear: 2021,
  level: 'city',
  category: 'rural_tourism',
  regionCode: '533401102201',
  eastOrgId: eastOrg.id,
  ownerName: '小中甸镇人民政府',
  funds: { shanghaiFen: 300_000_00, integratedFen: 50_000_00, socialFen: 0, selfFen: 0 },
  content: '建设游客接待中心及配套设施',
  benefitMechanism: '村集体经济入股分红',
  expectedBenefits: '受益村民57户306人，带动建档立卡户26户107人',
  beneficiaries: { households: 57, people: 306, poorHouseholds: 26, poorPeople: 107 },
  budgetItems: [
    { item: '游客接待中心', amountFen: 250_000_00 },
    { item: '道路与停车场', amountFen: 100_000_00 },
  ],
  outputs: [{ description: '接待中心', quantity: 800, unit: '平方米' }],
  milestones: [{ name: '完成施工图设计', dueOn: '2020-05-31' }, { name: '主体完工', dueOn: '2020-11-30' }],
  ...over,
});

const create = async (over: Record<string, unknown> = {}) => {
  const res = await t.call('POST', '/api/v1/projects', complete(over));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: number; code: string; status: string };
};
const step = (id: number, to: string, extra: Record<string, unknown> = {}, as?: Caller) =>
  t.call('POST', `/api/v1/projects/${id}/transitions`, { to, onDate: '2020-04-01', ...extra }, as);

async function approved(over: Record<string, unknown> = {}) {
  const p = await create(over);
  expect((await step(p.id, 'submitted')).status).toBe(200);
  expect((await step(p.id, 'reviewed')).status).toBe(200);
  expect((await step(p.id, 'approved', { documentNo: '香扶组〔2020〕12号', approvedFen: 350_000_00 })).status).toBe(200);
  return p;
}

beforeAll(async () => {
  eastOrg = await makeOrg(t, { type: 'party_government', regionCode: '310112' });
  westOrg = await makeOrg(t, { side: 'west', type: 'party_government', regionCode: '533401' });
  const shanghaiCadre = await makeOrg(t, { type: 'frontline_group', regionCode: '533401', parentId: eastOrg.id });
  frontline = (await t.userWith({ roles: ['frontline'], orgId: shanghaiCadre.id, scopes: [{ regionCode: '533401' }] })).caller;
  leader = (await t.userWith({ roles: ['recipient_leader'], orgId: westOrg.id, scopes: [{ regionCode: '533401' }] })).caller;
  clerk = (await t.userWith({ roles: ['recipient_clerk'], orgId: westOrg.id, scopes: [{ regionCode: '533401' }] })).caller;
});

describe('project records', () => {
  it('creates a project with its plan, a county-year code, and an audit row', async () => {
    const before = await auditCount(t, 'project');
    const p = await t.call('POST', '/api/v1/projects', complete());
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ status: 'reserve', countyCode: '533401', regionName: '联合村民委员会', plannedFen: 350_000_00, missingForSubmission: [] });
    expect(p.body.code).toMatch(/^533401-2020-\d{3}$/);
    expect(p.body.outputs[0]).toMatchObject({ quantity: 800, unit: '平方米' });
    expect(await auditCount(t, 'project')).toBe(before + 1);
  });

  it('refuses bad amounts, years, places and beneficiary counts, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ funds: { shanghaiFen: -1 } }, 'funds.shanghaiFen'],
      [{ funds: { shanghaiFen: 'abc' } }, 'funds.shanghaiFen'],
      [{ endYear: 2019 }, 'endYear'],
      [{ regionCode: '53' }, 'regionCode'],
      [{ beneficiaries: { people: 10, poorPeople: 11 } }, 'beneficiaries.poorPeople'],
      [{ budgetItems: [{ item: '道路', amountFen: 0 }] }, 'budgetItems.0.amountFen'],
    ];
    for (const [over, path] of cases) {
      const res = await t.call('POST', '/api/v1/projects', complete(over));
      expect(res.status, path).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path), path).toContain(path);
    }
  });
});

describe('四个明确 and the lifecycle', () => {
  it('refuses submission until content, use of funds, schedule and benefits are all stated', async () => {
    const p = await create({ content: null, expectedBenefits: '', milestones: [], budgetItems: [{ item: '接待中心', amountFen: 100_00 }] });
    const res = await step(p.id, 'submitted');
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('四个明确');
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['budgetItems', 'content', 'expectedBenefits', 'milestones']);
    const fixed = await t.call('PATCH', `/api/v1/projects/${p.id}`, { content: '建设接待中心', expectedBenefits: '带动增收', milestones: [{ name: '完工', dueOn: '2020-12-31' }], budgetItems: complete().budgetItems });
    expect(fixed.body.missingForSubmission).toEqual([]);
    expect((await step(p.id, 'submitted')).status).toBe(200);
  });

  it('refuses skipped steps, the wrong role, missing approval fields and dates out of order', async () => {
    const p = await create();
    const skip = await step(p.id, 'approved', { documentNo: 'x', approvedFen: 1 });
    expect(skip.status).toBe(422);
    expect(skip.body.message).toContain('可进行的操作');
    expect((await step(p.id, 'submitted')).status).toBe(200);
    const edit = await t.call('PATCH', `/api/v1/projects/${p.id}`, { name: '改名' });
    expect(edit.status).toBe(422);
    const wrongRole = await step(p.id, 'reviewed', {}, frontline);
    expect(wrongRole.status).toBe(403);
    expect((await step(p.id, 'reviewed')).status).toBe(200);
    const noDoc = await step(p.id, 'approved', { approvedFen: 100 });
    expect(noDoc.body.issues[0].path).toBe('documentNo');
    const tooMuch = await step(p.id, 'approved', { documentNo: '批复1号', approvedFen: 999_999_999_00 });
    expect(tooMuch.body.issues[0].path).toBe('approvedFen');
    const early = await step(p.id, 'approved', { documentNo: '批复1号', approvedFen: 100, onDate: '2019-01-01' });
    expect(early.body.issues[0].path).toBe('onDate');
    const ok = await step(p.id, 'approved', { documentNo: '批复1号', approvedFen: 300_000_00, comment: '同意实施' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', approvedFen: 300_000_00, approvalDocNo: '批复1号' });
    expect(ok.body.history.map((h: { to: string }) => h.to)).toEqual(['submitted', 'reviewed', 'approved']);
    expect(ok.body.history[2]).toMatchObject({ documentNo: '批复1号', comment: '同意实施' });
    const me = await t.call('GET', '/api/v1/auth/me');
    expect(ok.body.history[2].actorName).toBe(me.body.user.displayName);
  });

  it('suspends and resumes to where it was, and cancels only with a reason', async () => {
    const p = await approved();
    expect((await step(p.id, 'in_progress')).status).toBe(200);
    expect((await step(p.id, 'suspended')).body.issues[0].path).toBe('comment');
    expect((await step(p.id, 'suspended', { comment: '雨季停工' })).status).toBe(200);
    expect((await step(p.id, 'approved')).status).toBe(422);
    expect((await step(p.id, 'in_progress')).body.status).toBe('in_progress');
    expect((await step(p.id, 'cancelled', { comment: '选址调整' })).body.status).toBe('cancelled');
  });

  it('lists overdue milestones per scope', async () => {
    const p = await create({ name: '逾期节点测试项目', milestones: [{ name: '早已到期', dueOn: '2020-01-31' }] });
    const list = await t.call('GET', '/api/v1/projects?overdue=true&pageSize=200');
    expect(list.body.items.map((x: { id: number }) => x.id)).toContain(p.id);
    const detail = await t.call('GET', `/api/v1/projects/${p.id}`);
    const mid = detail.body.milestones[0].id;
    expect(detail.body.milestones[0].overdue).toBe(true);
    await t.call('PATCH', `/api/v1/projects/${p.id}/milestones/${mid}`, { doneOn: '2020-01-30' });
    const after = await t.call('GET', '/api/v1/projects?overdue=true&pageSize=200');
    expect(after.body.items.map((x: { id: number }) => x.id)).not.toContain(p.id);
  });
});

describe('money: allocate, co-signed disbursement, spend, return', () => {
  it('enforces disbursed ≤ allocated ≤ approved and spent ≤ disbursed, with two distinct signers', async () => {
    const p = await approved();
    const over = await t.call('POST', `/api/v1/projects/${p.id}/allocations`, { amountFen: 350_000_01, onDate: '2020-04-10' });
    expect(over.status).toBe(400);
    expect(over.body.issues[0].path).toBe('amountFen');
    expect((await t.call('POST', `/api/v1/projects/${p.id}/allocations`, { amountFen: 200_000_00, onDate: '2020-04-10', documentNo: '闵财〔2020〕8号' })).status).toBe(201);

    const d = await t.call('POST', `/api/v1/projects/${p.id}/funds`, { kind: 'disburse', amountFen: 150_000_00, onDate: '2020-05-01' }, clerk);
    expect(d.status).toBe(201);
    expect(d.body.status).toBe('pending');
    const spendEarly = await t.call('POST', `/api/v1/projects/${p.id}/funds`, { kind: 'spend', amountFen: 1, onDate: '2020-05-02' });
    expect(spendEarly.status).toBe(400);

    expect((await t.call('POST', `/api/v1/fund-transactions/${d.body.id}/cosign`, undefined, clerk)).status).toBe(403);
    const first = await t.call('POST', `/api/v1/fund-transactions/${d.body.id}/cosign`, undefined, leader);
    expect(first.body).toMatchObject({ status: 'pending', signatures: [{ side: 'west' }] });
    const again = await t.call('POST', `/api/v1/fund-transactions/${d.body.id}/cosign`, undefined, leader);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('另一人');
    const second = await t.call('POST', `/api/v1/fund-transactions/${d.body.id}/cosign`, undefined, frontline);
    expect(second.body.status).toBe('effective');

    expect((await t.call('POST', `/api/v1/projects/${p.id}/funds`, { kind: 'spend', amountFen: 150_000_01, onDate: '2020-06-01' })).status).toBe(400);
    expect((await t.call('POST', `/api/v1/projects/${p.id}/funds`, { kind: 'spend', amountFen: 100_000_00, onDate: '2020-06-01' })).status).toBe(201);
    expect((await t.call('POST', `/api/v1/projects/${p.id}/funds`, { kind: 'return', amountFen: 50_000_01, onDate: '2020-07-01' })).status).toBe(400);
    expect((await t.call('POST', `/api/v1/projects/${p.id}/funds`, { kind: 'return', amountFen: 10_000_00, onDate: '2020-07-01' })).status).toBe(201);
    const totals = (await t.call('GET', `/api/v1/projects/${p.id}`)).body.totals;
    expect(totals).toEqual({ plannedFen: 350_000_00, approvedFen: 350_000_00, allocatedFen: 200_000_00, disbursedFen: 150_000_00, pendingDisbursementFen: 0, spentFen: 100_000_00, returnedFen: 10_000_00 });
  });

  it('lets only one of two concurrent disbursements through when both together would overdraw', async () => {
    const p = await approved();
    await t.call('POST', `/api/v1/projects/${p.id}/allocations`, { amountFen: 100_00, onDate: '2020-04-10' });
    const both = await Promise.all([
      t.call('POST', `/api/v1/projects/${p.id}/funds`, { kind: 'disburse', amountFen: 60_00, onDate: '2020-05-01' }),
      t.call('POST', `/api/v1/projects/${p.id}/funds`, { kind: 'disburse', amountFen: 60_00, onDate: '2020-05-01' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 400]);
  });

  it('refuses allocation by a recipient county clerk and money before approval', async () => {
    const p = await create();
    expect((await t.call('POST', `/api/v1/projects/${p.id}/allocations`, { amountFen: 100, onDate: '2020-04-10' }, clerk)).status).toBe(403);
    const early = await t.call('POST', `/api/v1/projects/${p.id}/allocations`, { amountFen: 100, onDate: '2020-04-10' });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('批复');
  });
});

describe('inspections, rectifications and assets at closure', () => {
  it('blocks acceptance while a rectification is open and handover until assets are registered', async () => {
    const p = await approved();
    for (const to of ['in_progress', 'completed']) expect((await step(p.id, to)).status).toBe(200);
    const insp = await t.call('POST', `/api/v1/projects/${p.id}/inspections`, { kind: 'spot_check', onDate: '2020-10-01', inspector: '州扶贫办', findings: '护栏高度不足' });
    const rect = await t.call('POST', `/api/v1/projects/${p.id}/rectifications`, { finding: '护栏加高', deadline: '2020-10-15', owner: '施工单位', inspectionId: insp.body.id });
    expect(rect.body).toMatchObject({ status: 'open', overdue: true });
    const open = await t.call('GET', '/api/v1/rectifications?overdue=true');
    expect(open.body.items.map((r: { id: number }) => r.id)).toContain(rect.body.id);
    const mine = await t.call('GET', `/api/v1/rectifications?projectId=${p.id}`);
    expect(mine.body.items.map((r: { projectId: number }) => r.projectId)).toEqual([p.id]);
    expect(mine.body).toMatchObject({ total: 1, page: 1 });
    const blocked = await step(p.id, 'accepted', { documentNo: '验收1号' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.message).toContain('整改');
    expect((await t.call('POST', `/api/v1/rectifications/${rect.body.id}/close`, { closedOn: '2020-10-12', evidence: '' })).status).toBe(400);
    expect((await t.call('POST', `/api/v1/rectifications/${rect.body.id}/close`, { closedOn: '2020-10-12', evidence: '整改后照片三张' })).body.status).toBe('closed');
    expect((await step(p.id, 'accepted', { documentNo: '验收1号' })).status).toBe(200);
    expect((await step(p.id, 'handed_over')).status).toBe(422);
    const a = await t.call('POST', `/api/v1/projects/${p.id}/assets`, { name: '游客接待中心', kind: 'operating', valueFen: 250_000_00, receiverName: '联合村股份经济合作社', handedOverOn: '2020-12-20' });
    expect(a.status).toBe(201);
    expect((await step(p.id, 'handed_over', { onDate: '2020-12-20' })).body.status).toBe('handed_over');
  });
});

describe('project codes', () => {
  it('numbers past 999 without colliding', async () => {
    await t.database.db.updateTable('projects').set({ code: '533401-2031-999' }).where('id', '=', (await create({ startYear: 2031, endYear: 2031 })).id).execute();
    const next = await create({ startYear: 2031, endYear: 2031 });
    const after = await create({ startYear: 2031, endYear: 2031 });
    expect([next.code, after.code]).toEqual(['533401-2031-1000', '533401-2031-1001']);
  });
});
