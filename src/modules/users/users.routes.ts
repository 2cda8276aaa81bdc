import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import { resetPasswordInput, role, user, userInput, userListQuery, userPatch } from './users.contract.ts';
import * as service from './users.service.ts';

const tags = ['users'];

export function registerUserRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get('/users', { config: { access: 'user:read' }, schema: { tags, summary: '用户列表', querystring: userListQuery, response: { 200: pageOf(user) } } }, async (req) =>
    service.listUsers(readFrom(req), req.query),
  );
  app.post('/users', { config: { access: 'user:write' }, schema: { tags, summary: '新建用户（初始密码须在首次登录时修改）', body: userInput, response: { 201: user } } }, async (req, reply) =>
    reply.status(201).send(await service.createUser(db, req.ctx, req.body)),
  );
  app.get('/users/:id', { config: { access: 'user:read' }, schema: { tags, summary: '用户详情', params: idParam, response: { 200: user } } }, async (req) =>
    service.getUser(db, req.params.id),
  );
  app.patch('/users/:id', { config: { access: 'user:write' }, schema: { tags, summary: '修改用户：姓名、单位、角色、数据范围、状态', params: idParam, body: userPatch, response: { 200: user } } }, async (req) =>
    service.updateUser(db, req.ctx, req.params.id, req.body),
  );
  app.post('/users/:id/password', { config: { access: 'user:write' }, schema: { tags, summary: '重置密码（用户下次登录须修改）', params: idParam, body: resetPasswordInput, response: { 200: user } } }, async (req) =>
    service.resetPassword(db, req.ctx, req.params.id, req.body.password),
  );
  app.get('/roles', { config: { access: 'user' }, schema: { tags, summary: '角色及其权限', response: { 200: z.array(role) } } }, async () => service.listRoles(db));
}

export const usersFeature = routesFeature('users', registerUserRoutes);
