import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../src/platform/contract.ts';
import type { Product } from '../../../src/modules/products/products.contract.ts';
import { categoryLabel } from './consumptionEnums.ts';
import { ProductStatusTag } from './ProductStatusTag.tsx';
import { useT, type Translate } from '../../ui/i18n.tsx';
import { fenToYuanText } from '../../ui/money.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  page: Page<Product> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** Inside a supplier's detail: no supplier column. */
  compact?: boolean;
  testId?: string;
}

/** 初审 still to come: 待 N 个部门, or 已齐全 once every required department has spoken (only while under review). */
function opinionsCell(t: Translate, p: Product) {
  if (p.status !== 'applied' && p.status !== 'reviewing') return '—';
  const missing = p.missingOpinions?.length ?? 0;
  return (
    <Tag color={missing ? 'orange' : 'green'} data-testid={`product-opinions-${p.id}`} data-missing={missing}>
      {missing ? t('product.opinionsMissing', { n: missing }) : t('product.opinionsComplete')}
    </Tag>
  );
}

/** Products with their status; the name opens the product page (/certification/:id). */
export function ProductsTable({ page, loading, onPage, compact, testId = 'product-table' }: Props) {
  const t = useT();
  const columns: TableColumnsType<Product> = [
    {
      key: 'name',
      title: t('product.name'),
      render: (_, p) => (
        <Link to={`/certification/${p.id}`} data-testid={`product-link-${p.id}`}>
          {p.name}
        </Link>
      ),
    },
    ...(compact ? [] : [{ key: 'supplier', title: t('product.supplier'), render: (_: unknown, p: Product) => p.supplierName }]),
    { key: 'category', title: t('product.category'), width: 100, render: (_, p) => categoryLabel(t, p.category) },
    { key: 'county', title: t('product.county'), render: (_, p) => p.countyName ?? p.countyCode },
    { key: 'price', title: t('product.price'), align: 'right', render: (_, p) => t('product.priceValue', { price: fenToYuanText(p.priceFen), unit: p.unit }) },
    { key: 'status', title: t('product.status'), width: 100, render: (_, p) => <ProductStatusTag status={p.status} testId={`product-status-${p.id}`} /> },
    { key: 'opinions', title: t('product.opinions'), width: 130, render: (_, p) => opinionsCell(t, p) },
    { key: 'applied', title: t('product.appliedOn'), width: 110, render: (_, p) => p.appliedOn },
    { key: 'batch', title: t('product.batchNo'), render: (_, p) => p.batchNo ?? '—' },
    { key: 'valid', title: t('product.validUntil'), width: 110, render: (_, p) => p.validUntil ?? '—' },
  ];
  return (
    <Table<Product>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items ?? []}
      onRow={(p) => rowWithTestId(`product-row-${p.id}`, { 'data-status': p.status })}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: compact ? 900 : 1200 }}
      columns={columns}
    />
  );
}
