import type {
  FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/database.ts';
import type { SessionPolicy } from './access/session-policy.ts';
import type { ReadFrom } from './http/reads.ts';

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every feature is given: the database, the mode and the session policy, and the server's log. */
export interface RouteDeps {
  /** The primary: every write, and reads that must see the caller's own changes at once. */
  db: Database['db'];
  /** Where a read-only list, dashboard or export reads from (the replica when configured and current). */
  read: ReadFrom;
  database: Database;
  demo: boolean;
  sessionPolicy: SessionPolicy;
  secureCookies: boolean;
  log: { info(msg: string): void; error(msg: string): void };
}

/** Work that runs while the server runs (a recovery, a periodic sweep); what it returns ends it at shutdown. */
export type Stop = () => void | Promise<void>;

/** What one feature contributes to a server. Built per server, so state (an import queue) is the server's own. */
export interface FeatureParts {
  /** Its routes, under /api/v1. */
  routes?: (app: TypedApp) => void;
  /** Started once the server is ready, in the order features are listed; stopped in reverse at shutdown. */
  start?: () => Promise<Stop | void> | Stop | void;
}

/**
 * A domain feature as the composition root (src/app/features.ts) lists it. The platform knows no
 * feature: it builds the server from whatever list it is given.
 */
export interface Feature {
  name: string;
  setup: (deps: RouteDeps) => FeatureParts;
  /** Run by every start before serving (after the migrations): reference data a fresh database needs. */
  prepare?: (db: Database['db'], log: (msg: string) => void) => Promise<void>;
  /** Demo records (`npm start` runs with --demo): loaded once into a database that has none. */
  demo?: (db: Database['db'], log: (msg: string) => void) => Promise<void>;
}

/** A feature that contributes routes only (most do). */
export const routesFeature = (name: string, register: (app: TypedApp, deps: RouteDeps) => void): Feature => ({
  name,
  setup: (deps) => ({ routes: (app) => register(app, deps) }),
});
