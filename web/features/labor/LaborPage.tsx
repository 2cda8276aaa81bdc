import { useState } from 'react';
import { Select, Space, Tabs, Typography } from 'antd';
import type { Placement } from '../../../src/modules/labor/labor.contract.ts';
import { DESTINATION_CODES, MONTHS, destinationLabel, useLaborList, type LaborKind, type LaborRecord } from './labor.api.ts';
import { LaborRecordsTab } from './LaborRecordsTab.tsx';
import { LaborSummaryCard } from './LaborSummaryCard.tsx';
import { PLACEMENT_KIND } from './placementKind.tsx';
import { FAIR_KIND } from './fairKind.tsx';
import { WORKSTATION_KIND } from './workstationKind.tsx';
import { RETENTION_KIND } from './retentionKind.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { currentYear, yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

// Each kind has its own record and form types; the tabs only hand them to the generic tab.
const KINDS = [PLACEMENT_KIND, FAIR_KIND, WORKSTATION_KIND, RETENTION_KIND] as unknown as LaborKind<LaborRecord, object>[];
const TABS = KINDS.map((k) => k.tab);
const PARAMS = ['tab', 'county', 'year', 'month', 'destination', 'page', 'pageSize'] as const;

/** 劳务协作: the year's totals for a county, and a tab per record kind (劳务输出, 招聘会, 工作站, 稳岗) with filters in the URL. */
export function LaborPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const tab = oneOf(params.tab, TABS) ?? 'placements';
  const filters = { county: params.county, year: toInt(params.year), month: tab === 'workstations' ? undefined : toInt(params.month), destination: tab === 'placements' ? oneOf(params.destination, DESTINATION_CODES) : undefined };
  const countyFilter = useRegion(filters.county);
  const [version, setVersion] = useState(0);
  /** The totals are of the filtered year; without one, of the latest year with placements (the current year when none). */
  const latest = useLaborList<Placement>('/labor/placements', { county: filters.county, pageSize: 1, order: 'desc' }).data?.items[0];
  const summaryYear = filters.year ?? latest?.year ?? currentYear();

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.labor')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }} data-testid="labor-filters">
        <RegionSearchSelect
          testId="labor-filter-county"
          levels={[1, 2, 3]}
          value={filters.county ?? null}
          seed={countyFilter.data ? { code: countyFilter.data.code, fullName: countyFilter.data.fullName, level: countyFilter.data.level } : null}
          placeholder={t('labor.filterCounty')}
          onChange={(county) => setParams({ county })}
        />
        <Select data-testid="labor-filter-year" virtual={false} placeholder={t('labor.year')} allowClear value={filters.year} onChange={(year) => setParams({ year })} options={yearOptions(String, 'labor-filter-year')} style={{ width: 100 }} />
        {tab !== 'workstations' ? (
          <Select data-testid="labor-filter-month" virtual={false} placeholder={t('labor.month')} allowClear value={filters.month} onChange={(month) => setParams({ month })} options={MONTHS.map((m) => ({ value: m, label: t('labor.monthN', { m }), 'data-testid': `labor-filter-month-option-${m}` }))} style={{ width: 100 }} />
        ) : null}
        {tab === 'placements' ? (
          <Select data-testid="labor-filter-destination" virtual={false} placeholder={t('labor.destination')} allowClear value={filters.destination} onChange={(destination) => setParams({ destination })} options={optionsOf(DESTINATION_CODES, (c) => destinationLabel(t, c), 'labor-filter-destination')} style={{ width: 190 }} popupMatchSelectWidth={false} />
        ) : null}
      </Space>
      <LaborSummaryCard key={`${summaryYear}-${version}`} year={summaryYear} county={filters.county} />
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams({ tab: next })}
        items={KINDS.map((k) => ({
          key: k.tab,
          label: <span data-testid={`labor-tab-${k.tab}`}>{t(k.title)}</span>,
          children:
            k.tab === tab ? (
              <LaborRecordsTab kind={k} params={{ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20, order: 'desc' }} onPage={(page, pageSize) => setParams({ page, pageSize })} onChanged={() => setVersion((v) => v + 1)} />
            ) : null,
        }))}
      />
    </>
  );
}
