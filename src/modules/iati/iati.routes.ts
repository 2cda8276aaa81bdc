import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { iatiQuery } from './iati.contract.ts';
import { exportIati } from './iati.service.ts';

const tags = ['projects'];

export function registerIatiRoutes(app: TypedApp, { db }: RouteDeps) {
  app.get(
    '/projects/iati.xml',
    {
      config: { access: 'project:read' },
      schema: {
        tags,
        summary: '导出 IATI 2.03 活动文件（XML）：您范围内的项目，可按年度、帮扶方单位（含下级单位）筛选',
        querystring: iatiQuery,
      },
    },
    async (req, reply) => {
      const xml = await exportIati(db, req.ctx, { year: req.query.year, orgId: req.query.org });
      const name = ['xiezuo-iati', req.query.year ?? 'all', req.query.org !== undefined && `org${req.query.org}`].filter(Boolean).join('-');
      return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${name}.xml"`).send(xml);
    },
  );
}

export const iatiFeature = routesFeature('iati', registerIatiRoutes);
