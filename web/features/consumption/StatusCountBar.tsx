import { Card, Space, Statistic } from 'antd';
import type { StatusCount } from './products.api.ts';
import { PRODUCT_STATUS_CODES, productStatusLabel } from './consumptionEnums.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import type { QueryState } from '../../ui/useApi.ts';

/** How many products stand at each status (GET /products/status-counts), in workflow order. */
export function StatusCountBar({ counts }: { counts: QueryState<StatusCount[]> }) {
  const t = useT();
  const countOf = (s: string) => counts.data?.find((c) => c.status === s)?.count ?? 0;
  return (
    <Card size="small" style={{ marginBottom: 16 }} loading={counts.loading && !counts.data}>
      <ErrorAlert error={counts.error} onRetry={counts.reload} />
      <Space size="large" wrap data-testid="certification-counts">
        {PRODUCT_STATUS_CODES.map((s) => (
          <Statistic key={s} title={productStatusLabel(t, s)} value={countOf(s)} valueRender={(node) => <span data-testid={`certification-count-${s}`} data-count={countOf(s)}>{node}</span>} />
        ))}
      </Space>
    </Card>
  );
}
