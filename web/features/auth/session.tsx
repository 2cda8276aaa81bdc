import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, isAbort, setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from '../../ui/api.ts';
import type { Action } from '../../ui/access.ts';
import { fetchMe, type Me } from './auth.api.ts';

export type SessionState =
  | { status: 'loading' }
  /** `reason`: the API's message when a live session ended (expired…); `loggedOut`: the user signed out. */
  | { status: 'anonymous'; reason?: string; loggedOut?: boolean }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; me: Me };

interface SessionValue {
  state: SessionState;
  /** Re-reads GET /auth/me (after a password change). */
  refresh: () => Promise<void>;
  signedIn: (me: Me) => void;
  signedOut: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Holds the current user (Me). Asks GET /auth/me on start; any 401 makes the state anonymous (the route
 * guard then sends the user to /login?next=…); any 403 PASSWORD_CHANGE_REQUIRED marks the user as having to
 * change the password (the guard sends them to /account/password).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const me = await fetchMe(signal);
      setState({ status: 'ready', me });
    } catch (err) {
      if (isAbort(err)) return;
      if (err instanceof ApiError && err.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'error', error: err });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    setUnauthenticatedHandler((err) => setState((prev) => (prev.status === 'ready' ? { status: 'anonymous', reason: err.message } : prev.status === 'anonymous' ? prev : { status: 'anonymous' })));
    setPasswordChangeRequiredHandler(() =>
      setState((prev) => (prev.status === 'ready' && !prev.me.user.mustChangePassword ? { status: 'ready', me: { ...prev.me, user: { ...prev.me.user, mustChangePassword: true } } } : prev)),
    );
    return () => {
      setUnauthenticatedHandler(null);
      setPasswordChangeRequiredHandler(null);
    };
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      refresh: () => load(),
      signedIn: (me) => setState({ status: 'ready', me }),
      signedOut: () => setState({ status: 'anonymous', loggedOut: true }),
    }),
    [state, load],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user; only for pages behind the route guard (RequireSession). */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'ready') throw new Error('useMe outside a signed-in page');
  return state.me;
}

/** `can(action)` for the current user (false when nobody is signed in). */
export function useAccess(): (action: Action) => boolean {
  const { state } = useSession();
  const permissions = state.status === 'ready' ? state.me.permissions : null;
  return useMemo(() => {
    const granted = new Set(permissions ?? []);
    return (action: Action) => granted.has(action);
  }, [permissions]);
}

/** Whether the current user may do `action` (hides buttons; the server refuses anyway). */
export function useCan(action: Action): boolean {
  return useAccess()(action);
}
