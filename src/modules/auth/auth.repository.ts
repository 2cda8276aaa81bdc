import type { Queryable } from '../../platform/db/database.ts';

/** A user's credentials: sessions and API tokens, ended together when the user is disabled. */

/** Ends every session of the user; returns how many there were. */
export async function endSessions(q: Queryable, userId: number): Promise<number> {
  const r = await q.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The user's API tokens that are not revoked (expired ones included: an expiry is not a revocation). */
export async function liveTokens(q: Queryable, userId: number) {
  return q.selectFrom('api_tokens').select(['id', 'name', 'actions']).where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('id').forUpdate().execute();
}

/** Marks the given tokens of the user revoked (for good: nothing un-revokes a token). */
export async function revokeTokens(q: Queryable, userId: number, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await q.updateTable('api_tokens').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('id', 'in', ids).where('revoked_at', 'is', null).execute();
}

export async function setTokenActions(q: Queryable, id: number, actions: string[]): Promise<void> {
  await q.updateTable('api_tokens').set({ actions }).where('id', '=', id).execute();
}
