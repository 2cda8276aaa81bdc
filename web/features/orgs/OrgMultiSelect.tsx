import { useState } from 'react';
import { Select, Spin, Tag } from 'antd';
import { useOrgOptions } from './orgs.api.ts';
import type { OrgChoice } from './OrgSearchSelect.tsx';
import { useDebounced } from '../../ui/useApi.ts';
import { useT } from '../../ui/i18n.tsx';
import { SIDE_COLORS, sideLabel } from '../../ui/enums.ts';

interface Props {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** How to show the organisations already chosen before any search. */
  seed?: OrgChoice[];
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
  /** Offered besides the search results (e.g. the two sides of the chosen pairing, which may lie outside the user's scope). */
  extra?: OrgChoice[];
}

/** Several organisations of both sides, searched by name or alias; each tagged 帮扶方/受援方; options `org-option-{id}`. */
export function OrgMultiSelect({ value = [], onChange, seed = [], placeholder, testId, style, extra = [] }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const { data, loading } = useOrgOptions(q);
  const [known, setKnown] = useState<Map<number, OrgChoice>>(() => new Map(seed.map((o) => [o.id, o])));

  const searched: OrgChoice[] = (data?.items ?? []).map((o) => ({ id: o.id, name: o.name, side: o.side, regionName: o.regionFullName }));
  const found = [...extra.filter((o) => !searched.some((f) => f.id === o.id) && (!q.trim() || o.name.includes(q.trim()))), ...searched];
  const chosen = value.map((id) => known.get(id) ?? seed.find((s) => s.id === id) ?? { id, name: `#${id}` });
  const all = [...chosen, ...found.filter((o) => !value.includes(o.id))];
  const options = all.map((o) => ({
    value: o.id,
    title: o.name,
    label: (
      <span data-testid={`org-option-${o.id}`}>
        {o.side ? <Tag color={SIDE_COLORS[o.side]}>{sideLabel(t, o.side)}</Tag> : null}
        {o.name}
      </span>
    ),
  }));

  return (
    <Select<number[]>
      mode="multiple"
      data-testid={testId}
      value={value}
      placeholder={placeholder ?? t('org.pickPlaceholder')}
      style={{ minWidth: 240, ...style }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      optionLabelProp="title"
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      onChange={(ids) => {
        setKnown((prev) => new Map([...prev, ...all.filter((o) => ids.includes(o.id)).map((o) => [o.id, o] as const)]));
        setText('');
        onChange?.(ids);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
