import { useState } from 'react';
import { Alert, Empty, Input, Tag, Typography, theme } from 'antd';
import type { Region } from '../../../src/modules/regions/regions.contract.ts';
import { useRegionSearch } from './regions.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { errorText } from '../../ui/errors.tsx';
import { regionLevelLabel } from '../../ui/enums.ts';

/** Searches places by name (full, short or compound) and lists every candidate with its full path and code. */
export function RegionSearchPanel({ onPick, selectedCode }: { onPick: (region: Region) => void; selectedCode: string | null }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const { data, loading, error } = useRegionSearch(query, 50);
  const { token } = theme.useToken();

  return (
    <div>
      <Input.Search
        data-testid="region-search-input"
        placeholder={t('region.searchPlaceholder')}
        allowClear
        enterButton
        loading={loading}
        onSearch={(value) => setQuery(value.trim())}
      />
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(t, error)} /> : null}
      {data && query ? (
        <div style={{ marginTop: 12 }} data-testid="region-search-results">
          {data.ambiguous ? (
            <Alert data-testid="region-search-ambiguous" type="warning" showIcon style={{ marginBottom: 8 }} title={t('region.ambiguous', { q: data.query, n: data.candidates.length })} />
          ) : null}
          <div role="list" style={{ maxHeight: 320, overflow: 'auto', border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius }}>
            {data.candidates.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('region.noCandidates', { q: data.query })} /> : null}
            {data.candidates.map((c) => (
              <div
                role="listitem"
                key={c.region.code}
                data-testid={`region-candidate-${c.region.code}`}
                onClick={() => onPick(c.region)}
                style={{
                  display: 'flex',
                  justifyContent: 'space-between',
                  alignItems: 'center',
                  gap: 8,
                  padding: '8px 12px',
                  cursor: 'pointer',
                  borderBottom: `1px solid ${token.colorBorderSecondary}`,
                  background: c.region.code === selectedCode ? token.controlItemBgActive : undefined,
                }}
              >
                <div>
                  <div>{c.region.fullName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.region.code} · {regionLevelLabel(t, c.region.level)}
                  </Typography.Text>
                </div>
                <Tag>{t(`region.match.${c.match}`)}</Tag>
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
