import type { Db } from '../db/database.ts';
import type { Action } from './actions.ts';
import type { Scope } from './scope.ts';
import type { SessionPolicy } from './session-policy.ts';

/** A user as the rules see them: their unit, roles → permissions, and scope (loaded by the users feature). */
export interface Identity {
  userId: number;
  username: string;
  displayName: string;
  /** The user's own unit: records they create are owned by it. */
  orgId: number | null;
  roles: string[];
  permissions: Set<Action>;
  scope: Scope;
  mustChangePassword: boolean;
}

/** Who a request comes from, once its session cookie or API token is recognised. */
export interface Authenticated extends Identity {
  via: 'session' | 'token';
  sessionId: number | null;
  csrfToken: string | null;
}

/** How the platform recognises a caller; the accounts feature provides it to the composition root. */
export interface Authenticator {
  session(db: Db, token: string, policy: SessionPolicy): Promise<Authenticated | 'expired' | null>;
  token(db: Db, token: string): Promise<Authenticated | null>;
}
