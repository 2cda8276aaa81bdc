import { Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import type { Product } from '../../../src/modules/products/products.contract.ts';
import { categoryLabel, endReasonLabel } from './consumptionEnums.ts';
import { useT } from '../../ui/i18n.tsx';
import { fenToYuanText } from '../../ui/money.ts';

/** What was applied for and where the certification stands: 审定理由, 公示期, 批次号, 有效期, 复核, 结束. */
export function ProductDetails({ product: p }: { product: Product }) {
  const t = useT();
  const or = (v: string | null) => v ?? '—';
  return (
    <Descriptions column={2} size="small" bordered data-testid="product-detail">
      <Descriptions.Item label={t('product.supplier')}>
        <Link to={`/suppliers?open=${p.supplierId}`} data-testid="product-detail-supplier">
          {p.supplierName}
        </Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('product.category')}>{categoryLabel(t, p.category)}</Descriptions.Item>
      <Descriptions.Item label={t('product.origin')}>{p.originName ?? p.originRegion}</Descriptions.Item>
      <Descriptions.Item label={t('product.county')}>{p.countyName ?? p.countyCode}</Descriptions.Item>
      <Descriptions.Item label={t('product.specification')}>{p.specification}</Descriptions.Item>
      <Descriptions.Item label={t('product.price')}>
        <span data-testid="product-detail-price" data-fen={p.priceFen}>
          {t('product.priceValue', { price: fenToYuanText(p.priceFen), unit: p.unit })}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('product.qualityDocuments')} span={2}>
        {p.qualityDocuments.length ? p.qualityDocuments.map((d) => <Tag key={d}>{d}</Tag>) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('product.benefitNote')} span={2}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{p.benefitNote}</div>
      </Descriptions.Item>
      <Descriptions.Item label={t('product.appliedOn')}>{p.appliedOn}</Descriptions.Item>
      <Descriptions.Item label={t('product.decisionReason')}>{or(p.decisionReason)}</Descriptions.Item>
      <Descriptions.Item label={t('product.noticePeriod')}>
        <span data-testid="product-detail-notice">{p.noticeStart ? t('product.periodValue', { from: p.noticeStart, to: or(p.noticeEnd) }) : '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('product.batchNo')}>
        <span data-testid="product-detail-batch">{or(p.batchNo)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('product.certifiedOn')}>{or(p.certifiedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('product.validUntil')}>
        <span data-testid="product-detail-valid-until">{or(p.validUntil)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('product.lastReviewedOn')}>{or(p.lastReviewedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('product.ended')}>
        {p.endedOn ? t('product.endedValue', { date: p.endedOn, reason: p.endReason ? endReasonLabel(t, p.endReason) : '—' }) : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}
