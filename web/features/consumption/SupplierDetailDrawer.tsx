import { useEffect, useState } from 'react';
import { Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Supplier } from '../../../src/modules/suppliers/suppliers.contract.ts';
import { useSupplier } from './suppliers.api.ts';
import { useProductList } from './products.api.ts';
import { mechanismLabel, supplierKindLabel } from './consumptionEnums.ts';
import { ProductCountTags } from './ProductStatusTag.tsx';
import { ProductsTable } from './ProductsTable.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  id: number | null;
  onClose: () => void;
  /** Given only to users with consumption:write. */
  onEdit?: (s: Supplier) => void;
  onApply?: (s: Supplier) => void;
  /** Bumped by the page after an edit, so the drawer fetches the supplier again. */
  version: number;
}

/** One supplier (?open=ID): its details, 带贫机制 and its products with their certification status. */
export function SupplierDetailDrawer({ id, onClose, onEdit, onApply, version }: Props) {
  const t = useT();
  const q = useSupplier(id);
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const products = useProductList(id ? { supplier: id, ...page } : null);
  const reloadSupplier = q.reload;
  const reloadProducts = products.reload;
  useEffect(() => {
    if (version === 0) return;
    reloadSupplier();
    reloadProducts();
  }, [version, reloadSupplier, reloadProducts]);
  const s = q.data && q.data.id === id ? q.data : undefined;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={820}
      destroyOnHidden
      title={s?.name ?? t('supplier.detailTitle')}
      loading={q.loading && !s}
      extra={
        s ? (
          <Space>
            {onApply ? (
              <Button icon={<PlusOutlined />} data-testid="supplier-detail-apply" onClick={() => onApply(s)}>
                {t('product.apply')}
              </Button>
            ) : null}
            {onEdit ? (
              <Button type="primary" data-testid="supplier-detail-edit" onClick={() => onEdit(s)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {s ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="supplier-detail">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('supplier.kind')}>{supplierKindLabel(t, s.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('supplier.region')}>{s.regionName ?? s.regionCode}</Descriptions.Item>
            <Descriptions.Item label={t('supplier.registrationNo')}>{s.registrationNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('supplier.contact')}>{[s.contactName, s.contactPhone].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('supplier.mechanisms')} span={2}>
              {s.mechanisms.length ? s.mechanisms.map((m) => <Tag key={m}>{mechanismLabel(t, m)}</Tag>) : '—'}
              {s.mechanismNote ? <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{s.mechanismNote}</div> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('supplier.householdsLinked')}>{s.householdsLinked}</Descriptions.Item>
            <Descriptions.Item label={t('supplier.peopleLinked')}>{s.peopleLinked}</Descriptions.Item>
            <Descriptions.Item label={t('supplier.products')} span={2}>
              <ProductCountTags counts={s.productCounts} testId="supplier-detail-counts" />
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('supplier.productList')}</Typography.Title>
            <ErrorAlert error={products.error} onRetry={products.reload} />
            <ProductsTable compact testId="supplier-detail-products" page={products.data} loading={products.loading} onPage={(p, pageSize) => setPage({ page: p, pageSize })} />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
