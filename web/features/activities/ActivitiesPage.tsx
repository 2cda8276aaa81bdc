import { useState } from 'react';
import { DatePicker, Input, Pagination, Select, Space, Spin } from 'antd';
import type { Activity } from '../../../src/modules/activities/activities.contract.ts';
import { useActivityList } from './activities.api.ts';
import { ACTIVITY_TYPE_CODES, activityTypeLabel } from './activityEnums.ts';
import { ActivityTimeline } from './ActivityTimeline.tsx';
import { ActivityDetailDrawer } from './ActivityDetailDrawer.tsx';
import { ActivityFormDrawer } from './ActivityFormDrawer.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { useCan } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['pairing', 'county', 'type', 'from', 'to', 'q', 'page', 'pageSize', 'open'] as const;

/** 工作动态: a timeline by month with filters in the URL (a pairing's filter is its timeline), the detail drawer (?open=ID), the form, Excel. */
export function ActivitiesPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = { pairing: toInt(params.pairing), county: params.county, type: oneOf(params.type, ACTIVITY_TYPE_CODES), from: params.from, to: params.to, q: params.q };
  const query = { ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 };
  const list = useActivityList(query);
  const countyFilter = useRegion(filters.county);
  const canWrite = useCan('activity:write');
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const openId = toInt(params.open) ?? null;
  const setOpen = (id: number | null) => setParams({ open: id, page: query.page });

  return (
    <>
      <ListPageHeader
        title={t('nav.activities')}
        createLabel={t('activity.create')}
        createTestId="activity-create"
        canCreate={canWrite}
        onCreate={() => setEditing('new')}
        extra={<SheetActions path="/activities" testId="activity" what={t('activity.what')} fileStem="工作动态" exportQuery={filters} canWrite={canWrite} onImported={list.reload} />}
      />
      <Space wrap style={{ marginBottom: 16 }} data-testid="activity-filters">
        <Input.Search data-testid="activity-filter-q" placeholder={t('activity.searchPlaceholder')} allowClear defaultValue={filters.q} onSearch={(q) => setParams({ q: q.trim() })} style={{ width: 200 }} />
        <PairingSearchSelect testId="activity-filter-pairing" value={filters.pairing ?? null} onChange={(pairing) => setParams({ pairing })} />
        <RegionSearchSelect
          testId="activity-filter-county"
          levels={[3]}
          value={filters.county ?? null}
          seed={countyFilter.data ? { code: countyFilter.data.code, fullName: countyFilter.data.fullName, level: countyFilter.data.level } : null}
          placeholder={t('activity.filterCounty')}
          onChange={(county) => setParams({ county })}
        />
        <Select data-testid="activity-filter-type" virtual={false} placeholder={t('activity.type')} allowClear value={filters.type} onChange={(type) => setParams({ type })} options={optionsOf(ACTIVITY_TYPE_CODES, (c) => activityTypeLabel(t, c), 'activity-filter-type')} style={{ width: 170 }} popupMatchSelectWidth={false} />
        <DatePicker.RangePicker
          data-testid="activity-filter-dates"
          allowEmpty={[true, true]}
          value={[fromIsoDate(filters.from), fromIsoDate(filters.to)]}
          onChange={(range) => setParams({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]) })}
          placeholder={[t('activity.from'), t('activity.to')]}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Spin spinning={list.loading}>
        <div data-testid="activity-timeline" style={{ minHeight: 120 }}>
          {list.data ? <ActivityTimeline activities={list.data.items} testId="activity-timeline" itemTestId="activity-row" onOpen={(a) => setOpen(a.id)} /> : null}
        </div>
      </Spin>
      {list.data && list.data.total > 0 ? (
        <Pagination
          style={{ marginTop: 16 }}
          current={list.data.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          showSizeChanger
          showTotal={(n) => t('common.totalItems', { n })}
          onChange={(page, pageSize) => setParams({ page, pageSize })}
        />
      ) : null}
      <ActivityDetailDrawer id={openId} version={version} onClose={() => setOpen(null)} onEdit={setEditing} onDeleted={() => { setOpen(null); list.reload(); }} />
      <ActivityFormDrawer
        open={editing !== null}
        activity={editing === 'new' ? null : editing}
        pairingId={filters.pairing}
        onClose={() => setEditing(null)}
        onSaved={(a) => {
          setEditing(null);
          list.reload();
          setVersion((v) => v + 1);
          setOpen(a.id);
        }}
      />
    </>
  );
}
