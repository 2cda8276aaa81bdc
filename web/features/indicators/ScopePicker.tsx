import { Select, Space } from 'antd';
import { useScopeChoices } from './indicators.api.ts';
import { periodKey, periodPatch, scopeKey, scopeOfInfo, scopePatch, type PeriodParams, type ScopeParams } from './indicatorScope.ts';
import { useT } from '../../ui/i18n.tsx';
import { yearOptions } from '../../ui/dates.ts';

interface Props {
  scope: ScopeParams;
  period: PeriodParams;
  /** Offer quarters and months besides the whole year. */
  withPeriod?: boolean;
  /** The scope the page shows, as the API named it: offered too when the URL names one not in the choices (a county from a ranking). */
  shown?: { kind: string; id: number | null; code: string | null; name: string };
  onChange: (patch: Record<string, string | number | null>) => void;
}

const opt = (value: string, label: string) => ({ value, label, title: label, 'data-testid': `scope-picker-option-${value.replace(':', '-') || 'default'}` });

/**
 * 范围 and 年度 (and 期间): the caller's own scope first, then what GET /indicators/scopes offers —
 * 全市, districts, pairings, places. Values land in the URL under the API's own names (district, pairing, region, year, quarter, month).
 */
export function ScopePicker({ scope, period, withPeriod, shown, onChange }: Props) {
  const t = useT();
  const choices = useScopeChoices();
  const c = choices.data;
  /** The own scope is offered once, as the first option, even when the URL names it (district=own id). */
  const ownKey = c ? scopeKey(scopeOfInfo(c.default)) : '';
  const value = c ? (scopeKey(scope) === ownKey ? '' : scopeKey(scope)) : undefined;
  const groups = c
    ? [
        { label: t('dash.scopeOwn'), title: 'own', options: [opt('', c.default.name)] },
        ...(c.districts.length ? [{ label: t('scopeKind.district'), title: 'district', options: c.districts.map((d) => opt(`district:${d.id}`, d.name)).filter((o) => o.value !== ownKey) }] : []),
        ...(c.regions.length ? [{ label: t('scopeKind.region'), title: 'region', options: c.regions.map((r) => opt(`region:${r.code}`, r.name)).filter((o) => o.value !== ownKey) }] : []),
        ...(c.pairings.length ? [{ label: t('scopeKind.pairing'), title: 'pairing', options: c.pairings.map((p) => opt(`pairing:${p.id}`, p.name)).filter((o) => o.value !== ownKey) }] : []),
      ].filter((g) => g.options.length)
    : [];
  if (c && value && shown && scopeKey(scopeOfInfo(shown)) === value && !groups.some((g) => g.options.some((o) => o.value === value))) groups.push({ label: t('dash.scopeShown'), title: 'shown', options: [opt(value, shown.name)] });
  const periods = [
    { value: 'year', label: t('dash.wholeYear'), 'data-testid': 'period-picker-option-year' },
    ...[1, 2, 3, 4].map((q) => ({ value: `q${q}`, label: t('dash.quarter', { q }), 'data-testid': `period-picker-option-q${q}` })),
    ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: t('dash.month', { m: i + 1 }), 'data-testid': `period-picker-option-m${i + 1}` })),
  ];
  return (
    <Space wrap data-testid="scope-bar">
      <Select
        data-testid="scope-picker"
        virtual={false}
        showSearch={{ optionFilterProp: 'label' }}
        loading={choices.loading}
        value={value}
        placeholder={t('dash.scope')}
        onChange={(key: string) => onChange(scopePatch(key))}
        options={groups}
        style={{ width: 320 }}
        popupMatchSelectWidth={false}
      />
      <Select
        data-testid="year-picker"
        virtual={false}
        value={period.year}
        onChange={(year: number) => onChange({ year })}
        options={yearOptions((y) => t('dash.yearOption', { year: y }), 'year-picker')}
        style={{ width: 110 }}
      />
      {withPeriod ? (
        <Select data-testid="period-picker" virtual={false} value={periodKey(period)} onChange={(key: string) => onChange(periodPatch(key))} options={periods} style={{ width: 120 }} />
      ) : null}
    </Space>
  );
}
