import { useState } from 'react';
import { Input, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { Supplier } from '../../../src/modules/suppliers/suppliers.contract.ts';
import { useDeleteSupplier, useSupplierList } from './suppliers.api.ts';
import { SUPPLIER_KIND_CODES, supplierKindLabel } from './consumptionEnums.ts';
import { SuppliersTable } from './SuppliersTable.tsx';
import { SupplierFormDrawer } from './SupplierFormDrawer.tsx';
import { SupplierDetailDrawer } from './SupplierDetailDrawer.tsx';
import { ProductFormDrawer } from './ProductFormDrawer.tsx';
import { RegionFilter } from '../regions/RegionFilter.tsx';
import { useCan } from '../auth/session.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['q', 'county', 'kind', 'page', 'pageSize', 'open'] as const;

/** 供应主体: filters in the URL, the list with products by status, the form, the detail drawer (?open=ID) with its products. */
export function SuppliersPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = { q: params.q, county: params.county, kind: oneOf(params.kind, SUPPLIER_KIND_CODES) };
  const list = useSupplierList({ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 });
  const canWrite = useCan('consumption:write');
  const remove = useDeleteSupplier();
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const [applyingFor, setApplyingFor] = useState<Supplier | null>(null);
  const [version, setVersion] = useState(0);
  const openId = toInt(params.open) ?? null;
  const setOpen = (id: number | null) => setParams({ open: id, page: params.page });

  const onDelete = useDeleteRecord<Supplier>(remove.run, (s) => t('common.deleted', { name: s.name }), list.reload);

  return (
    <>
      <ListPageHeader title={t('nav.suppliers')} createLabel={t('supplier.create')} createTestId="supplier-create" canCreate={canWrite} onCreate={() => setEditing('new')} />
      <Space wrap style={{ marginBottom: 16 }} data-testid="supplier-filters">
        <Input.Search data-testid="supplier-filter-q" placeholder={t('supplier.searchPlaceholder')} allowClear defaultValue={filters.q} onSearch={(q) => setParams({ q: q.trim() })} style={{ width: 240 }} />
        <RegionFilter testId="supplier-filter-county" value={filters.county} onChange={(county) => setParams({ county })} placeholder={t('consumption.filterCounty')} />
        <Select data-testid="supplier-filter-kind" virtual={false} placeholder={t('supplier.kind')} allowClear value={filters.kind} onChange={(kind) => setParams({ kind })} options={optionsOf(SUPPLIER_KIND_CODES, (c) => supplierKindLabel(t, c), 'supplier-filter-kind')} style={{ width: 160 }} />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <SuppliersTable
        page={list.data}
        loading={list.loading}
        onPage={(page, pageSize) => setParams({ page, pageSize })}
        onOpen={(s) => setOpen(s.id)}
        onEdit={canWrite ? setEditing : undefined}
        onDelete={canWrite ? onDelete : undefined}
      />
      <SupplierDetailDrawer id={openId} version={version} onClose={() => setOpen(null)} onEdit={canWrite ? setEditing : undefined} onApply={canWrite ? setApplyingFor : undefined} />
      <SupplierFormDrawer
        open={editing !== null}
        supplier={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
          setVersion((v) => v + 1);
        }}
      />
      <ProductFormDrawer open={applyingFor !== null} product={null} supplier={applyingFor} onClose={() => setApplyingFor(null)} onSaved={(p) => navigate(`/certification/${p.id}`)} />
    </>
  );
}
