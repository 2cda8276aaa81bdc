import { Table } from 'antd';
import type { Catalogue, CatalogueItem } from './catalogue.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { fenToYuanText } from '../../ui/money.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  data: Catalogue | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** The certified products a buyer can choose from: what, where from, who sells it, at what price, 批次号 and 有效期. */
export function CatalogueTable({ data, loading, onPage }: Props) {
  const t = useT();
  return (
    <Table<CatalogueItem>
      data-testid="catalogue-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      onRow={(i) => rowWithTestId(`catalogue-row-${i.id}`, { 'data-category': i.category, 'data-county': i.countyCode })}
      pagination={{ current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1000 }}
      columns={[
        { key: 'name', title: t('product.name'), render: (_, i) => i.name },
        { key: 'category', title: t('product.category'), width: 100, render: (_, i) => i.categoryLabel },
        { key: 'county', title: t('product.county'), render: (_, i) => i.countyName ?? i.countyCode },
        { key: 'supplier', title: t('product.supplier'), render: (_, i) => i.supplierName },
        { key: 'spec', title: t('product.specification'), render: (_, i) => i.specification },
        { key: 'price', title: t('product.price'), align: 'right', render: (_, i) => <span data-fen={i.priceFen}>{t('product.priceValue', { price: fenToYuanText(i.priceFen), unit: i.unit })}</span> },
        { key: 'batch', title: t('product.batchNo'), render: (_, i) => i.batchNo },
        { key: 'valid', title: t('product.validUntil'), width: 110, render: (_, i) => i.validUntil },
      ]}
    />
  );
}
