import { useMemo, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import { useRegionSearch } from './regions.api.ts';
import { useDebounced } from '../../ui/useApi.ts';
import { useT } from '../../ui/i18n.tsx';
import { regionLevelLabel } from '../../ui/enums.ts';

export interface RegionChoice {
  code: string;
  fullName: string;
  level?: number;
}

interface Props {
  value?: string | null;
  onChange?: (code: string | null, region?: RegionChoice) => void;
  /** How to show an already chosen code before any search (e.g. the org's current region). */
  seed?: RegionChoice | null;
  /** Only offer regions of these levels (1 province … 5 village). */
  levels?: number[];
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  allowClear?: boolean;
}

/** A place picker backed by /regions/search: each option shows the full path and the code, so 同名 places are told apart. */
export function RegionSearchSelect({ value, onChange, seed, levels, placeholder, style, testId, allowClear = true }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const { data, loading } = useRegionSearch(q, 30);
  const [chosen, setChosen] = useState<RegionChoice | null>(null);

  const candidates = useMemo(() => {
    const list = (data?.candidates ?? []).map((c) => c.region).filter((r) => !levels || levels.includes(r.level));
    return list.map((r) => ({ code: r.code, fullName: r.fullName, level: r.level }));
  }, [data, levels]);

  const known = [chosen, seed].find((c) => c && c.code === value) ?? null;
  const all = known && !candidates.some((c) => c.code === known.code) ? [known, ...candidates] : candidates;
  const options = all.map((r) => ({
    value: r.code,
    title: r.fullName,
    label: (
      <span data-testid={`region-option-${r.code}`}>
        {r.fullName}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.code}
          {r.level ? ` · ${regionLevelLabel(t, r.level)}` : ''}
        </Typography.Text>
      </span>
    ),
  }));

  return (
    <Select<string>
      data-testid={testId}
      value={value ?? undefined}
      placeholder={placeholder ?? t('region.pickPlaceholder')}
      style={{ minWidth: 240, ...style }}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      notFoundContent={loading ? <Spin size="small" /> : q ? t('common.noMatch') : t('region.typeToSearch')}
      onChange={(code) => {
        const region = all.find((r) => r.code === code) ?? null;
        setChosen(region);
        setText('');
        onChange?.(code ?? null, region ?? undefined);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
