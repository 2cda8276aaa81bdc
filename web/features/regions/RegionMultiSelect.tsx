import { useMemo, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import { useRegionSearch } from './regions.api.ts';
import type { RegionChoice } from './RegionSearchSelect.tsx';
import { useDebounced } from '../../ui/useApi.ts';
import { useT } from '../../ui/i18n.tsx';
import { regionLevelLabel } from '../../ui/enums.ts';

interface Props {
  value?: string[];
  onChange?: (codes: string[]) => void;
  /** How to show codes already chosen (e.g. an activity's places) before any search. */
  seed?: RegionChoice[];
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}

/** Several places (any level down to villages), searched by name like RegionSearchSelect; options `region-option-{code}`. */
export function RegionMultiSelect({ value = [], onChange, seed = [], placeholder, testId, style }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const { data, loading } = useRegionSearch(q, 30);
  const [known, setKnown] = useState<Map<string, RegionChoice>>(() => new Map(seed.map((r) => [r.code, r])));

  const candidates = useMemo(() => (data?.candidates ?? []).map((c) => ({ code: c.region.code, fullName: c.region.fullName, level: c.region.level as number | undefined })), [data]);
  const chosen = value.map((code) => known.get(code) ?? seed.find((s) => s.code === code) ?? { code, fullName: code });
  const all = [...chosen, ...candidates.filter((c) => !value.includes(c.code))];
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
    <Select<string[]>
      mode="multiple"
      data-testid={testId}
      value={value}
      placeholder={placeholder ?? t('region.pickPlaceholder')}
      style={{ minWidth: 240, ...style }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      optionLabelProp="title"
      notFoundContent={loading ? <Spin size="small" /> : q ? t('common.noMatch') : t('region.typeToSearch')}
      onChange={(codes) => {
        setKnown((prev) => new Map([...prev, ...all.filter((r) => codes.includes(r.code)).map((r) => [r.code, r] as const)]));
        setText('');
        onChange?.(codes);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
