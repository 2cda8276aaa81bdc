import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { Page } from '../../../src/platform/contract.ts';
import type { Supplier } from '../../../src/modules/suppliers/suppliers.contract.ts';
import { mechanismLabel, supplierKindLabel } from './consumptionEnums.ts';
import { ProductCountTags } from './ProductStatusTag.tsx';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  page: Page<Supplier> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (s: Supplier) => void;
  /** Given only to users with consumption:write. */
  onEdit?: (s: Supplier) => void;
  onDelete?: (s: Supplier) => void;
}

export function SuppliersTable({ page, loading, onPage, onOpen, onEdit, onDelete }: Props) {
  const t = useT();
  return (
    <Table<Supplier>
      data-testid="supplier-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items ?? []}
      onRow={(s) => rowWithTestId(`supplier-row-${s.id}`, { 'data-kind': s.kind })}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1100 }}
      columns={[
        {
          key: 'name',
          title: t('supplier.name'),
          render: (_, s) => (
            <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} data-testid={`supplier-open-${s.id}`} onClick={() => onOpen(s)}>
              {s.name}
            </Button>
          ),
        },
        { key: 'kind', title: t('supplier.kind'), width: 130, render: (_, s) => supplierKindLabel(t, s.kind) },
        { key: 'county', title: t('supplier.county'), render: (_, s) => s.countyName ?? s.countyCode },
        {
          key: 'mechanisms',
          title: t('supplier.mechanisms'),
          render: (_, s) => (s.mechanisms.length ? s.mechanisms.map((m) => <Tag key={m}>{mechanismLabel(t, m)}</Tag>) : '—'),
        },
        { key: 'linked', title: t('supplier.linked'), align: 'right', width: 150, render: (_, s) => <span data-testid={`supplier-linked-${s.id}`}>{t('supplier.linkedValue', { households: s.householdsLinked, people: s.peopleLinked })}</span> },
        { key: 'products', title: t('supplier.products'), render: (_, s) => <ProductCountTags counts={s.productCounts} testId={`supplier-products-${s.id}`} /> },
        ...(onEdit && onDelete
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 130,
                render: (_: unknown, s: Supplier) => (
                  <Space size={0}>
                    <Button size="small" type="link" data-testid={`supplier-edit-${s.id}`} onClick={() => onEdit(s)}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm title={t('supplier.deleteConfirm', { name: s.name })} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`supplier-delete-confirm-${s.id}`, { danger: true })} onConfirm={() => onDelete(s)}>
                      <Button size="small" type="link" danger data-testid={`supplier-delete-${s.id}`}>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
