import { useState } from 'react';
import { Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useDeleteEdition, useEditionList, type EditionSummary } from './editions.api.ts';
import { EDITION_STATUS_CODES, editionStatusLabel } from './editionEnums.ts';
import { EditionsTable } from './EditionsTable.tsx';
import { EditionFormDrawer } from './EditionFormDrawer.tsx';
import { useCan } from '../auth/session.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['year', 'status', 'page', 'pageSize'] as const;

/** 简报编发 (/bulletin-editions): the editions by year and status; 新建简报 composes one and opens it. */
export function EditionsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = { year: toInt(params.year), status: oneOf(params.status, EDITION_STATUS_CODES) };
  const list = useEditionList({ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 });
  const canWrite = useCan('bulletin:write');
  const remove = useDeleteEdition();
  const onDelete = useDeleteRecord<EditionSummary>(remove.run, (e) => t('common.deleted', { name: `${e.title}${e.numberLabel}` }), list.reload);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <ListPageHeader title={t('edition.pageTitle')} createLabel={t('edition.create')} createTestId="edition-create" canCreate={canWrite} onCreate={() => setCreating(true)} />
      <Space wrap style={{ marginBottom: 16 }} data-testid="edition-filters">
        <Select data-testid="edition-filter-year" virtual={false} placeholder={t('edition.year')} allowClear value={filters.year} onChange={(year) => setParams({ year })} options={yearOptions(String, 'edition-filter-year')} style={{ width: 100 }} />
        <Select
          data-testid="edition-filter-status"
          virtual={false}
          placeholder={t('edition.status')}
          allowClear
          value={filters.status}
          onChange={(status) => setParams({ status })}
          options={optionsOf(EDITION_STATUS_CODES, (c) => editionStatusLabel(t, c), 'edition-filter-status')}
          style={{ width: 120 }}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <EditionsTable page={list.data} loading={list.loading} onPage={(page, pageSize) => setParams({ page, pageSize })} onDelete={canWrite ? onDelete : undefined} />
      <EditionFormDrawer open={creating} edition={null} onClose={() => setCreating(false)} onSaved={(e) => navigate(`/bulletin-editions/${e.id}`)} />
    </>
  );
}
