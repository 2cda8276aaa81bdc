import { expect } from 'vitest';
import type { Ctx, Line } from './access.matrix.lines.ts';

/** A donation credited to a unit on either side of the boundary, waiting for that unit to confirm it. */
async function pending(c: Ctx) {
  const id = await c.r.donation(c.inScope ? c.f.pairIn : c.f.pairOut, c.inScope ? c.r.owner! : c.f.westY);
  await c.r.db.updateTable('donations').set({ claim_status: 'pending' }).where('id', '=', id).execute();
  return id;
}

/** 认领: the list is the caller's own; a decision needs the record kind's write permission and the named unit in scope. */
export const CLAIM_LINES: Record<string, Line> = {
  'GET /api/v1/claims': {
    scoping: 'list',
    request: async (c) => {
      const out = c.inScope ? 0 : await pending(c);
      return { method: 'GET', url: '/api/v1/claims?direction=incoming&pageSize=200', check: (res, all) => { if (out) expect((res.body.items as { id: number }[]).some((x) => x.id === out)).toBe(all); } };
    },
  },
  'POST /api/v1/claims/:kind/:id/confirm': {
    scoping: 'record', decidedBy: 'activity:write',
    request: async (c) => ({ method: 'POST', url: `/api/v1/claims/donation/${await pending(c)}/confirm`, body: {} }),
  },
  'POST /api/v1/claims/:kind/:id/refuse': {
    scoping: 'record', decidedBy: 'activity:write',
    request: async (c) => ({ method: 'POST', url: `/api/v1/claims/donation/${await pending(c)}/refuse`, body: { reason: '非本单位受赠' } }),
  },
};
