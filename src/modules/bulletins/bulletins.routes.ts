import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import { AppError } from '../../platform/errors.ts';
import { acceptInput, bulletinDetail, bulletinDocument, documentListQuery, importOutcome, importQuery, rejectInput } from './bulletins.contract.ts';
import * as service from './bulletins.service.ts';
import { MAX_BULLETIN_BYTES } from './bulletins.input.ts';

const tags = ['bulletins'];
const read = { config: { access: 'activity:read' as const } };
const write = { config: { access: 'activity:write' as const } };
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerBulletinRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get('/bulletins/imports', { ...read, schema: { tags, summary: '已导入的简报', querystring: documentListQuery, response: { 200: pageOf(bulletinDocument) } } }, (req) =>
    service.listBulletins(readFrom(req), req.ctx, req.query.page, req.query.pageSize),
  );
  app.get('/bulletins/imports/:id', { ...read, schema: { tags, summary: '简报原文与待审核条目', params: idParam, response: { 200: bulletinDetail } } }, (req) => service.getBulletin(db, req.ctx, req.params.id));
  app.post('/bulletins/drafts/:id/accept', { ...write, schema: { tags, summary: '采用条目：登记为工作动态，或关联已有动态', params: idParam, body: acceptInput, response: { 200: bulletinDetail } } }, (req) =>
    service.acceptDraft(db, req.ctx, req.params.id, req.body),
  );
  app.post('/bulletins/drafts/:id/reject', { ...write, schema: { tags, summary: '舍弃条目', params: idParam, body: rejectInput, response: { 200: bulletinDetail } } }, (req) =>
    service.rejectDraft(db, req.ctx, req.params.id, req.body.reason),
  );
  // The file is the body: text (UTF-8) or a Word document, read whole (a bulletin is small; 10 MB at most).
  app.register(async (child: FastifyInstance) => {
    child.removeContentTypeParser(['text/plain', 'application/octet-stream']);
    child.addContentTypeParser(['text/plain', DOCX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_BULLETIN_BYTES + 1024 * 1024 }, (_req, body, done) => done(null, body));
    child.withTypeProvider<ZodTypeProvider>().post(
      '/bulletins/imports',
      { ...write, schema: { tags, summary: '导入一期简报（.txt 或 .docx）：逐条生成待审核条目；同一文本再次导入不会重复创建', querystring: importQuery, response: { 200: importOutcome, 201: importOutcome } } },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('VALIDATION', `请上传简报文件（请求体为文件内容，Content-Type: text/plain 或 ${DOCX}）`, [{ path: 'file', message: '缺少文件' }]);
        const outcome = await service.importBulletin(db, req.ctx, { bytes: req.body, name: req.query.fileName });
        return reply.status(outcome.created ? 201 : 200).send(outcome);
      },
    );
  });
}

export const bulletinsFeature = routesFeature('bulletins', registerBulletinRoutes);
