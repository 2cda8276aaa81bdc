import type { Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { formatFenAsWan, formatFenAsYuan } from '../../ui/money.ts';
import type { Translate } from '../../ui/i18n.tsx';

export type Amount = Draft['facts']['amounts'][number];
export type Count = Draft['facts']['counts'][number];

/** An amount read from the text: 万元 from 10 000 元 up, else 元; “余” when the text says 多/余. */
export function amountText(t: Translate, a: Amount): string {
  const fen = Math.round(a.yuan * 100);
  const shown = Math.abs(a.yuan) >= 10_000 ? formatFenAsWan(fen, t('money.wan')) : formatFenAsYuan(fen, t('money.yuan'));
  return a.approx ? t('bulletin.approx', { amount: shown }) : shown;
}

export const countText = (t: Translate, c: Count) => t('bulletin.count', { value: c.value, unit: c.unit });

/** The dates of an item as read: one day, a range, or 日期未识别. */
export function draftDates(t: Translate, d: Pick<Draft, 'dateStart' | 'dateEnd'>): string {
  if (!d.dateStart) return t('bulletin.noDate');
  return d.dateEnd && d.dateEnd !== d.dateStart ? `${d.dateStart} – ${d.dateEnd}` : d.dateStart;
}

/** The texts to mark in the item's source. */
export const factTexts = (d: Draft) => [...d.facts.amounts.map((a) => a.text), ...d.facts.counts.map((c) => c.text)];
