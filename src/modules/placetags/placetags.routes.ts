import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';
import { placeTag, placeTagFilters, placeTagInput, placeTagListQuery } from './placetags.contract.ts';
import * as service from './placetags.service.ts';
import { exportPlaceTags, importPlaceTags, placeTagTemplate } from './placetags.excel.ts';

const tags = ['place-tags'];

/**
 * Place tags are reference data: every logged-in user reads them. Writing needs org:write and a
 * city-wide scope (the service refuses a scoped caller), since they come from official lists.
 */
export function registerPlaceTagRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  const access = { read: 'user', write: 'org:write' } as const;
  app.get(
    '/place-tags',
    { config: { access: access.read }, schema: { tags, summary: '地区标识（脱贫县、脱贫村等）列表：按区划（含下级）、标识、年度（当年有效）筛选', querystring: placeTagListQuery, response: { 200: pageOf(placeTag) } } },
    async (req) => service.listPlaceTags(readFrom(req), req.query),
  );
  app.post(
    '/place-tags',
    { config: { access: access.write }, schema: { tags, summary: '登记地区标识（仅市级用户）', body: placeTagInput, response: { 201: placeTag } } },
    async (req, reply) => reply.status(201).send(await service.createPlaceTag(db, req.ctx, req.body)),
  );
  app.delete(
    '/place-tags/:id',
    { config: { access: access.write }, schema: { tags, summary: '删除地区标识（仅市级用户）', params: idParam } },
    async (req, reply) => {
      await service.deletePlaceTag(db, req.ctx, req.params.id);
      return reply.status(204).send();
    },
  );
  registerSheetRoutes(app, {
    path: '/place-tags', tags, name: '地区标识', ...access, readFrom, exportQuery: placeTagFilters,
    template: placeTagTemplate, importFile: (ctx, file, skip) => importPlaceTags(db, ctx, file, skip), exportFile: (ctx, q, from) => exportPlaceTags(db, ctx, q, from),
  });
}

export const placeTagsFeature = routesFeature('placetags', registerPlaceTagRoutes);
