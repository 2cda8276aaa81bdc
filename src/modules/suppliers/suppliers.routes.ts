import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { supplier, supplierInput, supplierListQuery, supplierPatch } from './suppliers.contract.ts';
import * as service from './suppliers.service.ts';

export function registerSupplierRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  registerCrudRoutes(app, {
    path: '/suppliers', tags: ['consumption'], name: '供应主体', read: 'consumption:read', write: 'consumption:write', readFrom,
    schemas: { item: supplier, input: supplierInput, patch: supplierPatch, listQuery: supplierListQuery },
    list: (ctx, q, from) => service.listSuppliers(from, ctx.scope, q),
    create: (ctx, input) => service.createSupplier(db, ctx, input),
    get: (ctx, id) => service.getSupplier(db, ctx.scope, id),
    update: (ctx, id, patch) => service.updateSupplier(db, ctx, id, patch),
    remove: (ctx, id) => service.deleteSupplier(db, ctx, id),
  });
}

export const suppliersFeature = routesFeature('suppliers', registerSupplierRoutes);
