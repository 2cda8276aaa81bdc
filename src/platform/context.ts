import { ACTION_CODES, type Action } from './access/actions.ts';
import { ALL, type Scope } from './access/scope.ts';

/** Who is acting: a user (through a session or an API token), or the system itself (migrations, demo, CLI). */
export interface Actor {
  id: number | null;
  name: string;
  /** The actor's own unit (a user's organisation): what its new records are owned by. */
  orgId?: number | null;
}

/** Everything a service needs to know about the caller: identity for the audit, scope and permissions for the rules. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
  scope: Scope;
  permissions: ReadonlySet<Action>;
}

export const systemContext: RequestContext = { actor: { id: null, name: 'system' }, ip: null, scope: ALL, permissions: new Set(ACTION_CODES) };

export const anonymousContext = (ip: string | null): RequestContext => ({
  actor: { id: null, name: 'anonymous' },
  ip,
  scope: { all: false, orgIds: new Set(), regionPrefixes: [] },
  permissions: new Set(),
});
