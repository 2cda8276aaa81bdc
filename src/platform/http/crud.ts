import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import type { RequestContext } from '../context.ts';
import type { Access } from '../access/actions.ts';
import { idParam, pageOf, type Page } from '../contract.ts';
import type { Db } from '../db/database.ts';
import type { TypedApp } from './server.ts';
import type { ReadFrom } from './reads.ts';

/**
 * The five routes of a record kind — list, create, read, update, delete — each thin: the schema
 * validates input and output, the access rule is declared, one service call does the work.
 */
export function registerCrudRoutes<Item extends z.ZodType, Input extends z.ZodType, Patch extends z.ZodType, Query extends z.ZodType>(
  typed: TypedApp,
  spec: {
    path: string;
    tags: string[];
    /** What one record is called, e.g. 捐赠 (used in the summaries). */
    name: string;
    read: Access;
    write: Access;
    /** Where the list reads from (deps.read); one record's page stays on the primary, which a caller's own change is on. */
    readFrom: ReadFrom;
    schemas: { item: Item; input: Input; patch: Patch; listQuery: Query };
    list: (ctx: RequestContext, query: z.infer<Query>, from: Db) => Promise<Page<z.infer<Item>>>;
    create: (ctx: RequestContext, input: z.infer<Input>) => Promise<z.infer<Item>>;
    get: (ctx: RequestContext, id: number) => Promise<z.infer<Item>>;
    update: (ctx: RequestContext, id: number, patch: z.infer<Patch>) => Promise<z.infer<Item>>;
    remove: (ctx: RequestContext, id: number) => Promise<void>;
  },
) {
  // Generic schemas defeat the type provider's inference; the same schemas still validate every request and answer.
  const app = typed as unknown as FastifyInstance;
  const { path, tags, name, schemas } = spec;
  const read = { config: { access: spec.read } };
  const write = { config: { access: spec.write } };
  const id = (params: unknown) => (params as { id: number }).id;
  const opts = (o: object) => o as RouteShorthandOptions;
  app.get(path, opts({ ...read, schema: { tags, summary: `${name}列表`, querystring: schemas.listQuery, response: { 200: pageOf(schemas.item) } } }), (req) => spec.list(req.ctx, req.query as z.infer<Query>, spec.readFrom(req)));
  app.post(path, opts({ ...write, schema: { tags, summary: `登记${name}`, body: schemas.input, response: { 201: schemas.item } } }), async (req, reply) =>
    reply.status(201).send(await spec.create(req.ctx, req.body as z.infer<Input>)),
  );
  app.get(`${path}/:id`, opts({ ...read, schema: { tags, summary: `${name}详情`, params: idParam, response: { 200: schemas.item } } }), (req) => spec.get(req.ctx, id(req.params)));
  app.patch(`${path}/:id`, opts({ ...write, schema: { tags, summary: `修改${name}`, params: idParam, body: schemas.patch, response: { 200: schemas.item } } }), (req) =>
    spec.update(req.ctx, id(req.params), req.body as z.infer<Patch>),
  );
  app.delete(`${path}/:id`, opts({ ...write, schema: { tags, summary: `删除${name}`, params: idParam } }), async (req, reply) => {
    await spec.remove(req.ctx, id(req.params));
    return reply.status(204).send();
  });
}
