import { fnv1a, mulberry32 } from '../../assessment/assessment.draw.ts';

/** A seeded stream per record kind: the same seed gives the same rows, whatever else is generated. */
export class Rng {
  private readonly u: () => number;
  constructor(seed: number, stream: string) {
    this.u = mulberry32((seed ^ fnv1a(stream)) >>> 0);
  }
  next(): number {
    return this.u();
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.u() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.u() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.u() * xs.length)];
  }
  /** Log-normal around a median: most values near it, a few many times larger (project sizes, sale amounts). */
  lognormal(median: number, sigma: number): number {
    const z = Math.sqrt(-2 * Math.log(1 - this.u())) * Math.cos(2 * Math.PI * this.u());
    return median * Math.exp(sigma * z);
  }
}

/** Draws an index with the given weights (binary search over the cumulative sums). */
export function weighted(weights: readonly number[]): (rng: Rng) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** `total` split into `parts` positive integers at random (total ≥ parts). */
export function split(rng: Rng, total: number, parts: number): number[] {
  const n = Math.max(1, Math.min(parts, total));
  const cuts = Array.from({ length: n }, () => 0.2 + rng.next());
  const sum = cuts.reduce((a, b) => a + b, 0);
  const out = cuts.map((c) => Math.max(1, Math.floor((c / sum) * total)));
  out[n - 1] += total - out.reduce((a, b) => a + b, 0);
  if (out[n - 1] < 1) return [total]; // rounding took the last part's share: keep the total in one
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysIn = (year: number, month: number) => (month === 2 && year % 4 === 0 ? 29 : DAYS[month - 1]);
export const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`;
/** A day of the year drawn with month weights (twelve numbers). */
export function dayIn(rng: Rng, year: number, month: (rng: Rng) => number): string {
  const m = month(rng) + 1;
  return isoDay(year, m, rng.int(1, daysIn(year, m)));
}
/** The earlier of two ISO dates. */
export const minDay = (a: string, b: string) => (a < b ? a : b);

/** The ISO date `days` after a date. */
export function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
