import { expect } from 'vitest';
import type { Ctx, Line } from './access.matrix.lines.ts';

/**
 * The matrix lines of the indicators: every figure, ranking, series, grid and evidence list is
 * asked for the role's own scope (district A, or 香格里拉市 for the regional roles) and for district
 * B, which a scoped role may not see: 404, as for an unknown scope.
 */
const X = '533401';
const regional = (c: Ctx) => c.role === 'frontline' || c.role === 'recipient_clerk' || c.role === 'recipient_leader';
const scope = (c: Ctx) => (!c.inScope ? `district=${c.f.distB}` : regional(c) ? `region=${X}` : `district=${c.f.distA}`);
const P = '/api/v1/indicators';
const scoped = (path: string, extra = ''): Line => ({ scoping: 'record', request: (c) => ({ method: 'GET', url: `${P}${path}?year=2024&${scope(c)}${extra}` }) });

export const INDICATOR_LINES: Record<string, Line> = {
  [`GET ${P}`]: { scoping: 'none', request: () => ({ method: 'GET', url: P, check: (res) => expect(res.body.length).toBeGreaterThan(10) }) },
  [`GET ${P}/scopes`]: {
    scoping: 'list',
    request: (c) => ({ method: 'GET', url: `${P}/scopes?year=2024`, check: (res, all) => expect((res.body.districts as { id: number }[]).some((d) => d.id === c.f.distB)).toBe(all) }),
  },
  [`GET ${P}/values`]: scoped('/values'),
  [`GET ${P}/ranking`]: scoped('/ranking', '&by=county&indicator=fund_allocated'),
  [`GET ${P}/ranking/export`]: scoped('/ranking/export', '&by=district&indicator=sales'),
  [`GET ${P}/values/export`]: scoped('/values/export'),
  [`GET ${P}/series`]: scoped('/series', '&codes=fund_allocated,sales'),
  [`GET ${P}/grid`]: scoped('/grid'),
  [`GET ${P}/grid/export`]: scoped('/grid/export'),
  [`GET ${P}/:code/evidence`]: scoped('/fund_allocated/evidence'),
  [`GET ${P}/:code/evidence/export`]: scoped('/sales/evidence/export'),
};
