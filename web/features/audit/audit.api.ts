import type { Page } from '../../../src/platform/contract.ts';
import type { AuditEntry, AuditListQuery } from '../../../src/modules/audit/audit.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiQuery } from '../../ui/useApi.ts';

export type { AuditEntry };
export type AuditListParams = Partial<AuditListQuery>;

/** GET /audit — read only; there is no call that changes or deletes an entry. */
export function useAuditList(params: AuditListParams) {
  return useApiQuery<Page<AuditEntry>>(keyOf('/audit', params), (signal) => api.get<Page<AuditEntry>>('/audit', params, signal));
}
