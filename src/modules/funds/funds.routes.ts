import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam } from '../../platform/contract.ts';
import { fundInput, fundTransaction } from './funds.contract.ts';
import * as service from './funds.service.ts';
import { exportFundTransactions, fundTemplate, importFundTransactions } from './funds.excel.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';

const tags = ['funds'];

export function registerFundRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get('/projects/:id/funds', { config: { access: 'project:read' }, schema: { tags, summary: '项目资金往来（下达、拨付、支出、退回）', params: idParam, response: { 200: z.array(fundTransaction) } } }, async (req) =>
    service.listTransactions(db, req.ctx, req.params.id),
  );
  app.post(
    '/projects/:id/allocations',
    { config: { access: 'fund:allocate' }, schema: { tags, summary: '下达资金（累计不超过批复金额）', params: idParam, body: fundInput.omit({ kind: true }), response: { 201: fundTransaction } } },
    async (req, reply) => reply.status(201).send(await service.addTransaction(db, req.ctx, req.params.id, { ...req.body, kind: 'allocate' })),
  );
  app.post(
    '/projects/:id/funds',
    {
      config: { access: 'fund:record' },
      schema: { tags, summary: '登记拨付（待会签）、支出或退回', params: idParam, body: fundInput.extend({ kind: z.enum(['disburse', 'spend', 'return'], '类型须为拨付、支出或退回（下达请用 allocations）') }), response: { 201: fundTransaction } },
    },
    async (req, reply) => reply.status(201).send(await service.addTransaction(db, req.ctx, req.params.id, req.body)),
  );
  app.post('/fund-transactions/:id/cosign', { config: { access: 'fund:cosign' }, schema: { tags, summary: '会签拨付（受援方与帮扶方各一人）', params: idParam, response: { 200: fundTransaction } } }, async (req) =>
    service.cosign(db, req.ctx, req.params.id),
  );

  registerSheetRoutes(app, {
    path: '/fund-transactions', tags, name: '资金往来', read: 'project:read', write: 'fund:record', readFrom,
    exportQuery: z.object({ county: z.string().regex(/^\d{6,12}$/).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }),
    template: fundTemplate, importFile: (ctx, file, skip) => importFundTransactions(db, ctx, file, skip), exportFile: (ctx, q) => exportFundTransactions(db, ctx, q), // its audit row is written, so the primary
  });
}

export const fundsFeature = routesFeature('funds', registerFundRoutes);
