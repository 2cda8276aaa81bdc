import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import { milestoneDone, project, projectInput, projectListQuery, projectPatch, projectSummary, transitionInput } from './projects.contract.ts';
import * as service from './projects.service.ts';
import { transitionProject } from './projects.transitions.ts';
import { exportProjects, importProjects, projectTemplate } from './projects.excel.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';

const tags = ['projects'];

export function registerProjectRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get('/projects', { config: { access: 'project:read' }, schema: { tags, summary: '项目列表（年度、层级、类别、县、状态、逾期筛选）', querystring: projectListQuery, response: { 200: pageOf(projectSummary) } } }, async (req) =>
    service.listProjects(readFrom(req), req.ctx.scope, req.query),
  );
  app.post('/projects', { config: { access: 'project:write' }, schema: { tags, summary: '新建项目（入项目库）', body: projectInput, response: { 201: project } } }, async (req, reply) =>
    reply.status(201).send(await service.createProject(db, req.ctx, req.body)),
  );
  app.get('/projects/:id', { config: { access: 'project:read' }, schema: { tags, summary: '项目详情：计划、资金合计、历史、四个明确、可进行的操作', params: idParam, response: { 200: project } } }, async (req) =>
    service.getProject(db, req.ctx, req.params.id),
  );
  app.patch('/projects/:id', { config: { access: 'project:write' }, schema: { tags, summary: '修改项目计划（仅储备状态）', params: idParam, body: projectPatch, response: { 200: project } } }, async (req) =>
    service.updateProject(db, req.ctx, req.params.id, req.body),
  );
  // Which action a step needs depends on the step (申报, 评审, 批复 …): the service checks it against the lifecycle table.
  app.post('/projects/:id/transitions', { config: { access: 'project:read' }, schema: { tags, summary: '状态变更（申报、评审、批复、开工、完工、验收、移交、暂停、撤销）', params: idParam, body: transitionInput, response: { 200: project } } }, async (req) =>
    transitionProject(db, req.ctx, req.params.id, req.body),
  );
  app.patch(
    '/projects/:id/milestones/:milestoneId',
    { config: { access: 'project:write' }, schema: { tags, summary: '工期节点完成（或撤销完成）', params: idParam.extend({ milestoneId: z.coerce.number().int().positive() }), body: milestoneDone, response: { 200: project } } },
    async (req) => service.setMilestoneDone(db, req.ctx, req.params.id, req.params.milestoneId, req.body.doneOn),
  );

  registerSheetRoutes(app, {
    path: '/projects', tags, name: '项目', read: 'project:read', write: 'project:write', readFrom, exportQuery: projectListQuery.omit({ page: true, pageSize: true }),
    template: projectTemplate, importFile: (ctx, file, skip) => importProjects(db, ctx, file, skip), exportFile: (ctx, q, from) => exportProjects(db, ctx, q, from),
  });
}

export const projectsFeature = routesFeature('projects', registerProjectRoutes);
