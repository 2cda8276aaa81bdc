import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** XIEZUO_LOG_LEVEL, default info; anything else is refused before the server starts. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const level = (env.XIEZUO_LOG_LEVEL ?? '').trim().toLowerCase() || 'info';
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new AppError('CONFIG', `XIEZUO_LOG_LEVEL 应为 ${LEVELS.join('、')} 之一，而不是「${env.XIEZUO_LOG_LEVEL}」`, [{ path: 'XIEZUO_LOG_LEVEL', message: '日志级别无效' }]);
  }
  return level as LogLevel;
}

/** Credentials never reach a log line, whatever object a caller logs. */
const REDACTED = [
  'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]',
  'headers.cookie', 'headers.authorization', 'headers["x-csrf-token"]',
  'res.headers["set-cookie"]', 'headers["set-cookie"]',
];

/** JSON lines (pino) to stdout unless given a destination; credentials censored; requests as method, url and client. */
export function createLogger(level: LogLevel = logLevelFromEnv(), destination: DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED, censor: '[已隐去]' },
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: req.url, remoteAddress: req.ip }),
        res: (res: FastifyReply) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}

/** An incoming X-Request-Id is kept only when short and plain (a proxy's id), so it cannot forge or flood log lines. */
const SANE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

/** The server's logging options: a pino logger (or none, in tests) and the request id on every line. */
export function serverLogging(logger: boolean | Logger | undefined) {
  const instance = logger === true ? createLogger() : logger || undefined;
  return {
    ...(instance ? { loggerInstance: instance as FastifyBaseLogger } : { logger: false as const }),
    genReqId: requestIdOf,
  };
}

/** Every answer names its request id, so a user's report leads to its log lines. First hook: it runs even when a later one refuses. */
export function echoRequestId(app: FastifyInstance) {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
}
