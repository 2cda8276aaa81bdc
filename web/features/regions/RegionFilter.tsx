import { RegionSearchSelect } from './RegionSearchSelect.tsx';
import { useRegion } from './regions.api.ts';

interface Props {
  testId: string;
  /** The code in the URL. */
  value: string | undefined;
  onChange: (code: string | null) => void;
  placeholder: string;
  levels?: number[];
}

/** A list page's place filter: the code kept in the URL, shown by its full name after a reload. */
export function RegionFilter({ testId, value, onChange, placeholder, levels = [1, 2, 3] }: Props) {
  const region = useRegion(value);
  return (
    <RegionSearchSelect
      testId={testId}
      levels={levels}
      value={value ?? null}
      seed={region.data ? { code: region.data.code, fullName: region.data.fullName, level: region.data.level } : null}
      placeholder={placeholder}
      onChange={(code) => onChange(code)}
    />
  );
}
