import { expect } from 'vitest';
import type { Reply } from '../../testing/test-app.ts';
import type { Ctx, Line } from './access.matrix.lines.ts';
import { insertDocument, insertDrafts } from '../../modules/bulletins/bulletins.repository.ts';

/**
 * The matrix lines of 简报导入. A document is its importer's: "in" is a document of the caller,
 * "out" one of nobody in particular (visible only to a global scope). Every accept or reject gets a
 * fresh pending draft.
 */
let seq = 0;
const userId = async (c: Ctx) => (await c.r.db.selectFrom('users').select('id').where('username', '=', c.username).executeTakeFirstOrThrow()).id;

async function documentOf(c: Ctx, owner: number | null) {
  const id = await insertDocument(c.r.db, { sha256: `matrix-${process.pid}-${++seq}`, file_name: 'matrix.txt', year: 2024, year_basis: '矩阵', issued_on: null, text: '6月1日，矩阵条目。', user_id: owner, actor_name: 'matrix' });
  await insertDrafts(c.r.db, [{ document_id: id, item_no: 1, title: '矩阵条目', section: null, date_start: '2024-06-01', date_end: '2024-06-01', kind: 'visit', facts: JSON.stringify({ amounts: [], counts: [], shanghaiSide: [], recipientSide: [] }), span_start: 0, span_end: 9 }]);
  const draft = await c.r.db.selectFrom('bulletin_drafts').select('id').where('document_id', '=', id).executeTakeFirstOrThrow();
  return { id, draft: draft.id };
}
const sideOf = async (c: Ctx) => documentOf(c, c.inScope ? await userId(c) : null);
const ids = (res: Reply<any>) => (res.body.items as { id: number }[]).map((x) => x.id);

export const BULLETIN_LINES: Record<string, Line> = {
  'GET /api/v1/bulletins/imports': {
    scoping: 'list',
    request: async (c) => {
      const other = await documentOf(c, null);
      return { method: 'GET', url: '/api/v1/bulletins/imports?pageSize=200', check: (res, all) => expect(ids(res).includes(other.id)).toBe(all) };
    },
  },
  'GET /api/v1/bulletins/imports/:id': { scoping: 'record', request: async (c) => ({ method: 'GET', url: `/api/v1/bulletins/imports/${(await sideOf(c)).id}` }) },
  // A document is checked against nobody's scope: it is the importer's own; its records are scoped when accepted.
  'POST /api/v1/bulletins/imports': {
    scoping: 'none',
    request: (c) => ({ method: 'POST', url: '/api/v1/bulletins/imports?fileName=m.txt', body: Buffer.from(`【工作动态】\n6月${(++seq % 28) + 1}日，矩阵单位${c.r.name('赴')}结对县调研。\n`), type: 'text/plain; charset=utf-8' }),
  },
  'POST /api/v1/bulletins/drafts/:id/accept': {
    scoping: 'record',
    request: async (c) => ({ method: 'POST', url: `/api/v1/bulletins/drafts/${(await sideOf(c)).draft}/accept`, body: { type: 'visit', title: '矩阵简报条目', startDate: '2024-06-01', endDate: '2024-06-01', pairingId: c.f.pairIn } }),
  },
  'POST /api/v1/bulletins/drafts/:id/reject': { scoping: 'record', request: async (c) => ({ method: 'POST', url: `/api/v1/bulletins/drafts/${(await sideOf(c)).draft}/reject`, body: {} }) },
};
