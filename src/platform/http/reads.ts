import type { FastifyRequest } from 'fastify';
import type { App } from '../feature.ts';
import type { Database, Db } from '../db/database.ts';

/** The database a read-only route reads from: the replica when it is current enough for this caller, else the primary. */
export type ReadFrom = (req: FastifyRequest) => Db;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes reads between the primary and the replica (DATABASE_READ_URL): a caller's successful change
 * pins their reads to the primary until the replica has replayed it; the lag is watched while the
 * server runs. Without a replica every read is the primary's.
 */
export function routeReads(app: App, database: Database, log: { info(msg: string): void; error(msg: string): void }): ReadFrom {
  const { replica } = database;
  if (!replica) return () => database.db;
  // onSend runs before the answer leaves, so the caller's next request already finds the pin.
  app.addHook('onSend', async (req, reply) => {
    const userId = req.ctx?.actor.id;
    if (userId != null && !READ_METHODS.has(req.method) && reply.statusCode < 400) replica.pinAfterWrite(userId);
  });
  let stop: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stop = await replica.watch(log);
  });
  app.addHook('onClose', async () => stop?.());
  return (req) => {
    const userId = req.ctx?.actor.id;
    if (replica.trouble() !== null || (userId != null && replica.isPinned(userId))) return database.db;
    return replica.db;
  };
}
