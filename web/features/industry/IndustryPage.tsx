import { useState } from 'react';
import { Input, Select, Space, Tabs, Typography } from 'antd';
import type { Enterprise } from '../../../src/modules/industry/industry.contract.ts';
import { INDUSTRY_CODES, PARK_KIND_CODES, industryLabel, parkKindLabel, useIndustryList, type IndustryKind, type IndustryRecord } from './industry.api.ts';
import { IndustryRecordsTab } from './IndustryRecordsTab.tsx';
import { IndustrySummaryCard } from './IndustrySummaryCard.tsx';
import { ENTERPRISE_KIND } from './enterpriseKind.tsx';
import { PARK_KIND } from './parkKind.tsx';
import { WORKSHOP_KIND } from './workshopKind.tsx';
import { FARMING_KIND } from './farmingKind.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { currentYear, yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

// Each kind has its own record and form types; the tabs only hand them to the generic tab.
const KINDS = [ENTERPRISE_KIND, PARK_KIND, WORKSHOP_KIND, FARMING_KIND] as unknown as IndustryKind<IndustryRecord, object>[];
const TABS = KINDS.map((k) => k.tab);
const PARAMS = ['tab', 'county', 'year', 'q', 'industry', 'kind', 'page', 'pageSize'] as const;

/**
 * 产业合作: the year's totals for a county, and a tab per record kind (引进企业, 园区基地, 帮扶车间, 订单农业) with
 * filters in the URL. With a year chosen, each tab lists exactly the records its figure counts.
 */
export function IndustryPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const tab = oneOf(params.tab, TABS) ?? 'enterprises';
  const filters = {
    county: params.county,
    year: toInt(params.year),
    q: params.q || undefined,
    industry: tab === 'enterprises' ? oneOf(params.industry, INDUSTRY_CODES) : undefined,
    kind: tab === 'parks' ? oneOf(params.kind, PARK_KIND_CODES) : undefined,
  };
  const countyFilter = useRegion(filters.county);
  const [version, setVersion] = useState(0);
  /** The totals are of the filtered year; without one, of the year of the latest enterprise signed (the current year when none). */
  const latest = useIndustryList<Enterprise>('/industry/enterprises', { county: filters.county, pageSize: 1, order: 'desc' }).data?.items[0];
  const summaryYear = filters.year ?? (latest ? Number(latest.signedOn.slice(0, 4)) : currentYear());

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.industry')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }} data-testid="industry-filters">
        <RegionSearchSelect
          testId="industry-filter-county"
          levels={[1, 2, 3]}
          value={filters.county ?? null}
          seed={countyFilter.data ? { code: countyFilter.data.code, fullName: countyFilter.data.fullName, level: countyFilter.data.level } : null}
          placeholder={t('industry.filterCounty')}
          onChange={(county) => setParams({ county, page: undefined })}
        />
        <Select data-testid="industry-filter-year" virtual={false} placeholder={t('industry.year')} allowClear value={filters.year} onChange={(year) => setParams({ year, page: undefined })} options={yearOptions(String, 'industry-filter-year')} style={{ width: 100 }} />
        <Input.Search data-testid="industry-filter-q" allowClear placeholder={t('industry.search')} defaultValue={filters.q} onSearch={(q) => setParams({ q: q || undefined, page: undefined })} style={{ width: 220 }} />
        {tab === 'enterprises' ? (
          <Select data-testid="industry-filter-industry" virtual={false} placeholder={t('industry.industry')} allowClear value={filters.industry} onChange={(industry) => setParams({ industry, page: undefined })} options={optionsOf(INDUSTRY_CODES, (c) => industryLabel(t, c), 'industry-filter-industry')} style={{ width: 150 }} />
        ) : null}
        {tab === 'parks' ? (
          <Select data-testid="industry-filter-kind" virtual={false} placeholder={t('industry.parkKind')} allowClear value={filters.kind} onChange={(kind) => setParams({ kind, page: undefined })} options={optionsOf(PARK_KIND_CODES, (c) => parkKindLabel(t, c), 'industry-filter-kind')} style={{ width: 150 }} />
        ) : null}
      </Space>
      <IndustrySummaryCard key={`${summaryYear}-${version}`} year={summaryYear} county={filters.county} />
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams({ tab: next, page: undefined })}
        items={KINDS.map((k) => ({
          key: k.tab,
          label: <span data-testid={`industry-tab-${k.tab}`}>{t(k.title)}</span>,
          children:
            k.tab === tab ? (
              <IndustryRecordsTab kind={k} params={{ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20, order: 'desc' }} onPage={(page, pageSize) => setParams({ page, pageSize })} onChanged={() => setVersion((v) => v + 1)} />
            ) : null,
        }))}
      />
    </>
  );
}
