import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Feature, RouteDeps, TypedApp } from '../../platform/feature.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { sendFile, XLSX } from '../../platform/http/files.ts';
import { idParam, pageOf, pageQuery } from '../../platform/contract.ts';
import { AppError } from '../../platform/errors.ts';
import { duplicateDecision, importUploadQuery, sale, saleFilters, saleInput, saleListQuery, salePatch, salesImport, summary, summaryQuery } from './sales.contract.ts';
import * as service from './sales.service.ts';
import { exportSales, saleTemplateCsv, saleTemplateXlsx } from './sales.sheet.ts';
import { SalesImports } from './sales.import.ts';

const tags = ['consumption'];
const read = { config: { access: 'consumption:read' as const } };
const write = { config: { access: 'consumption:write' as const } };
const MAX_UPLOAD = 300 * 1024 * 1024;
const CSV = 'text/csv';

/** The sales feature: its routes and its import queue, whose interrupted imports are recovered at start. */
export const salesFeature: Feature = {
  name: 'sales',
  setup: (deps) => {
    const imports = new SalesImports(deps.db, (m) => deps.log.error(m));
    return {
      routes: (app) => registerSalesRoutes(app, deps, imports),
      start: async () => {
        await imports.recover();
        return () => imports.stop();
      },
    };
  },
};

function registerSalesRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps, imports: SalesImports) {

  app.get('/sales/summary', { ...read, schema: { tags, summary: '消费帮扶销售汇总（按县、渠道、月份、品类、计入单位或购买方；认定产品占比）', querystring: summaryQuery, response: { 200: summary } } }, (req) =>
    service.salesSummary(readFrom(req), req.ctx.scope, req.query),
  );
  app.get('/sales/import-template.xlsx', { ...read, schema: { tags, summary: '销售导入模板（Excel）' } }, async (_req, reply) => sendFile(reply, await saleTemplateXlsx(), '消费帮扶销售导入模板.xlsx'));
  app.get('/sales/import-template.csv', { ...read, schema: { tags, summary: '销售导入模板（CSV，UTF-8）' } }, async (_req, reply) => sendFile(reply, saleTemplateCsv(), '消费帮扶销售导入模板.csv', 'text/csv; charset=utf-8'));
  app.get('/sales/export.xlsx', { ...read, schema: { tags, summary: '导出销售（Excel）', querystring: saleFilters } }, async (req, reply) => sendFile(reply, await exportSales(db, req.ctx, req.query), '消费帮扶销售.xlsx')); // writes its audit row: the primary
  app.get('/sales/imports', { ...write, schema: { tags, summary: '我的销售导入', querystring: pageQuery.pick({ page: true, pageSize: true }), response: { 200: pageOf(salesImport) } } }, (req) =>
    imports.list(req.ctx, req.query.page, req.query.pageSize),
  );
  app.get('/sales/imports/:id', { ...write, schema: { tags, summary: '销售导入进度与结果', params: idParam, response: { 200: salesImport } } }, (req) => imports.get(req.ctx, req.params.id));
  // The upload is streamed to a temporary file (up to 300 MB), never held in memory.
  app.register(async (child: FastifyInstance) => {
    child.removeContentTypeParser([XLSX, 'application/octet-stream']);
    child.addContentTypeParser([XLSX, 'application/octet-stream', CSV], (_req, payload, done) => done(null, payload));
    child.withTypeProvider<ZodTypeProvider>().post(
      '/sales/imports',
      { ...write, schema: { tags, summary: '批量导入销售（CSV 或 Excel，后台分批写入，可查询进度）', querystring: importUploadQuery, response: { 202: salesImport } } },
      async (req, reply) => {
        const file = await receive(req.body, req.headers['content-type'] ?? '');
        const declared = file.type.startsWith(CSV) || req.query.fileName.toLowerCase().endsWith('.csv') ? 'csv' : file.type.startsWith(XLSX) || req.query.fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
        return reply.status(202).send(await imports.start(req.ctx, { path: file.path, size: file.size, name: req.query.fileName, declared }, req.query.skipInvalid));
      },
    );
  });

  app.post('/sales/:id/duplicate', { ...write, schema: { tags, summary: '核实疑似重复的销售（重复：不计入；非重复：计入）', params: idParam, body: duplicateDecision, response: { 200: sale } } }, (req) =>
    service.decideDuplicate(db, req.ctx, req.params.id, req.body),
  );
  registerCrudRoutes(app, {
    path: '/sales', tags, name: '消费帮扶销售', read: 'consumption:read', write: 'consumption:write', readFrom,
    schemas: { item: sale, input: saleInput, patch: salePatch, listQuery: saleListQuery },
    list: (ctx, q, from) => service.listSales(from, ctx.scope, q),
    create: (ctx, input) => service.createSale(db, ctx, input),
    get: (ctx, id) => service.getSale(db, ctx.scope, id),
    update: (ctx, id, patch) => service.updateSale(db, ctx, id, patch),
    remove: (ctx, id) => service.deleteSale(db, ctx, id),
  });
}

/** Writes the request body to a temporary file, refusing it past MAX_UPLOAD. */
async function receive(body: unknown, type: string): Promise<{ path: string; size: number; type: string }> {
  if (!body || typeof (body as NodeJS.ReadableStream).pipe !== 'function') {
    throw new AppError('VALIDATION', `请上传 CSV 或 Excel 文件（请求体为文件内容，Content-Type: ${CSV} 或 ${XLSX}）`, [{ path: 'file', message: '缺少文件' }]);
  }
  const path = join(tmpdir(), `xiezuo-sales-${randomUUID()}.upload`); // one file, removed when its import ends
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > MAX_UPLOAD) cb(new AppError('VALIDATION', `文件超过 ${MAX_UPLOAD / 1024 / 1024} MB：请分成几个文件导入`, [{ path: 'file', message: '文件过大' }]));
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(body as NodeJS.ReadableStream, limit, createWriteStream(path));
    if (size === 0) throw new AppError('VALIDATION', '文件是空的', [{ path: 'file', message: '空文件' }]);
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
  return { path, size, type };
}
