import { currentYear } from '../../ui/dates.ts';
import { toInt } from '../../ui/useUrlParams.ts';
import type { Query } from '../../ui/api.ts';

/** Which scope the figures are of: at most one of these (none = the caller's own scope), as the API takes them. */
export interface ScopeParams {
  district?: number;
  pairing?: number;
  region?: string;
}

export interface PeriodParams {
  year: number;
  quarter?: number;
  month?: number;
}

/** The URL keys of a scope and period: the same names as the API's query, so a page's URL is its query. */
export const SCOPE_URL_KEYS = ['district', 'pairing', 'region', 'year', 'quarter', 'month'] as const;
type UrlValues = Partial<Record<(typeof SCOPE_URL_KEYS)[number], string | undefined>>;

export function scopeFromUrl(p: UrlValues): ScopeParams {
  const district = toInt(p.district);
  if (district) return { district };
  const pairing = toInt(p.pairing);
  if (pairing) return { pairing };
  if (p.region && /^(\d{4}|\d{6}|\d{9})$/.test(p.region)) return { region: p.region };
  return {};
}

export function periodFromUrl(p: UrlValues): PeriodParams {
  const y = toInt(p.year);
  const year = y && y >= 2000 && y <= 2100 ? y : currentYear();
  const quarter = toInt(p.quarter);
  if (quarter && quarter >= 1 && quarter <= 4) return { year, quarter };
  const month = toInt(p.month);
  if (month && month >= 1 && month <= 12) return { year, month };
  return { year };
}

/** The scope picker's value: '' (own scope), `district:ID`, `pairing:ID` or `region:CODE`. */
export function scopeKey(s: ScopeParams): string {
  if (s.district) return `district:${s.district}`;
  if (s.pairing) return `pairing:${s.pairing}`;
  if (s.region) return `region:${s.region}`;
  return '';
}

/** The URL patch for a picked scope: the chosen key set, the other two cleared. */
export function scopePatch(key: string): { district: number | null; pairing: number | null; region: string | null } {
  const [kind, value] = key.split(':');
  return {
    district: kind === 'district' ? Number(value) : null,
    pairing: kind === 'pairing' ? Number(value) : null,
    region: kind === 'region' ? value : null,
  };
}

/** The period picker's value: 'year', 'q1'…'q4', 'm1'…'m12'. */
export function periodKey(p: PeriodParams): string {
  if (p.quarter) return `q${p.quarter}`;
  if (p.month) return `m${p.month}`;
  return 'year';
}

export function periodPatch(key: string): { quarter: number | null; month: number | null } {
  if (key.startsWith('q')) return { quarter: Number(key.slice(1)), month: null };
  if (key.startsWith('m')) return { quarter: null, month: Number(key.slice(1)) };
  return { quarter: null, month: null };
}

/** The scope and period as a query string for links (`?year=2024&district=12`). */
export function scopeSearch(s: ScopeParams & PeriodParams, extra: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...s, ...extra })) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return `?${params.toString()}`;
}

/** The records behind one figure (/indicators/:code) for the scope and period. */
export const evidenceLink = (code: string, scope: ScopeParams, period: PeriodParams, extra: Query = {}) =>
  `/indicators/${encodeURIComponent(code)}${scopeSearch({ ...scope, ...period }, extra)}`;

/** The query of a scope the API describes (a warning's, a report's). */
export function scopeOfInfo(s: { kind: string; id: number | null; code: string | null }): ScopeParams {
  if (s.kind === 'district' && s.id) return { district: s.id };
  if (s.kind === 'pairing' && s.id) return { pairing: s.id };
  if (s.kind === 'region' && s.code) return { region: s.code };
  return {};
}
