/**
 * Money is kept as integer fen (分) everywhere; display is computed from the integer,
 * so 0.1 + 0.2 style drift can never show up on screen.
 */

const FEN_PER_YUAN = 100;
const FEN_PER_WAN = 1_000_000;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rounds |fen| to a whole number of `unit` hundredths (half up) and prints it with two decimals. */
function formatScaled(fen: number, fenPerUnit: number): string {
  if (!Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const step = fenPerUnit / 100; // fen in one hundredth of the unit
  let hundredths = Math.floor(abs / step);
  if ((abs % step) * 2 >= step) hundredths += 1;
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  return `${sign}${groupThousands(String(whole))}.${String(cents).padStart(2, '0')}`;
}

/** 123456789 → "1,234,567.89" (元, no unit). */
export function fenToYuanText(fen: number): string {
  return formatScaled(fen, FEN_PER_YUAN);
}

/** 123456 → "0.12" (万元, no unit). */
export function fenToWanText(fen: number): string {
  return formatScaled(fen, FEN_PER_WAN);
}

/** 1234 → "12.34 万元"-style text with a caller-supplied unit (from the catalog). */
export function formatFenAsYuan(fen: number, unit: string): string {
  return `${fenToYuanText(fen)} ${unit}`;
}

export function formatFenAsWan(fen: number, unit: string): string {
  return `${fenToWanText(fen)} ${unit}`;
}

/** What the user typed in 元 → integer fen for the API. */
export function yuanToFen(yuan: number | null | undefined): number {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return 0;
  return Math.round(yuan * FEN_PER_YUAN);
}

/** Integer fen → 元 for an editable number field (two decimals at most, exact for display). */
export function fenToYuan(fen: number): number {
  return Number(fenToYuanText(fen).replace(/,/g, ''));
}
