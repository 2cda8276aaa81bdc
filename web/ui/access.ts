import { ACTION_CODES, ROLE_CODES, type Action, type RoleCode } from '../../src/platform/contract.ts';
import { label } from './enums.ts';
import type { Translate } from './i18n.tsx';

/**
 * Roles, actions, user statuses and audit codes for the web. actions.ts is plain constants (no zod),
 * so its code lists are imported as values; labels come from the catalog (locales/*.access.ts).
 */
export { ACTION_CODES, ROLE_CODES, type Action, type RoleCode };

export type UserStatus = 'active' | 'locked' | 'disabled';
export const USER_STATUS_CODES: UserStatus[] = ['active', 'locked', 'disabled'];
export const USER_STATUS_COLORS: Record<UserStatus, string> = { active: 'success', locked: 'warning', disabled: 'default' };

/** What the backend writes to audit_log (entity, action); unknown codes are shown as they are. */
export const AUDIT_ENTITY_CODES = [
  'user',
  'session',
  'api_token',
  'access',
  'org',
  'pairing',
  'agreement',
  'project',
  'project_milestone',
  'fund_transaction',
  'project_progress',
  'project_inspection',
  'rectification',
  'project_asset',
  'iati',
  'activity',
  'donation',
  'training',
  'person',
  'dispatch',
  'labor_placement',
  'labor_job_fair',
  'labor_workstation',
  'labor_retention',
  'supplier',
  'product',
  'certification_rules',
  'sale',
  'sales_import',
  'bulletin',
  'bulletin_draft',
  'bulletin_edition',
  'place_tag',
] as const;
export const AUDIT_ACTION_CODES = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'login_throttled',
  'logout',
  'logout_everywhere',
  'password_change',
  'password_change_failed',
  'password_reset',
  'permission_change',
  'revoke',
  'invalid_token',
  'session_expired',
  'csrf_failed',
  'permission_denied',
  'refused',
  'export',
  'import',
  'cosign',
  'cosign_complete',
  'done',
  'reopen',
  'close',
  'accept',
  'reject',
  'items',
  'submit',
  'return',
  'issue',
] as const;
/** Actions worth noticing in the log get a colour. */
export const AUDIT_ACTION_COLORS: Record<string, string> = {
  login_failed: 'orange',
  login_throttled: 'red',
  password_change_failed: 'orange',
  permission_change: 'purple',
  password_reset: 'purple',
  invalid_token: 'red',
  csrf_failed: 'red',
  permission_denied: 'red',
  refused: 'red',
  delete: 'volcano',
  cosign_complete: 'green',
  import: 'cyan',
};

export const roleLabel = (t: Translate, code: string) => label(t, 'role', code);
export const actionLabel = (t: Translate, code: string) => label(t, 'action', code);
export const userStatusLabel = (t: Translate, code: string) => label(t, 'userStatus', code);
/** 消费帮扶 certification steps are audited under their step code (products.workflow.ts). */
const PRODUCT_STEP_AUDIT = new Set(['apply', 'opinion', 'decide', 'start_notice', 'objection', 'resolve_objection', 'certify', 'annual_review', 'delist', 'relist', 'expire', 'edit', 'withdraw']);
/** Project steps are written as `transition:{from}->{to}` (one code per step): shown as 状态变更：已申报 → 已评审. */
export function auditActionLabel(t: Translate, code: string): string {
  const step = code.match(/^transition:(\w+)->(\w+)$/);
  if (step) return t('auditAction.transitionFromTo', { from: label(t, 'projectStatus', step[1]), to: label(t, 'projectStatus', step[2]) });
  if (code.startsWith('transition:')) return t('auditAction.transition');
  if (PRODUCT_STEP_AUDIT.has(code)) return label(t, 'productStep', code);
  return label(t, 'auditAction', code);
}
export const auditActionColor = (code: string): string | undefined => (code.startsWith('transition:') ? 'blue' : AUDIT_ACTION_COLORS[code]);
export const auditEntityLabel = (t: Translate, code: string) => label(t, 'auditEntity', code);
