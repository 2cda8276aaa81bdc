import { useState } from 'react';
import { Button, Input, Select, Space, Switch, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useProjectList, type ProjectListParams } from './projects.api.ts';
import { ProjectsTable, type ProjectSortField } from './ProjectsTable.tsx';
import { ProjectImportModal } from './ProjectImportModal.tsx';
import { ProjectFormDrawer } from './ProjectFormDrawer.tsx';
import { PROJECT_CATEGORY_CODES, PROJECT_LEVEL_CODES, PROJECT_STATUS_CODES, projectCategoryLabel, projectLevelLabel, projectStatusLabel } from './projectEnums.ts';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { useCan } from '../auth/session.tsx';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useDownload } from '../../ui/download.ts';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['q', 'year', 'level', 'category', 'county', 'status', 'overdue', 'page', 'pageSize', 'sort', 'order'] as const;
const SORTS: ProjectSortField[] = ['code', 'name', 'startYear', 'plannedFen', 'status'];

/** 帮扶项目: filters in the URL, the list, and (by permission) 新建, Excel 导入, 导出 Excel / IATI. */
export function ProjectsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = {
    q: params.q,
    year: toInt(params.year),
    level: oneOf(params.level, PROJECT_LEVEL_CODES),
    category: oneOf(params.category, PROJECT_CATEGORY_CODES),
    county: params.county,
    status: oneOf(params.status, PROJECT_STATUS_CODES),
    overdue: params.overdue === 'true' ? ('true' as const) : undefined,
  };
  const query: ProjectListParams = {
    ...filters,
    page: toInt(params.page) ?? 1,
    pageSize: toInt(params.pageSize) ?? 20,
    sort: oneOf(params.sort, SORTS) ?? 'code',
    order: oneOf(params.order, ['asc', 'desc'] as const) ?? 'asc',
  };
  const list = useProjectList(query);
  const countyFilter = useRegion(filters.county);
  const canWrite = useCan('project:write');
  const canRecordFunds = useCan('fund:record');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { download, busy } = useDownload();

  return (
    <>
      <ListPageHeader
        title={t('nav.projects')}
        createLabel={t('project.create')}
        createTestId="project-create"
        canCreate={canWrite}
        onCreate={() => setCreating(true)}
        extra={
          <>
            {canWrite ? (
              <Button icon={<UploadOutlined />} data-testid="project-import" onClick={() => setImporting(true)}>
                {t('project.import')}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} data-testid="project-export" loading={busy === '/projects/export.xlsx'} onClick={() => download('/projects/export.xlsx', filters, '项目.xlsx')}>
              {t('project.export')}
            </Button>
            <Button icon={<DownloadOutlined />} data-testid="project-export-iati" loading={busy === '/projects/iati.xml'} onClick={() => download('/projects/iati.xml', { year: filters.year }, 'xiezuo-iati.xml')}>
              {t('project.exportIati')}
            </Button>
            <Typography.Text type="secondary">{t('fundSheet.label')}</Typography.Text>
            <SheetActions path="/fund-transactions" testId="fund-sheet" what={t('fundSheet.what')} fileStem="资金往来" exportQuery={{ county: filters.county, year: filters.year }} canWrite={canRecordFunds} onImported={list.reload} />
          </>
        }
      />
      <Space wrap style={{ marginBottom: 16 }} data-testid="project-filters">
        <Input.Search data-testid="project-filter-q" placeholder={t('project.searchPlaceholder')} allowClear defaultValue={filters.q} onSearch={(q) => setParams({ q: q.trim() })} style={{ width: 220 }} />
        <Select data-testid="project-filter-year" virtual={false} placeholder={t('project.year')} allowClear value={filters.year} onChange={(year) => setParams({ year })} options={yearOptions(String, 'project-filter-year')} style={{ width: 100 }} />
        <Select data-testid="project-filter-level" virtual={false} placeholder={t('project.level')} allowClear value={filters.level} onChange={(level) => setParams({ level })} options={optionsOf(PROJECT_LEVEL_CODES, (c) => projectLevelLabel(t, c), 'project-filter-level')} style={{ width: 130 }} popupMatchSelectWidth={false} />
        <Select data-testid="project-filter-category" virtual={false} placeholder={t('project.category')} allowClear value={filters.category} onChange={(category) => setParams({ category })} options={optionsOf(PROJECT_CATEGORY_CODES, (c) => projectCategoryLabel(t, c), 'project-filter-category')} style={{ width: 130 }} popupMatchSelectWidth={false} />
        <RegionSearchSelect
          testId="project-filter-county"
          levels={[3]}
          value={filters.county ?? null}
          seed={countyFilter.data ? { code: countyFilter.data.code, fullName: countyFilter.data.fullName, level: countyFilter.data.level } : null}
          placeholder={t('project.filterCounty')}
          onChange={(county) => setParams({ county })}
        />
        <Select data-testid="project-filter-status" virtual={false} placeholder={t('project.status')} allowClear value={filters.status} onChange={(status) => setParams({ status })} options={optionsOf(PROJECT_STATUS_CODES, (c) => projectStatusLabel(t, c), 'project-filter-status')} style={{ width: 150 }} popupMatchSelectWidth={false} />
        <Space size={4}>
          <Switch data-testid="project-filter-overdue" checked={!!filters.overdue} onChange={(on) => setParams({ overdue: on ? 'true' : null })} />
          <Typography.Text>{t('project.overdueOnly')}</Typography.Text>
        </Space>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <ProjectsTable
        page={list.data}
        loading={list.loading}
        sort={query.sort ?? 'code'}
        order={query.order ?? 'asc'}
        onChange={(c) => setParams({ page: c.page, pageSize: c.pageSize, sort: c.sort, order: c.order })}
      />
      <ProjectImportModal open={importing} onClose={() => setImporting(false)} onImported={list.reload} />
      <ProjectFormDrawer
        open={creating}
        project={null}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          navigate(`/projects/${p.id}`);
        }}
      />
    </>
  );
}
