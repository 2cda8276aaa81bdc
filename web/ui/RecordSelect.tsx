import { useState, type ReactNode } from 'react';
import { Select, Spin } from 'antd';
import { keyOf, useApiQuery, useDebounced } from './useApi.ts';
import { useT } from './i18n.tsx';

export interface Choice {
  id: number;
  label: string;
  /** Shown after the label in the dropdown only (date, amount…). */
  hint?: ReactNode;
}

interface Props {
  multiple?: boolean;
  value?: number | number[] | null;
  onChange?: (value: number | number[] | null, chosen: Choice[]) => void;
  /** The choices for what the user typed (the API filters, or the caller filters a short list). */
  search: (text: string, signal: AbortSignal) => Promise<Choice[]>;
  /** Cache key of the search; include what else it depends on (e.g. the pairing). */
  searchKey: string;
  /** Names a chosen id that no search has shown yet (a value set from outside). */
  resolve?: (id: number, signal: AbortSignal) => Promise<Choice | null>;
  seed?: Choice[];
  testId?: string;
  placeholder?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
}

/**
 * A search-as-you-type picker of records by id (a link's target, a person, the record a dispatch replaces);
 * options carry data-testid `{testId}-option-{id}`. Labels of chosen records are kept, so they stay readable.
 */
export function RecordSelect({ multiple, value, onChange, search, searchKey, resolve, seed = [], testId, placeholder, disabled, style }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const found = useApiQuery<Choice[]>(disabled ? null : keyOf(searchKey, { q }), (signal) => search(q.trim(), signal));
  const [known, setKnown] = useState<Map<number, Choice>>(() => new Map(seed.map((c) => [c.id, c])));
  const values = Array.isArray(value) ? value : value != null ? [value] : [];
  const nameOf = (id: number) => known.get(id) ?? seed.find((c) => c.id === id) ?? found.data?.find((c) => c.id === id);
  const missing = values.filter((id) => !nameOf(id));
  const resolved = useApiQuery<(Choice | null)[]>(resolve && missing.length ? keyOf(`${searchKey}#resolve`, missing) : null, (signal) => Promise.all(missing.map((id) => resolve!(id, signal))));

  const chosen = values.map((id) => nameOf(id) ?? resolved.data?.find((c) => c?.id === id) ?? { id, label: `#${id}` });
  const all = [...chosen, ...(found.data ?? []).filter((c) => !values.includes(c.id))];
  const options = all.map((c) => ({
    value: c.id,
    title: c.label,
    label: (
      <span data-testid={testId ? `${testId}-option-${c.id}` : undefined}>
        {c.label}
        {c.hint ? <span style={{ color: '#888', fontSize: 12 }}> {c.hint}</span> : null}
      </span>
    ),
  }));

  return (
    <Select<number | number[]>
      mode={multiple ? 'multiple' : undefined}
      data-testid={testId}
      value={multiple ? values : (values[0] ?? undefined)}
      placeholder={placeholder}
      disabled={disabled}
      allowClear
      style={{ minWidth: 240, ...style }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      optionLabelProp="title"
      notFoundContent={found.loading ? <Spin size="small" /> : t('common.noMatch')}
      onChange={(next) => {
        const ids = Array.isArray(next) ? next : next != null ? [next] : [];
        const picked = all.filter((c) => ids.includes(c.id));
        setKnown((prev) => new Map([...prev, ...picked.map((c) => [c.id, c] as const)]));
        setText('');
        onChange?.(multiple ? ids : (ids[0] ?? null), picked);
      }}
      popupMatchSelectWidth={false}
    />
  );
}

/** Keeps the choices whose label contains the text (for lists the API cannot search by text). */
export const filterChoices = (choices: Choice[], text: string) => (text ? choices.filter((c) => c.label.includes(text) || String(c.id) === text) : choices);
