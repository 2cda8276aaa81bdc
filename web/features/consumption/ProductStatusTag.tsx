import { Space, Tag } from 'antd';
import { PRODUCT_STATUS_CODES, PRODUCT_STATUS_COLORS, productStatusLabel, type ProductStatus } from './consumptionEnums.ts';
import { useT } from '../../ui/i18n.tsx';

/** A product's workflow status as a coloured tag (with data-status). */
export function ProductStatusTag({ status, testId }: { status: ProductStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={PRODUCT_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {productStatusLabel(t, status)}
    </Tag>
  );
}

/** A supplier's products by status, e.g. 已认定 3 · 公示中 1 (statuses in workflow order, empty ones left out). */
export function ProductCountTags({ counts, testId }: { counts: Record<string, number>; testId?: string }) {
  const t = useT();
  const shown = PRODUCT_STATUS_CODES.filter((s) => counts[s] > 0);
  if (!shown.length) return <span data-testid={testId}>—</span>;
  return (
    <Space size={[0, 4]} wrap data-testid={testId}>
      {shown.map((s) => (
        <Tag key={s} color={PRODUCT_STATUS_COLORS[s]} data-status={s} data-count={counts[s]}>
          {productStatusLabel(t, s)} {counts[s]}
        </Tag>
      ))}
    </Space>
  );
}
