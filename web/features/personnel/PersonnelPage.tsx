import { useState } from 'react';
import { Input, Select, Space } from 'antd';
import type { Dispatch } from '../../../src/modules/personnel/personnel.contract.ts';
import { CATEGORY_CODES, DISPATCH_STATUS_CODES, PROGRAMME_CODES, categoryLabel, dispatchStatusLabel, programmeLabel, useDeleteDispatch, useDispatchList } from './personnel.api.ts';
import { DispatchesTable } from './DispatchesTable.tsx';
import { PersonnelSummaryCard } from './PersonnelSummaryCard.tsx';
import { DispatchFormDrawer } from './DispatchFormDrawer.tsx';
import { DispatchStatusModal } from './DispatchStatusModal.tsx';
import { DispatchDetailModal } from './DispatchDetailModal.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { useCan } from '../auth/session.tsx';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { currentYear, yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['q', 'category', 'programme', 'batch', 'status', 'county', 'year', 'page', 'pageSize', 'open'] as const;

/** 援派干部人才: the year's counts by category, dispatches with filters in the URL, the form, status changes, replacements. */
export function PersonnelPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = {
    q: params.q, category: oneOf(params.category, CATEGORY_CODES), programme: oneOf(params.programme, PROGRAMME_CODES), batch: params.batch,
    status: oneOf(params.status, DISPATCH_STATUS_CODES), county: params.county, year: toInt(params.year),
  };
  const list = useDispatchList({ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20, order: 'desc' });
  const countyFilter = useRegion(filters.county);
  const canWrite = useCan('personnel:write');
  const remove = useDeleteDispatch();
  const [editing, setEditing] = useState<Dispatch | 'new' | null>(null);
  const [statusOf, setStatusOf] = useState<Dispatch | null>(null);
  const [version, setVersion] = useState(0);
  const newest = list.data?.items[0];
  const summaryYear = filters.year ?? (newest ? Math.min(currentYear(), Number(newest.termStart.slice(0, 4))) : currentYear());
  const changed = () => {
    list.reload();
    setVersion((v) => v + 1);
  };
  const onDelete = useDeleteRecord<Dispatch>(remove.run, t('dispatch.deleted'), changed);
  const open = (id: number | null) => setParams({ open: id, page: params.page });

  return (
    <>
      <ListPageHeader
        title={t('nav.personnel')}
        createLabel={t('dispatch.create')}
        createTestId="dispatch-create"
        canCreate={canWrite}
        onCreate={() => setEditing('new')}
        extra={<SheetActions path="/dispatches" testId="dispatch-sheet" what={t('nav.personnel')} fileStem="援派干部人才" exportQuery={filters} canWrite={canWrite} onImported={list.reload} />}
      />
      <Space wrap style={{ marginBottom: 16 }} data-testid="dispatch-filters">
        <Input.Search data-testid="dispatch-filter-q" placeholder={t('dispatch.searchPlaceholder')} allowClear defaultValue={filters.q} onSearch={(q) => setParams({ q: q.trim() })} style={{ width: 160 }} />
        <Select data-testid="dispatch-filter-year" virtual={false} placeholder={t('dispatch.year')} allowClear value={filters.year} onChange={(year) => setParams({ year })} options={yearOptions(String, 'dispatch-filter-year')} style={{ width: 100 }} />
        <Select data-testid="dispatch-filter-category" virtual={false} placeholder={t('dispatch.category')} allowClear value={filters.category} onChange={(category) => setParams({ category })} options={optionsOf(CATEGORY_CODES, (c) => categoryLabel(t, c), 'dispatch-filter-category')} style={{ width: 170 }} popupMatchSelectWidth={false} />
        <Select data-testid="dispatch-filter-programme" virtual={false} placeholder={t('dispatch.programme')} allowClear value={filters.programme} onChange={(programme) => setParams({ programme })} options={optionsOf(PROGRAMME_CODES, (c) => programmeLabel(t, c), 'dispatch-filter-programme')} style={{ width: 130 }} />
        <Input.Search data-testid="dispatch-filter-batch" placeholder={t('dispatch.batch')} allowClear defaultValue={filters.batch} onSearch={(batch) => setParams({ batch: batch.trim() })} style={{ width: 150 }} />
        <Select data-testid="dispatch-filter-status" virtual={false} placeholder={t('dispatch.status')} allowClear value={filters.status} onChange={(status) => setParams({ status })} options={optionsOf(DISPATCH_STATUS_CODES, (c) => dispatchStatusLabel(t, c), 'dispatch-filter-status')} style={{ width: 120 }} />
        <RegionSearchSelect
          testId="dispatch-filter-county"
          levels={[1, 2, 3]}
          value={filters.county ?? null}
          seed={countyFilter.data ? { code: countyFilter.data.code, fullName: countyFilter.data.fullName, level: countyFilter.data.level } : null}
          placeholder={t('dispatch.filterCounty')}
          onChange={(county) => setParams({ county })}
        />
      </Space>
      <PersonnelSummaryCard key={`${summaryYear}-${version}`} year={summaryYear} county={filters.county} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <DispatchesTable
        page={list.data}
        loading={list.loading}
        onPage={(page, pageSize) => setParams({ page, pageSize })}
        onOpen={open}
        onEdit={canWrite ? setEditing : undefined}
        onStatus={canWrite ? setStatusOf : undefined}
        onDelete={canWrite ? onDelete : undefined}
      />
      <DispatchDetailModal id={toInt(params.open) ?? null} onOpen={open} onClose={() => open(null)} />
      <DispatchStatusModal
        dispatch={statusOf}
        onClose={() => setStatusOf(null)}
        onSaved={() => {
          setStatusOf(null);
          changed();
        }}
      />
      <DispatchFormDrawer
        open={editing !== null}
        dispatch={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
    </>
  );
}
