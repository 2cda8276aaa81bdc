import { expect } from 'vitest';
import type { Reply } from '../../testing/test-app.ts';
import type { Ctx, Line } from './access.matrix.lines.ts';
import { insertEdition, replaceItems, updateEdition } from '../../modules/editions/editions.repository.ts';

/**
 * The matrix lines of 简报编发. An edition is in scope through its publisher: "in" is published by
 * an organisation of the caller's scope, "out" by the other district. Each request gets a fresh
 * edition (its own title, so numbers never collide) in the status the route needs.
 */
let seq = 0;
const regional = (c: Ctx) => c.role === 'frontline' || c.role === 'recipient_clerk' || c.role === 'recipient_leader';
const publisherFor = (c: Ctx) => (!c.inScope ? c.f.distB : regional(c) ? c.f.westX : c.f.townA);

async function editionOf(c: Ctx, status: 'draft' | 'review' = 'draft') {
  const id = await insertEdition(c.r.db, {
    publisher_org_id: publisherFor(c), title: `矩阵简报${process.pid}-${++seq}`, supplement: false, year: 2024, issue_no: 1, total_no: 1, issued_on: '2024-03-31', editor: '矩阵编辑单位',
    period_from: null, period_to: null, pairing_id: null, county_code: null, with_toc: false, distribution: JSON.stringify({ bao: [], song: [], fa: [] }), copies: null, corrects_id: null, created_by: 'matrix',
  });
  await replaceItems(c.r.db, id, [{ section: '工作动态', title: '矩阵条目', body: '3月1日，矩阵条目。', activity_id: null }]);
  if (status === 'review') await updateEdition(c.r.db, id, { status: 'review' });
  return id;
}
const at = async (c: Ctx, suffix = '', status: 'draft' | 'review' = 'draft') => `/api/v1/bulletin-editions/${await editionOf(c, status)}${suffix}`;
const ids = (res: Reply<any>) => (res.body.items as { id: number }[]).map((x) => x.id);

export const EDITION_LINES: Record<string, Line> = {
  'GET /api/v1/bulletin-editions': {
    scoping: 'list',
    request: async (c) => {
      const other = await editionOf({ ...c, inScope: false });
      return { method: 'GET', url: '/api/v1/bulletin-editions?pageSize=200', check: (res, all) => expect(ids(res).includes(other)).toBe(all) };
    },
  },
  'GET /api/v1/bulletin-editions/candidates': {
    scoping: 'list',
    request: async (c) => {
      const other = await c.r.activity(c.f.pairOut);
      return {
        method: 'GET', url: '/api/v1/bulletin-editions/candidates?from=2024-03-01&to=2024-03-02',
        check: (res, all) => expect((res.body as { activityId: number }[]).some((i) => i.activityId === other)).toBe(all),
      };
    },
  },
  'GET /api/v1/bulletin-editions/next-numbers': {
    scoping: 'record',
    outOfScope: 403,
    request: (c) => ({ method: 'GET', url: `/api/v1/bulletin-editions/next-numbers?publisher=${publisherFor(c)}&title=${encodeURIComponent('矩阵简报')}&year=2024` }),
  },
  'POST /api/v1/bulletin-editions': {
    scoping: 'create',
    request: (c) => ({ method: 'POST', url: '/api/v1/bulletin-editions', body: { publisherOrgId: publisherFor(c), title: `矩阵新简报${process.pid}-${++seq}`, issuedOn: '2024-03-31', editor: '矩阵编辑单位', compose: false } }),
  },
  'GET /api/v1/bulletin-editions/:id': { scoping: 'record', request: async (c) => ({ method: 'GET', url: await at(c) }) },
  'PATCH /api/v1/bulletin-editions/:id': { scoping: 'record', request: async (c) => ({ method: 'PATCH', url: await at(c), body: { editor: '矩阵另一编辑单位' } }) },
  'PUT /api/v1/bulletin-editions/:id/items': {
    scoping: 'record',
    request: async (c) => ({ method: 'PUT', url: await at(c, '/items'), body: { items: [{ section: null, title: '矩阵新条目', body: '3月2日，矩阵新条目。' }] } }),
  },
  'DELETE /api/v1/bulletin-editions/:id': { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: await at(c) }) },
  'POST /api/v1/bulletin-editions/:id/submit': { scoping: 'record', request: async (c) => ({ method: 'POST', url: await at(c, '/submit') }) },
  'POST /api/v1/bulletin-editions/:id/return': { scoping: 'record', request: async (c) => ({ method: 'POST', url: await at(c, '/return', 'review'), body: { reason: '矩阵退回原因' } }) },
  'POST /api/v1/bulletin-editions/:id/issue': { scoping: 'record', request: async (c) => ({ method: 'POST', url: await at(c, '/issue', 'review') }) },
  'GET /api/v1/bulletin-editions/:id/docx': { scoping: 'record', request: async (c) => ({ method: 'GET', url: await at(c, '/docx') }) },
  'GET /api/v1/bulletin-editions/:id/html': { scoping: 'record', request: async (c) => ({ method: 'GET', url: await at(c, '/html') }) },
  // 503 when the machine has no LibreOffice: the route was reached and answered for the record.
  'GET /api/v1/bulletin-editions/:id/pdf': { scoping: 'record', request: async (c) => ({ method: 'GET', url: await at(c, '/pdf'), ok: [200, 503] }) },
};
