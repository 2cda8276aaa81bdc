/**
 * The dates of the demo's recent records, computed when the demo is loaded: the previous year and the
 * current year so far, so the assessment dashboards (which open on the current year and compare it
 * with the one before) show figures whenever the demo is loaded. No date lies after today — the
 * services refuse future dates (UTC today, the earliest of the days they use).
 */
export interface DemoCalendar {
  /** Today, YYYY-MM-DD. */
  today: string;
  /** The current year and the one before. */
  year: number;
  prev: number;
  /** Days since 1 January of the current year (0 on 1 January). */
  elapsed: number;
  /** A day of the current year, the fraction f (0–1) of the way from 1 January to today. */
  cur(f: number): string;
  /** A day of the previous year. */
  past(month: number, day: number): string;
  /** A day n days after the date, never after today. */
  plus(date: string, n: number): string;
  /** The month (1–12) of a date. */
  month(date: string): number;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

export function demoCalendar(now: Date = new Date()): DemoCalendar {
  const today = iso(now.getTime());
  const year = Number(today.slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1);
  const elapsed = Math.round((Date.parse(`${today}T00:00:00Z`) - jan1) / DAY);
  const clamp = (d: string) => (d > today ? today : d);
  return {
    today,
    year,
    prev: year - 1,
    elapsed,
    cur: (f) => iso(jan1 + Math.floor(Math.min(1, Math.max(0, f)) * elapsed) * DAY),
    past: (month, day) => `${year - 1}-${pad(month)}-${pad(day)}`,
    plus: (date, n) => clamp(iso(Date.parse(`${date}T00:00:00Z`) + n * DAY)),
    month: (date) => Number(date.slice(5, 7)),
  };
}
