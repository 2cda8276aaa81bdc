import { Card, Empty, Space, Timeline, Typography } from 'antd';
import type { Product } from '../../../src/modules/products/products.contract.ts';
import { PRODUCT_STATUS_COLORS, productStatusLabel, stepActionLabel, type ProductStatus } from './consumptionEnums.ts';
import { useT } from '../../ui/i18n.tsx';
import { formatDateTime } from '../../ui/dates.ts';

const TIMELINE_COLORS: Record<string, string> = { error: 'red', warning: 'orange', success: 'green', processing: 'blue', gold: 'gold', cyan: 'cyan', default: 'gray' };

/** 办理过程: every step as recorded — what, status before → after, date, who, 文号, 说明. */
export function ProductHistory({ product: p }: { product: Product }) {
  const t = useT();
  const lv = (label: string, value: string) => t('common.labelValue', { label, value });
  const colorOf = (status: string) => TIMELINE_COLORS[PRODUCT_STATUS_COLORS[status as ProductStatus] ?? 'default'] ?? 'gray';
  return (
    <Card size="small" title={t('product.history')} data-testid="product-history">
      {p.steps.length === 0 ? (
        <Empty description={t('history.empty')} />
      ) : (
        <Timeline
          items={p.steps.map((s) => ({
            key: s.id,
            color: colorOf(s.toStatus),
            content: (
              <div data-testid={`product-step-item-${s.id}`} data-action={s.action} data-to={s.toStatus}>
                <Space wrap>
                  <Typography.Text strong>{stepActionLabel(t, s.action)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {s.fromStatus ? `${productStatusLabel(t, s.fromStatus)} → ` : ''}
                    {productStatusLabel(t, s.toStatus)}
                  </Typography.Text>
                </Space>
                <div>{[lv(t('history.onDate'), s.actedOn), lv(t('history.actor'), s.actorName), s.documentNo ? lv(t('history.documentNo'), s.documentNo) : null].filter(Boolean).join(' · ')}</div>
                {s.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{lv(t('history.comment'), s.comment)}</div> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('history.recordedAt', { time: formatDateTime(s.at) })}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
