import type { OrgType, Side } from '../../src/modules/orgs/orgs.contract.ts';
import type { PairingType } from '../../src/modules/pairings/pairings.contract.ts';
import type { MessageKey, Translate } from './i18n.tsx';

/**
 * The enum codes of the contracts, listed here so the web bundle does not pull in zod.
 * `Record<Code, true>` makes the compiler fail when the backend adds or drops a code.
 */
const orgTypeSet: Record<OrgType, true> = {
  coop_office: true,
  party_government: true,
  subdistrict: true,
  town: true,
  department: true,
  soe: true,
  private_enterprise: true,
  school: true,
  hospital: true,
  social_org: true,
  frontline_group: true,
  township: true,
  village_committee: true,
  cooperative: true,
  park: true,
  other: true,
};
const sideSet: Record<Side, true> = { east: true, west: true };
const pairingTypeSet: Record<PairingType, true> = {
  east_west: true,
  counterpart: true,
  xieshou: true,
  village_enterprise: true,
  school: true,
  hospital: true,
  department: true,
  other: true,
};
export type PairingStatus = 'active' | 'suspended' | 'ended';
const pairingStatusSet: Record<PairingStatus, true> = { active: true, suspended: true, ended: true };

export const ORG_TYPE_CODES = Object.keys(orgTypeSet) as OrgType[];
export const SIDE_CODES = Object.keys(sideSet) as Side[];
export const PAIRING_TYPE_CODES = Object.keys(pairingTypeSet) as PairingType[];
export const PAIRING_STATUS_CODES = Object.keys(pairingStatusSet) as PairingStatus[];
export const REGION_LEVEL_CODES = [1, 2, 3, 4, 5] as const;

/** Label lookups through the catalog, tolerant of codes the UI does not know yet. */
export function label(t: Translate, prefix: string, code: string | number): string {
  const key = `${prefix}.${code}` as MessageKey;
  const text = t(key);
  return text === key ? String(code) : text;
}

export const orgTypeLabel = (t: Translate, code: string) => label(t, 'orgType', code);
export const sideLabel = (t: Translate, code: string) => label(t, 'side', code);
export const pairingTypeLabel = (t: Translate, code: string) => label(t, 'pairingType', code);
export const pairingStatusLabel = (t: Translate, code: string) => label(t, 'pairingStatus', code);
export const regionLevelLabel = (t: Translate, level: number) => label(t, 'regionLevel', level);

/** Select options for enum codes; with `testIdPrefix`, each option gets data-testid `${prefix}-option-${code}`. */
export function optionsOf<C extends string>(codes: readonly C[], labelOf: (code: C) => string, testIdPrefix?: string) {
  return codes.map((code) => ({ value: code, label: labelOf(code), ...(testIdPrefix ? { 'data-testid': `${testIdPrefix}-option-${code}` } : {}) }));
}

export const SIDE_COLORS: Record<string, string> = { east: 'blue', west: 'green' };
export const STATUS_COLORS: Record<string, string> = { active: 'success', suspended: 'warning', ended: 'default' };
