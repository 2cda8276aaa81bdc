import { useState } from 'react';
import { Button, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ENTRY_FILE_STEMS, ENTRY_PATHS, useDeleteEntry, useEntryList, type Entry, type EntryKind, type EntryListParams } from './entries.api.ts';
import { EntryForm } from './EntryForm.tsx';
import { AREA_CODES, SCOPE_KIND_CODES, useIndicatorDefinitions } from './indicators.api.ts';
import { areaLabel, formatFigurePct, unitLabel, useApiName } from './indicatorFormat.ts';
import { useCan } from '../auth/session.tsx';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { yearOptions } from '../../ui/dates.ts';
import { label, optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  kind: EntryKind;
  filters: Omit<EntryListParams, 'page' | 'pageSize'>;
  page: number;
  pageSize: number;
  onFilters: (patch: Record<string, string | number | null>) => void;
}

/** One kind of entered figures (考核目标 or 填报数据): filters, 新增 and Excel (indicator:write), the table with 编辑/删除. */
export function EntriesTab({ kind, filters, page, pageSize, onFilters }: Props) {
  const t = useT();
  const nameOf = useApiName();
  const canWrite = useCan('indicator:write');
  const defs = useIndicatorDefinitions();
  const list = useEntryList(kind, { ...filters, page, pageSize });
  const remove = useDeleteEntry(kind);
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const onDelete = useDeleteRecord<Entry>(remove.run, (e) => t('common.deleted', { name: `${e.indicatorName} · ${e.scopeName} · ${e.year}` }), list.reload);
  const stem = kind === 'target' ? 'targets' : 'reported';

  const indicatorOptions = AREA_CODES.map((area) => ({
    label: areaLabel(t, area),
    title: area,
    options: (defs.data ?? []).filter((d) => d.area === area).map((d) => ({ value: d.code, label: nameOf('indicatorName', d.code, d.name), 'data-testid': `${stem}-filter-indicator-option-${d.code}` })),
  })).filter((g) => g.options.length);

  const periodText = (e: Entry) => (e.quarter ? t('entry.yearQuarter', { year: e.year, q: e.quarter }) : e.month ? t('entry.yearMonth', { year: e.year, m: e.month }) : t('dash.yearOption', { year: e.year }));

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap data-testid={`${stem}-filters`}>
          <Select
            data-testid={`${stem}-filter-indicator`}
            virtual={false}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('ind.indicator')}
            value={filters.indicator}
            onChange={(indicator?: string) => onFilters({ indicator: indicator ?? null })}
            options={indicatorOptions}
            style={{ width: 240 }}
            popupMatchSelectWidth={false}
          />
          <Select data-testid={`${stem}-filter-year`} virtual={false} allowClear placeholder={t('entry.year')} value={filters.year} onChange={(year?: number) => onFilters({ year: year ?? null })} options={yearOptions((y) => t('dash.yearOption', { year: y }), `${stem}-filter-year`)} style={{ width: 120 }} />
          <Select
            data-testid={`${stem}-filter-scope-kind`}
            virtual={false}
            allowClear
            placeholder={t('entry.scopeKind')}
            value={filters.scopeKind}
            onChange={(scopeKind?: string) => onFilters({ scopeKind: scopeKind ?? null })}
            options={optionsOf(SCOPE_KIND_CODES, (k) => label(t, 'entryScopeKind', k), `${stem}-filter-scope-kind`)}
            style={{ width: 140 }}
          />
        </Space>
        <Space wrap>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} data-testid={`${stem}-create`} onClick={() => setEditing('new')}>
              {t(kind === 'target' ? 'entry.createTarget' : 'entry.createReported')}
            </Button>
          ) : null}
          <SheetActions path={ENTRY_PATHS[kind]} testId={`${stem}-sheet`} what={t(kind === 'target' ? 'entry.targets' : 'entry.reportedFigures')} fileStem={ENTRY_FILE_STEMS[kind]} exportQuery={filters} canWrite={canWrite} onImported={list.reload} />
        </Space>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Entry>
        data-testid={`${stem}-table`}
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t(kind === 'target' ? 'entry.emptyTargets' : 'entry.emptyReported') }}
        onRow={(e) => rowWithTestId(`${stem}-row-${e.id}`, { 'data-indicator': e.indicatorCode, 'data-scope-kind': e.scopeKind })}
        scroll={{ x: 1000 }}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.totalItems', { n }),
          onChange: (p, size) => onFilters({ page: p, pageSize: size }),
        }}
        columns={[
          { key: 'indicator', title: t('ind.indicator'), render: (_, e) => <span data-testid={`${stem}-indicator-${e.id}`}>{nameOf('indicatorName', e.indicatorCode, e.indicatorName)}</span> },
          {
            key: 'scope',
            title: t('entry.scope'),
            render: (_, e) => (
              <Space size={4} wrap data-testid={`${stem}-scope-${e.id}`}>
                <Tag style={{ marginInlineEnd: 0 }}>{label(t, 'entryScopeKind', e.scopeKind)}</Tag>
                <span>{e.scopeName}</span>
              </Space>
            ),
          },
          { key: 'period', title: t(kind === 'target' ? 'entry.year' : 'entry.period'), width: 130, render: (_, e) => periodText(e) },
          {
            key: 'value',
            title: t(kind === 'target' ? 'entry.targetValue' : 'entry.reportedValue'),
            width: 150,
            align: 'right',
            render: (_, e) => (
              <span data-testid={`${stem}-value-${e.id}`} data-value={e.value}>
                <Typography.Text strong>{formatFigurePct(e.value, e.unit)}</Typography.Text> {e.unit === '%' ? null : unitLabel(t, e.unit)}
              </span>
            ),
          },
          {
            key: 'document',
            title: t(kind === 'target' ? 'entry.document' : 'entry.source'),
            ellipsis: { showTitle: false },
            render: (_, e) => (
              <Tooltip title={e.note ? `${e.document}（${e.note}）` : e.document} placement="topLeft">
                <span data-testid={`${stem}-document-${e.id}`}>{e.document}</span>
              </Tooltip>
            ),
          },
          ...(kind === 'reported' ? [{ key: 'reportedOn', title: t('entry.reportedOn'), width: 110, render: (_: unknown, e: Entry) => e.reportedOn ?? '—' }] : []),
          {
            key: 'createdBy',
            title: t('entry.createdBy'),
            width: 150,
            render: (_, e) => (
              <>
                {e.createdBy}
                {e.isDemo ? <Tag style={{ marginInlineStart: 4 }}>{t('common.demo')}</Tag> : null}
              </>
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 130,
                  render: (_: unknown, e: Entry) => (
                    <Space size={0}>
                      <Button size="small" type="link" data-testid={`${stem}-edit-${e.id}`} onClick={() => setEditing(e)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('entry.deleteConfirm')}
                        okText={t('common.delete')}
                        cancelText={t('common.cancel')}
                        okButtonProps={buttonWithTestId(`${stem}-delete-confirm-${e.id}`, { danger: true })}
                        onConfirm={() => onDelete(e)}
                      >
                        <Button size="small" type="link" danger data-testid={`${stem}-delete-${e.id}`}>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EntryForm
        key={editing && editing !== 'new' ? editing.id : 'new'}
        kind={kind}
        open={editing !== null}
        entry={editing === 'new' ? null : editing}
        defaultYear={filters.year}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}
