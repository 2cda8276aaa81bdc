import { fenToWanText } from '../../ui/money.ts';
import { useI18n, type MessageKey, type Translate } from '../../ui/i18n.tsx';
import { label } from '../../ui/enums.ts';

/** How many base units (raw) make one shown unit: fen per 万元, 0.01 亩 per 亩; 1 for counts. */
const DIVISORS: Record<string, number> = { 万元: 1_000_000, 亩: 100 };
export const divisorOf = (unit: string) => DIVISORS[unit] ?? 1;

const decimalsOf = (unit: string) => (unit === '万元' || unit === '亩' ? 2 : unit === '%' ? 1 : 0);

function grouped(n: number, decimals: number, maxDecimals = decimals): string {
  return n.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, maxDecimals) });
}

/** A figure in its unit, without the unit: exact from the base figure when there is one (万元 from fen). */
export function formatFigure(value: number | null | undefined, unit: string, raw?: number | null): string {
  if (raw !== null && raw !== undefined && unit === '万元') return fenToWanText(raw);
  if (raw !== null && raw !== undefined && unit !== '%') return grouped(raw / divisorOf(unit), decimalsOf(unit));
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return grouped(value, decimalsOf(unit), 2);
}

/** A figure with "%" for a ratio, bare otherwise (the unit is in the column's other cell or header). */
export const formatFigurePct = (value: number | null | undefined, unit: string) => {
  const text = formatFigure(value, unit);
  return unit === '%' && text !== '—' ? `${text}%` : text;
};

/** A sum of base figures (evidence) in the unit. */
export const formatRaw = (raw: number, unit: string) => formatFigure(raw / divisorOf(unit), unit, raw);

/** 同比: "+12.3%" for sums and counts, "+1.2 个百分点" for ratios; "—" without a base. */
export function formatYoy(t: Translate, yoy: number | null, kind: 'percent' | 'points'): string {
  if (yoy === null || !Number.isFinite(yoy)) return '—';
  const sign = yoy > 0 ? '+' : '';
  const n = `${sign}${yoy.toLocaleString('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`;
  return kind === 'points' ? t('ind.yoyPoints', { n }) : `${n}%`;
}

export const yoyColor = (yoy: number | null) => (yoy === null || yoy === 0 ? undefined : yoy > 0 ? '#389e0d' : '#cf1322');

export const unitLabel = (t: Translate, unit: string) => label(t, 'indicatorUnit', unit);
export const areaLabel = (t: Translate, area: string) => label(t, 'indicatorArea', area);
export const tenHaveLabel = (t: Translate, code: string) => label(t, 'tenHave', code);
export const targetStatusLabel = (t: Translate, status: string) => label(t, 'targetStatus', status);
export const TARGET_STATUS_COLORS: Record<string, string> = { on_track: 'processing', met: 'success', behind: 'warning', far_behind: 'error' };

/** The figure with its unit ("1,234.00 万元", "85.0%"). */
export function withUnit(t: Translate, text: string, unit: string): string {
  if (text === '—') return text;
  return unit === '%' ? `${text}%` : `${text} ${unitLabel(t, unit)}`;
}

/**
 * Names the API gives in Chinese (indicators, record kinds): shown as given in Chinese, from the catalog in English
 * (falling back to the API's name for a code the catalog does not know yet).
 */
export function useApiName() {
  const { locale, t } = useI18n();
  return (prefix: 'indicatorName' | 'evidenceKind', code: string, apiName: string) => {
    if (locale === 'zh-CN') return apiName;
    const key = `${prefix}.${code}` as MessageKey;
    const text = t(key);
    return text === key ? apiName : text;
  };
}
