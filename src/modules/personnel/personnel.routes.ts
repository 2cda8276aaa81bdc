import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import {
  dispatch, dispatchInput, dispatchListQuery, dispatchPatch, person, personDetail, personInput, personListQuery, personnelSummary, personnelSummaryQuery, personPatch,
} from './personnel.contract.ts';
import * as service from './personnel.service.ts';
import * as dispatches from './personnel.dispatches.ts';

import { registerSheetRoutes } from '../../platform/http/sheets.ts';
import { dispatchTemplate, exportDispatches, importDispatches } from './personnel.excel.ts';

const tags = ['personnel'];

export function registerPersonnelRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get('/persons', { config: { access: 'personnel:read' }, schema: { tags, summary: '援派人员列表（数据范围内）', querystring: personListQuery, response: { 200: pageOf(person) } } }, async (req) =>
    service.listPersons(readFrom(req), req.ctx.scope, req.query),
  );
  app.post('/persons', { config: { access: 'personnel:write' }, schema: { tags, summary: '登记援派人员', body: personInput, response: { 201: personDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.createPerson(db, req.ctx, req.body)),
  );
  app.get('/persons/:id', { config: { access: 'personnel:read' }, schema: { tags, summary: '人员详情及其派驻记录', params: idParam, response: { 200: personDetail } } }, async (req) =>
    service.getPerson(db, req.ctx.scope, req.params.id),
  );
  app.patch('/persons/:id', { config: { access: 'personnel:write' }, schema: { tags, summary: '修改人员信息', params: idParam, body: personPatch, response: { 200: personDetail } } }, async (req) =>
    service.updatePerson(db, req.ctx, req.params.id, req.body),
  );
  app.delete('/persons/:id', { config: { access: 'personnel:write' }, schema: { tags, summary: '删除人员（无派驻记录时）', params: idParam } }, async (req, reply) => {
    await service.deletePerson(db, req.ctx, req.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/dispatches',
    { config: { access: 'personnel:read' }, schema: { tags, summary: '派驻记录（类别、援助方向、批次、状态、县、在岗年度筛选）', querystring: dispatchListQuery, response: { 200: pageOf(dispatch) } } },
    async (req) => dispatches.listDispatches(readFrom(req), req.ctx.scope, req.query),
  );
  app.post(
    '/dispatches',
    { config: { access: 'personnel:write' }, schema: { tags, summary: '登记派驻（可一并登记人员；未填期满日期时干部按 3 年、教师医生按 1 年）', body: dispatchInput, response: { 201: dispatch } } },
    async (req, reply) => reply.status(201).send(await dispatches.createDispatch(db, req.ctx, req.body)),
  );
  app.get('/dispatches/:id', { config: { access: 'personnel:read' }, schema: { tags, summary: '派驻记录详情', params: idParam, response: { 200: dispatch } } }, async (req) =>
    dispatches.getDispatch(db, req.ctx.scope, req.params.id),
  );
  app.patch('/dispatches/:id', { config: { access: 'personnel:write' }, schema: { tags, summary: '修改派驻记录（期满轮换、提前返回等）', params: idParam, body: dispatchPatch, response: { 200: dispatch } } }, async (req) =>
    dispatches.updateDispatch(db, req.ctx, req.params.id, req.body),
  );
  app.delete('/dispatches/:id', { config: { access: 'personnel:write' }, schema: { tags, summary: '删除派驻记录', params: idParam } }, async (req, reply) => {
    await dispatches.deleteDispatch(db, req.ctx, req.params.id);
    return reply.status(204).send();
  });

  registerSheetRoutes(app, {
    path: '/dispatches', tags, name: '援派干部人才', read: 'personnel:read', write: 'personnel:write', readFrom, exportQuery: dispatchListQuery.omit({ page: true, pageSize: true }),
    template: dispatchTemplate, importFile: (ctx, file, skip) => importDispatches(db, ctx, file, skip), exportFile: (ctx, q, from) => exportDispatches(db, ctx, q, from),
  });

  app.get(
    '/personnel/summary',
    { config: { access: 'personnel:read' }, schema: { tags, summary: '年度在岗援派人数（按县、类别、组团式）', querystring: personnelSummaryQuery, response: { 200: personnelSummary } } },
    async (req) => service.personnelSummary(db, req.ctx.scope, req.query),
  );
}

export const personnelFeature = routesFeature('personnel', registerPersonnelRoutes);
