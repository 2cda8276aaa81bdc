import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';
import { donation, donationInput, donationListQuery, donationPatch, totalsQuery, totalsRow } from './donations.contract.ts';
import * as service from './donations.service.ts';
import { donationTemplate, exportDonations, importDonations } from './donations.excel.ts';

const tags = ['donations'];

export function registerDonationRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  const access = { read: 'activity:read', write: 'activity:write' } as const;
  app.get('/donations/totals', { config: { access: access.read }, schema: { tags, summary: '捐赠合计（按结对、县或年度；资金与物资分列）', querystring: totalsQuery, response: { 200: z.array(totalsRow) } } }, async (req) =>
    service.donationTotals(readFrom(req), req.ctx.scope, req.query.by, req.query),
  );
  registerCrudRoutes(app, {
    path: '/donations', tags, name: '捐赠', ...access, readFrom,
    schemas: { item: donation, input: donationInput, patch: donationPatch, listQuery: donationListQuery },
    list: (ctx, q, from) => service.listDonations(from, ctx.scope, q),
    create: (ctx, input) => service.createDonation(db, ctx, input),
    get: (ctx, id) => service.getDonation(db, ctx.scope, id),
    update: (ctx, id, patch) => service.updateDonation(db, ctx, id, patch),
    remove: (ctx, id) => service.deleteDonation(db, ctx, id),
  });
  registerSheetRoutes(app, {
    path: '/donations', tags, name: '捐赠', ...access, readFrom, exportQuery: donationListQuery.omit({ page: true, pageSize: true }),
    template: donationTemplate, importFile: (ctx, file, skip) => importDonations(db, ctx, file, skip), exportFile: (ctx, q, from) => exportDonations(db, ctx, q, from),
  });
}

export const donationsFeature = routesFeature('donations', registerDonationRoutes);
