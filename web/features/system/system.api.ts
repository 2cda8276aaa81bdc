import type { z } from 'zod';
import type { backupItem, backupList } from '../../../src/modules/backup/backup.contract.ts';
import { api, ApiError } from '../../ui/api.ts';
import { useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export { useHealth, type Health } from '../home/home.api.ts';

export type BackupItem = z.infer<typeof backupItem>;
export type BackupList = z.infer<typeof backupList>;

/** One readiness check of GET /readyz: passed, or the (Chinese) reason it failed. */
export type ReadinessCheck = { ok: true } | { ok: false; reason: string };
export interface Readiness {
  status: 'ok' | 'unavailable';
  checks: Record<string, ReadinessCheck>;
}

/** The readiness checks in display order; a check the server adds later is shown after these. */
export const READINESS_CHECKS = ['database', 'migrations', 'lock'] as const;

/**
 * GET /readyz — at the root, outside /api/v1, public. Not ready is 503 with the same body (each failed check's
 * reason), so the body is read whatever the status.
 */
async function fetchReadiness(signal: AbortSignal): Promise<Readiness> {
  let response: Response;
  try {
    response = await fetch('/readyz', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store', signal });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '');
  }
  const body = (await response.json().catch(() => null)) as Readiness | null;
  if (!body || typeof body !== 'object' || !body.checks || typeof body.checks !== 'object') throw new ApiError(response.status, 'BAD_RESPONSE', '');
  return body;
}

export function useReadiness() {
  return useApiQuery<Readiness>('/readyz', fetchReadiness);
}

/** GET /backups — the server's backup files, newest first (system administrators: user:write). */
export function useBackups() {
  return useApiQuery<BackupList>('/backups', (signal) => api.get<BackupList>('/backups', undefined, signal));
}

/** POST /backups — one backup now; 503 when XIEZUO_BACKUP_DIR is unset, 409 while another runs. */
export function useRunBackup() {
  return useApiMutation(() => api.post<BackupItem>('/backups', {}));
}

/** A file size in MB, two decimals ("< 0.01 MB" for a tiny file). */
export function megabytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  const mb = bytes / (1024 * 1024);
  return mb > 0 && mb < 0.01 ? '< 0.01 MB' : `${mb.toFixed(2)} MB`;
}
