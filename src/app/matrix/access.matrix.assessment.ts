import { expect } from 'vitest';
import type { Ctx, Line } from './access.matrix.lines.ts';
import { insertSample, type StoredScope } from '../../modules/assessment/assessment.repository.ts';

/**
 * The matrix lines of the self-assessment: the report, the opinions and the samples of the role's own
 * scope (district A, or 香格里拉市 for the regional roles) and of district B, which a scoped role may not
 * see — nor is it one of B's paired units — so it answers 404, as for an unknown scope or sample.
 */
const X = '533401';
const YEAR = 2024;
const regional = (c: Ctx) => c.role === 'frontline' || c.role === 'recipient_clerk' || c.role === 'recipient_leader';
const scopeQuery = (c: Ctx) => (!c.inScope ? `district=${c.f.distB}` : regional(c) ? `region=${X}` : `district=${c.f.distA}`);
const scopeBody = (c: Ctx) => (!c.inScope ? { district: c.f.distB } : regional(c) ? { region: X } : { district: c.f.distA });
const stored = (c: Ctx): StoredScope =>
  !c.inScope ? { kind: 'district', orgId: c.f.distB, pairingId: null, region: null } : regional(c) ? { kind: 'region', orgId: null, pairingId: null, region: X } : { kind: 'district', orgId: c.f.distA, pairingId: null, region: null };
/** The other side of the scope: B's pairing reaches 玛沁 (westY); A's town pairs with westX, which pairs back with townA. */
const counterpart = (c: Ctx) => (!c.inScope ? c.f.westY : regional(c) ? c.f.townA : c.f.westX);

const P = '/api/v1/assessment';
const scoped = (path: string): Line => ({ scoping: 'record', request: (c) => ({ method: 'GET', url: `${P}${path}?year=${YEAR}&${scopeQuery(c)}` }) });

/** A sample kept directly (drawing one runs over every indicator's evidence), with one item to check. */
async function sample(c: Ctx): Promise<number> {
  const item = { indicator: 'fund_allocated', indicatorName: '财政援助资金下达', unit: '万元', kind: 'project', kindLabel: '帮扶项目', recordId: 1, label: '矩阵样本', date: null, placeName: null, orgName: null, value: 1, verified: null, note: null, checkedBy: null, checkedAt: null };
  return insertSample(c.r.db, stored(c), { scope_name: '矩阵范围', year: YEAR, seed: 1, per_indicator: 1, items: [item], pools: [{ indicator: 'fund_allocated', indicatorName: '财政援助资金下达', total: 1, drawn: 1 }], created_by: 'matrix' });
}

export const ASSESSMENT_LINES: Record<string, Line> = {
  [`GET ${P}/report`]: scoped('/report'),
  [`GET ${P}/report.docx`]: scoped('/report.docx'),
  [`GET ${P}/opinions`]: {
    scoping: 'record',
    request: (c) => ({ method: 'GET', url: `${P}/opinions?year=${YEAR}&${scopeQuery(c)}`, check: (res) => expect((res.body.counterparts as { id: number }[]).map((u) => u.id)).toContain(counterpart(c)) }),
  },
  [`POST ${P}/opinions`]: {
    scoping: 'record',
    request: (c) => ({ method: 'POST', url: `${P}/opinions`, body: { year: YEAR, ...scopeBody(c), fromOrgId: counterpart(c), opinion: '矩阵意见', givenOn: '2024-12-20' } }),
  },
  [`POST ${P}/samples`]: { scoping: 'record', request: (c) => ({ method: 'POST', url: `${P}/samples`, body: { year: YEAR, ...scopeBody(c), seed: 1, perIndicator: 1 } }) },
  [`GET ${P}/samples`]: scoped('/samples'),
  [`GET ${P}/samples/:id`]: { scoping: 'record', request: async (c) => ({ method: 'GET', url: `${P}/samples/${await sample(c)}` }) },
  [`PATCH ${P}/samples/:id/items/:index`]: { scoping: 'record', request: async (c) => ({ method: 'PATCH', url: `${P}/samples/${await sample(c)}/items/0`, body: { verified: true, note: '矩阵核查' } }) },
  [`GET ${P}/samples/:id/export.xlsx`]: { scoping: 'record', request: async (c) => ({ method: 'GET', url: `${P}/samples/${await sample(c)}/export.xlsx` }) },
};
