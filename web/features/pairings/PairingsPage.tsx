import { useState } from 'react';
import { Input, Select, Space } from 'antd';
import type { Pairing } from '../../../src/modules/pairings/pairings.contract.ts';
import { useDeletePairing, usePairingList } from './pairings.api.ts';
import { PairingsTable, type PairingSortField } from './PairingsTable.tsx';
import { PairingFormDrawer } from './PairingFormDrawer.tsx';
import { PairingDetailDrawer } from './PairingDetailDrawer.tsx';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { useOrg } from '../orgs/orgs.api.ts';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { yearOptions } from '../../ui/dates.ts';
import { PAIRING_STATUS_CODES, PAIRING_TYPE_CODES, optionsOf, pairingStatusLabel, pairingTypeLabel } from '../../ui/enums.ts';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';
import { useCan } from '../auth/session.tsx';

const PARAMS = ['type', 'status', 'org', 'region', 'year', 'q', 'page', 'pageSize', 'sort', 'order', 'open'] as const;
const SORTS: PairingSortField[] = ['startDate', 'type', 'createdAt'];

export function PairingsPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const query = {
    type: oneOf(params.type, PAIRING_TYPE_CODES),
    status: oneOf(params.status, PAIRING_STATUS_CODES),
    org: toInt(params.org),
    region: params.region,
    year: toInt(params.year),
    q: params.q,
    page: toInt(params.page) ?? 1,
    pageSize: toInt(params.pageSize) ?? 20,
    sort: oneOf(params.sort, SORTS) ?? 'startDate',
    order: oneOf(params.order, ['asc', 'desc'] as const) ?? 'desc',
  };
  const list = usePairingList(query);
  const orgFilter = useOrg(query.org ?? null);
  const regionFilter = useRegion(query.region);
  const remove = useDeletePairing();
  const [editing, setEditing] = useState<Pairing | 'new' | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  const canWrite = useCan('pairing:write');
  /** The open detail drawer lives in the URL (?open=12) so it can be linked to. */
  const openId = toInt(params.open) ?? null;
  const setOpenId = (id: number | null) => setParams({ open: id, page: query.page });

  const onDelete = useDeleteRecord<Pairing>(remove.run, t('pairing.deleted'), list.reload);

  return (
    <>
      <ListPageHeader title={t('nav.pairings')} createLabel={t('pairing.create')} createTestId="pairing-create" canCreate={canWrite} onCreate={() => setEditing('new')} />
      <Space wrap style={{ marginBottom: 16 }} data-testid="pairing-filters">
        <Input.Search data-testid="pairing-filter-q" placeholder={t('pairing.searchPlaceholder')} allowClear defaultValue={query.q} onSearch={(q) => setParams({ q: q.trim() })} style={{ width: 220 }} />
        <Select data-testid="pairing-filter-type" virtual={false} placeholder={t('pairing.type')} allowClear value={query.type} onChange={(type) => setParams({ type })} options={optionsOf(PAIRING_TYPE_CODES, (c) => pairingTypeLabel(t, c), 'pairing-filter-type')} style={{ width: 150 }} />
        <Select data-testid="pairing-filter-status" virtual={false} placeholder={t('pairing.status')} allowClear value={query.status} onChange={(status) => setParams({ status })} options={optionsOf(PAIRING_STATUS_CODES, (c) => pairingStatusLabel(t, c), 'pairing-filter-status')} style={{ width: 110 }} />
        <Select data-testid="pairing-filter-year" virtual={false} placeholder={t('pairing.year')} allowClear value={query.year} onChange={(year) => setParams({ year })} options={yearOptions(String, 'pairing-filter-year')} style={{ width: 110 }} />
        <OrgSearchSelect testId="pairing-filter-org" value={query.org ?? null} seed={orgFilter.data ? { id: orgFilter.data.id, name: orgFilter.data.name } : null} placeholder={t('pairing.filterOrg')} onChange={(org) => setParams({ org })} />
        <RegionSearchSelect
          testId="pairing-filter-region"
          value={query.region ?? null}
          seed={regionFilter.data ? { code: regionFilter.data.code, fullName: regionFilter.data.fullName, level: regionFilter.data.level } : null}
          placeholder={t('pairing.filterRegion')}
          onChange={(region) => setParams({ region })}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <PairingsTable
        page={list.data}
        loading={list.loading}
        sort={query.sort}
        order={query.order}
        onChange={(c) => setParams({ page: c.page, pageSize: c.pageSize, sort: c.sort, order: c.order })}
        onOpen={(p) => setOpenId(p.id)}
        onEdit={canWrite ? (p) => setEditing(p) : undefined}
        onDelete={canWrite ? onDelete : undefined}
      />
      <PairingDetailDrawer pairingId={openId} onClose={() => setOpenId(null)} onEdit={(p) => setEditing(p)} onChanged={list.reload} version={savedVersion} />
      <PairingFormDrawer
        open={editing !== null}
        pairing={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          setEditing(null);
          list.reload();
          setSavedVersion((v) => v + 1);
          setOpenId(p.id);
        }}
      />
    </>
  );
}
