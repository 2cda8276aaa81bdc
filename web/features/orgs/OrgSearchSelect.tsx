import { useState } from 'react';
import { Select, Spin, Tag, Typography } from 'antd';
import type { Side } from '../../../src/modules/orgs/orgs.contract.ts';
import { useOrgOptions } from './orgs.api.ts';
import { useDebounced } from '../../ui/useApi.ts';
import { useT } from '../../ui/i18n.tsx';
import { SIDE_COLORS, sideLabel } from '../../ui/enums.ts';

export interface OrgChoice {
  id: number;
  name: string;
  side?: string;
  regionName?: string | null;
}

interface Props {
  value?: number | null;
  onChange?: (id: number | null, org?: OrgChoice) => void;
  /** Only organisations of this side (east = 帮扶方, west = 受援方). */
  side?: Side;
  /** How to show the current value before any search (editing an existing record). */
  seed?: OrgChoice | null;
  /** Left out of the options (an org cannot be its own parent). */
  excludeId?: number;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  /** Offered besides the search results (e.g. the two sides of the chosen pairing, which may lie outside the user's scope). */
  extra?: OrgChoice[];
}

/** An organisation picker that searches /orgs by name or alias as the user types. */
export function OrgSearchSelect({ value, onChange, side, seed, excludeId, placeholder, style, testId, extra = [] }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const { data, loading } = useOrgOptions(q, side);
  const [chosen, setChosen] = useState<OrgChoice | null>(null);

  const searched: OrgChoice[] = (data?.items ?? [])
    .filter((o) => o.id !== excludeId)
    .map((o) => ({ id: o.id, name: o.name, side: o.side, regionName: o.regionFullName }));
  const extras = extra.filter((o) => (!side || o.side === side) && !searched.some((f) => f.id === o.id) && (!q.trim() || o.name.includes(q.trim())));
  const found = [...extras, ...searched];
  const known = [chosen, seed].find((c) => c && c.id === value) ?? null;
  const all = known && !found.some((o) => o.id === known.id) ? [known, ...found] : found;
  const options = all.map((o) => ({
    value: o.id,
    title: o.name,
    label: (
      <span data-testid={`org-option-${o.id}`}>
        {o.side && !side ? <Tag color={SIDE_COLORS[o.side]}>{sideLabel(t, o.side)}</Tag> : null}
        {o.name}
        {o.regionName ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {o.regionName}
          </Typography.Text>
        ) : null}
      </span>
    ),
  }));

  return (
    <Select<number>
      data-testid={testId}
      value={value ?? undefined}
      placeholder={placeholder ?? t('org.pickPlaceholder')}
      style={{ minWidth: 240, ...style }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      onChange={(id) => {
        const org = all.find((o) => o.id === id) ?? null;
        setChosen(org);
        setText('');
        onChange?.(id ?? null, org ?? undefined);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
