import { useState } from 'react';
import { Input, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { Org } from '../../../src/modules/orgs/orgs.contract.ts';
import { useDeleteOrg, useOrgList } from './orgs.api.ts';
import { OrgsTable, type OrgSortField } from './OrgsTable.tsx';
import { OrgFormDrawer } from './OrgFormDrawer.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { ORG_TYPE_CODES, SIDE_CODES, optionsOf, orgTypeLabel, sideLabel } from '../../ui/enums.ts';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';
import { useCan } from '../auth/session.tsx';

const PARAMS = ['q', 'side', 'type', 'region', 'page', 'pageSize', 'sort', 'order'] as const;
const SORTS: OrgSortField[] = ['name', 'type', 'createdAt', 'regionCode'];

export function OrgsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams(PARAMS);
  const query = {
    q: params.q,
    side: oneOf(params.side, SIDE_CODES),
    type: oneOf(params.type, ORG_TYPE_CODES),
    region: params.region,
    page: toInt(params.page) ?? 1,
    pageSize: toInt(params.pageSize) ?? 20,
    sort: oneOf(params.sort, SORTS) ?? 'name',
    order: oneOf(params.order, ['asc', 'desc'] as const) ?? 'asc',
  };
  const list = useOrgList(query);
  const regionFilter = useRegion(query.region);
  const remove = useDeleteOrg();
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const canWrite = useCan('org:write');

  const onDelete = useDeleteRecord<Org>(remove.run, (org) => t('common.deleted', { name: org.name }), list.reload);

  return (
    <>
      <ListPageHeader title={t('nav.orgs')} createLabel={t('org.create')} createTestId="org-create" canCreate={canWrite} onCreate={() => setEditing('new')} />
      <Space wrap style={{ marginBottom: 16 }} data-testid="org-filters">
        <Input.Search data-testid="org-filter-q" placeholder={t('org.searchPlaceholder')} allowClear defaultValue={query.q} onSearch={(q) => setParams({ q: q.trim() })} style={{ width: 240 }} />
        <Select data-testid="org-filter-side" virtual={false} placeholder={t('org.side')} allowClear value={query.side} onChange={(side) => setParams({ side })} options={optionsOf(SIDE_CODES, (c) => sideLabel(t, c), 'org-filter-side')} style={{ width: 150 }} popupMatchSelectWidth={false} />
        <Select data-testid="org-filter-type" virtual={false} placeholder={t('org.type')} allowClear value={query.type} onChange={(type) => setParams({ type })} options={optionsOf(ORG_TYPE_CODES, (c) => orgTypeLabel(t, c), 'org-filter-type')} style={{ width: 220 }} popupMatchSelectWidth={false} />
        <RegionSearchSelect
          testId="org-filter-region"
          value={query.region ?? null}
          seed={regionFilter.data ? { code: regionFilter.data.code, fullName: regionFilter.data.fullName, level: regionFilter.data.level } : null}
          placeholder={t('org.filterRegion')}
          onChange={(region) => setParams({ region })}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <OrgsTable
        page={list.data}
        loading={list.loading}
        sort={query.sort}
        order={query.order}
        onChange={(c) => setParams({ page: c.page, pageSize: c.pageSize, sort: c.sort, order: c.order })}
        onEdit={canWrite ? (org) => setEditing(org) : undefined}
        onDelete={canWrite ? onDelete : undefined}
      />
      <OrgFormDrawer
        open={editing !== null}
        org={editing === 'new' ? null : editing}
        defaults={query.side ? { side: query.side } : undefined}
        onClose={() => setEditing(null)}
        onSaved={(org) => {
          const created = editing === 'new';
          setEditing(null);
          list.reload();
          if (created) navigate(`/orgs/${org.id}`);
        }}
      />
    </>
  );
}
