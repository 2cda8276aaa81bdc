import { buildServer, type ServerOptions } from '../platform/http/server.ts';
import type { App } from '../platform/feature.ts';
import { authenticator } from '../modules/auth/auth.service.ts';
import { FEATURES } from './features.ts';

export { WEB_DIST } from '../platform/http/server.ts';
export type { App } from '../platform/feature.ts';

/** The product's server: the platform's server built from the composition root's features. */
export function buildApp(opts: Omit<ServerOptions, 'features' | 'authenticator'>): Promise<App> {
  return buildServer({ ...opts, features: FEATURES, authenticator });
}
