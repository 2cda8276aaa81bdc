import { useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import type { Page } from '../../../src/platform/contract.ts';
import type { Pairing } from '../../../src/modules/pairings/pairings.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiQuery, useDebounced } from '../../ui/useApi.ts';
import { useT } from '../../ui/i18n.tsx';
import { pairingTypeLabel } from '../../ui/enums.ts';
import { usePairing } from './pairings.api.ts';

export interface PairingChoice {
  id: number;
  label: string;
}

export const pairingLabel = (p: Pick<Pairing, 'eastOrg' | 'westOrg'>) => `${p.eastOrg.name} ↔ ${p.westOrg.name}`;

/** Pairings whose organisations match the text; a number also finds the pairing with that id. */
function usePairingOptions(text: string) {
  const q = text.trim();
  const id = /^\d+$/.test(q) ? Number(q) : null;
  return useApiQuery<Pairing[]>(keyOf('/pairings#options', { q }), async (signal) => {
    const page = await api.get<Page<Pairing>>('/pairings', { q: id ? undefined : q || undefined, pageSize: 20, sort: 'startDate', order: 'desc' }, signal);
    const byId = id ? await api.get<Pairing>(`/pairings/${id}`, undefined, signal).catch(() => null) : null;
    return byId ? [byId, ...page.items.filter((p) => p.id !== byId.id)] : page.items;
  });
}

interface Props {
  value?: number | null;
  onChange?: (id: number | null, pairing?: Pairing) => void;
  /** How to show the current value before any search. */
  seed?: PairingChoice | null;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}

/** A pairing picker: type an organisation's name (either side) or the pairing's number; options `pairing-option-{id}`. */
export function PairingSearchSelect({ value, onChange, seed, placeholder, testId, style }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const { data, loading } = usePairingOptions(q);
  const [chosen, setChosen] = useState<PairingChoice | null>(null);

  const found = (data ?? []).map((p) => ({ id: p.id, label: pairingLabel(p), pairing: p }));
  // A value set from outside (URL filter, record being edited) is named by fetching it once.
  const given = [chosen, seed].find((c) => c && c.id === value) ?? null;
  const fetched = usePairing(value && !given ? value : null).data;
  const known = given ?? (fetched && fetched.id === value ? { id: fetched.id, label: pairingLabel(fetched) } : null);
  const all = known && !found.some((p) => p.id === known.id) ? [{ ...known, pairing: undefined }, ...found] : found;
  const options = all.map((p) => ({
    value: p.id,
    title: p.label,
    label: (
      <span data-testid={`pairing-option-${p.id}`}>
        {p.label}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          #{p.id}
          {p.pairing ? ` · ${pairingTypeLabel(t, p.pairing.type)}` : ''}
        </Typography.Text>
      </span>
    ),
  }));

  return (
    <Select<number>
      data-testid={testId}
      value={value ?? undefined}
      placeholder={placeholder ?? t('pairing.pickPlaceholder')}
      style={{ minWidth: 260, ...style }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      optionLabelProp="title"
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      onChange={(id) => {
        const p = all.find((x) => x.id === id) ?? null;
        setChosen(p ? { id: p.id, label: p.label } : null);
        setText('');
        onChange?.(id ?? null, p?.pairing);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
