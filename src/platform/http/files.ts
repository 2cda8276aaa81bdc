import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads arrive as the raw file in the body (an .xlsx, or any octet stream), up to 20 MB. */
export function acceptFileUploads(app: FastifyInstance) {
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
}

export function requireFile(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError('VALIDATION', `请上传 Excel 文件（请求体为文件内容，Content-Type: ${XLSX}）`, [{ path: 'file', message: '缺少文件' }]);
  }
  return body;
}

export function sendFile(reply: FastifyReply, file: Buffer, name: string, type = XLSX) {
  return reply.type(type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(file);
}

export const importQuery = z.object({
  /** Import the valid rows and list the invalid ones, instead of refusing the whole file. */
  skipInvalid: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const importResult = z.object({
  total: z.number().int(),
  imported: z.number().int(),
  skipped: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  skippedRows: z.number().int(),
});
