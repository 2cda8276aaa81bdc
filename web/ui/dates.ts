import dayjs, { type Dayjs } from 'dayjs';

export const ISO_DATE = 'YYYY-MM-DD';

export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value && value.isValid() ? value.format(ISO_DATE) : null;
}

export function fromIsoDate(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d : null;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

export function currentYear(): number {
  return new Date().getFullYear();
}

/** Years offered by year selectors: the current year first, back to 2016 (start of the current East–West round). */
export function selectableYears(from = 2016, ahead = 1): number[] {
  const years: number[] = [];
  for (let y = currentYear() + ahead; y >= from; y--) years.push(y);
  return years;
}

/** Options for a year selector; each option gets data-testid `${testIdPrefix}-option-${year}`. */
export function yearOptions(labelOf: (year: number) => string, testIdPrefix: string) {
  return selectableYears().map((y) => ({ value: y, label: labelOf(y), 'data-testid': `${testIdPrefix}-option-${y}` }));
}
