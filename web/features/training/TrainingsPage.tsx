import { useState } from 'react';
import { Select, Space } from 'antd';
import type { Training } from '../../../src/modules/training/training.contract.ts';
import { TARGET_GROUP_CODES, TRAINING_KIND_CODES, targetGroupLabel, trainingKindLabel, useDeleteTraining, useTrainingList } from './training.api.ts';
import { TrainingsTable } from './TrainingsTable.tsx';
import { TrainingSummaryCard } from './TrainingSummaryCard.tsx';
import { TrainingFormModal } from './TrainingFormModal.tsx';
import { TrainingDetailModal } from './TrainingDetailModal.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { useCan } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { currentYear, yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { useOrgNames, useRegionNames } from '../../ui/useNames.ts';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['kind', 'targetGroup', 'county', 'year', 'pairing', 'page', 'pageSize', 'open'] as const;

/** 培训交流: the year's summary with 同比, the list with filters in the URL, the form, Excel import/export. */
export function TrainingsPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = { kind: oneOf(params.kind, TRAINING_KIND_CODES), targetGroup: oneOf(params.targetGroup, TARGET_GROUP_CODES), county: params.county, year: toInt(params.year), pairing: toInt(params.pairing) };
  const list = useTrainingList({ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 });
  const items = list.data?.items ?? [];
  const orgNames = useOrgNames(items.map((x) => x.organiserOrgId));
  const regionNames = useRegionNames(items.map((x) => x.countyCode));
  const countyFilter = useRegion(filters.county);
  const canWrite = useCan('activity:write');
  const remove = useDeleteTraining();
  const [editing, setEditing] = useState<Training | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  /** The summary is of the filtered year, else of the newest training's year. */
  const summaryYear = filters.year ?? (items[0] ? Number(items[0].startDate.slice(0, 4)) : currentYear());
  const changed = () => {
    list.reload();
    setVersion((v) => v + 1);
  };
  const onDelete = useDeleteRecord<Training>(remove.run, t('training.deleted'), changed);
  const edit = (x: Training) => {
    setParams({ open: null, page: params.page });
    setEditing(x);
  };

  return (
    <>
      <ListPageHeader
        title={t('nav.training')}
        createLabel={t('training.create')}
        createTestId="training-create"
        canCreate={canWrite}
        onCreate={() => setEditing('new')}
        extra={<SheetActions path="/trainings" testId="training" what={t('training.what')} fileStem="培训" exportQuery={filters} canWrite={canWrite} onImported={changed} />}
      />
      <Space wrap style={{ marginBottom: 16 }} data-testid="training-filters">
        <Select data-testid="training-filter-year" virtual={false} placeholder={t('training.year')} allowClear value={filters.year} onChange={(year) => setParams({ year })} options={yearOptions(String, 'training-filter-year')} style={{ width: 100 }} />
        <Select data-testid="training-filter-kind" virtual={false} placeholder={t('training.kind')} allowClear value={filters.kind} onChange={(kind) => setParams({ kind })} options={optionsOf(TRAINING_KIND_CODES, (c) => trainingKindLabel(t, c), 'training-filter-kind')} style={{ width: 120 }} />
        <Select data-testid="training-filter-target" virtual={false} placeholder={t('training.targetGroup')} allowClear value={filters.targetGroup} onChange={(targetGroup) => setParams({ targetGroup })} options={optionsOf(TARGET_GROUP_CODES, (c) => targetGroupLabel(t, c), 'training-filter-target')} style={{ width: 150 }} popupMatchSelectWidth={false} />
        <RegionSearchSelect
          testId="training-filter-county"
          levels={[3]}
          value={filters.county ?? null}
          seed={countyFilter.data ? { code: countyFilter.data.code, fullName: countyFilter.data.fullName, level: countyFilter.data.level } : null}
          placeholder={t('training.filterCounty')}
          onChange={(county) => setParams({ county })}
        />
        <PairingSearchSelect testId="training-filter-pairing" value={filters.pairing ?? null} onChange={(pairing) => setParams({ pairing })} />
      </Space>
      <TrainingSummaryCard key={`${summaryYear}-${version}`} year={summaryYear} county={filters.county} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <TrainingsTable
        page={list.data}
        loading={list.loading}
        orgNames={orgNames}
        regionNames={regionNames}
        onPage={(page, pageSize) => setParams({ page, pageSize })}
        onOpen={(x) => setParams({ open: x.id, page: params.page })}
        onEdit={canWrite ? edit : undefined}
        onDelete={canWrite ? onDelete : undefined}
      />
      <TrainingDetailModal id={toInt(params.open) ?? null} onClose={() => setParams({ open: null, page: params.page })} onEdit={canWrite ? edit : undefined} />
      <TrainingFormModal
        open={editing !== null}
        training={editing === 'new' ? null : editing}
        names={editing && editing !== 'new' ? { organiser: editing.organiserOrgId ? orgNames.get(editing.organiserOrgId) : undefined, county: editing.countyCode ? regionNames.get(editing.countyCode) : undefined } : undefined}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
    </>
  );
}
