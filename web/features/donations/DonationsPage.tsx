import { useState } from 'react';
import { Select, Space } from 'antd';
import type { Donation } from '../../../src/modules/donations/donations.contract.ts';
import { DONATION_KIND_CODES, donationKindLabel, useDeleteDonation, useDonationList } from './donations.api.ts';
import { DonationsTable } from './DonationsTable.tsx';
import { DonationTotals } from './DonationTotals.tsx';
import { DonationFormModal } from './DonationFormModal.tsx';
import { DonationDetailModal } from './DonationDetailModal.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { useCan } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['kind', 'county', 'pairing', 'year', 'page', 'pageSize', 'open'] as const;

/** 社会帮扶: donations with filters in the URL, cash and goods totals apart, the form, Excel import/export. */
export function DonationsPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = { kind: oneOf(params.kind, DONATION_KIND_CODES), county: params.county, pairing: toInt(params.pairing), year: toInt(params.year) };
  const list = useDonationList({ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 });
  const countyFilter = useRegion(filters.county);
  const canWrite = useCan('activity:write');
  const remove = useDeleteDonation();
  const [editing, setEditing] = useState<Donation | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const openId = toInt(params.open) ?? null;
  const changed = () => {
    list.reload();
    setVersion((v) => v + 1);
  };
  const onDelete = useDeleteRecord<Donation>(remove.run, t('donation.deleted'), changed);

  return (
    <>
      <ListPageHeader
        title={t('nav.donations')}
        createLabel={t('donation.create')}
        createTestId="donation-create"
        canCreate={canWrite}
        onCreate={() => setEditing('new')}
        extra={<SheetActions path="/donations" testId="donation" what={t('donation.what')} fileStem="捐赠" exportQuery={filters} canWrite={canWrite} onImported={changed} />}
      />
      <Space wrap style={{ marginBottom: 16 }} data-testid="donation-filters">
        <Select data-testid="donation-filter-kind" virtual={false} placeholder={t('donation.kind')} allowClear value={filters.kind} onChange={(kind) => setParams({ kind })} options={optionsOf(DONATION_KIND_CODES, (c) => donationKindLabel(t, c), 'donation-filter-kind')} style={{ width: 110 }} />
        <RegionSearchSelect
          testId="donation-filter-county"
          levels={[3]}
          value={filters.county ?? null}
          seed={countyFilter.data ? { code: countyFilter.data.code, fullName: countyFilter.data.fullName, level: countyFilter.data.level } : null}
          placeholder={t('donation.filterCounty')}
          onChange={(county) => setParams({ county })}
        />
        <PairingSearchSelect testId="donation-filter-pairing" value={filters.pairing ?? null} onChange={(pairing) => setParams({ pairing })} />
        <Select data-testid="donation-filter-year" virtual={false} placeholder={t('donation.year')} allowClear value={filters.year} onChange={(year) => setParams({ year })} options={yearOptions(String, 'donation-filter-year')} style={{ width: 100 }} />
      </Space>
      <DonationTotals county={filters.county} year={filters.year} pairing={filters.pairing} version={version} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <DonationsTable
        page={list.data}
        loading={list.loading}
        onPage={(page, pageSize) => setParams({ page, pageSize })}
        onOpen={(d) => setParams({ open: d.id, page: params.page })}
        onEdit={canWrite ? setEditing : undefined}
        onDelete={canWrite ? onDelete : undefined}
      />
      <DonationDetailModal
        id={openId}
        onClose={() => setParams({ open: null, page: params.page })}
        onEdit={
          canWrite
            ? (d) => {
                setParams({ open: null, page: params.page });
                setEditing(d);
              }
            : undefined
        }
      />
      <DonationFormModal
        open={editing !== null}
        donation={editing === 'new' ? null : editing}
        defaults={{ pairingId: filters.pairing }}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
    </>
  );
}
