import { Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../src/platform/contract.ts';
import type { ProjectSummary } from '../../../src/modules/projects/projects.contract.ts';
import { useT } from '../../ui/i18n.tsx';
import { fenToWanText } from '../../ui/money.ts';
import { rowWithTestId } from '../../ui/testIds.ts';
import { PROJECT_STATUS_COLORS, projectCategoryLabel, projectLevelLabel, projectStatusLabel } from './projectEnums.ts';

export type ProjectSortField = 'code' | 'name' | 'startYear' | 'plannedFen' | 'status';
const SORTABLE: ProjectSortField[] = ['code', 'name', 'startYear', 'plannedFen', 'status'];

interface Props {
  page: Page<ProjectSummary> | undefined;
  loading: boolean;
  sort: ProjectSortField;
  order: 'asc' | 'desc';
  onChange: (change: { page: number; pageSize: number; sort?: ProjectSortField; order?: 'asc' | 'desc' }) => void;
}

export function ProjectStatusTag({ status, testId }: { status: ProjectSummary['status']; testId?: string }) {
  const t = useT();
  return (
    <Tag color={PROJECT_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {projectStatusLabel(t, status)}
    </Tag>
  );
}

export function ProjectsTable({ page, loading, sort, order, onChange }: Props) {
  const t = useT();
  const sortOrderOf = (field: ProjectSortField) => (sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: NonNullable<TableProps<ProjectSummary>['columns']> = [
    { key: 'code', title: t('project.code'), sorter: true, sortOrder: sortOrderOf('code'), width: 150, render: (_, p) => p.code },
    {
      key: 'name',
      title: t('project.name'),
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_, p) => (
        <Link to={`/projects/${p.id}`} data-testid={`project-link-${p.id}`}>
          {p.name}
        </Link>
      ),
    },
    { key: 'county', title: t('project.county'), width: 110, render: (_, p) => p.countyName ?? p.countyCode },
    { key: 'startYear', title: t('project.years'), sorter: true, sortOrder: sortOrderOf('startYear'), render: (_, p) => (p.startYear === p.endYear ? p.startYear : `${p.startYear}–${p.endYear}`) },
    { key: 'level', title: t('project.level'), width: 110, render: (_, p) => projectLevelLabel(t, p.level) },
    { key: 'category', title: t('project.category'), width: 100, render: (_, p) => projectCategoryLabel(t, p.category) },
    { key: 'plannedFen', title: t('project.plannedWan'), align: 'right', sorter: true, sortOrder: sortOrderOf('plannedFen'), render: (_, p) => fenToWanText(p.plannedFen) },
    { key: 'approved', title: t('project.approvedWan'), align: 'right', render: (_, p) => (p.approvedFen === null ? '—' : fenToWanText(p.approvedFen)) },
    { key: 'status', title: t('project.status'), sorter: true, sortOrder: sortOrderOf('status'), render: (_, p) => <ProjectStatusTag status={p.status} testId={`project-status-${p.id}`} /> },
    {
      key: 'flags',
      title: '',
      render: (_, p) => (
        <Space size={4} wrap>
          {p.overdueMilestones > 0 ? (
            <Tag color="red" data-testid={`project-overdue-${p.id}`}>
              {t('project.overdueBadge', { n: p.overdueMilestones })}
            </Tag>
          ) : null}
          {p.openRectifications > 0 ? (
            <Tag color="orange" data-testid={`project-rect-${p.id}`}>
              {t('project.openRectBadge', { n: p.openRectifications })}
            </Tag>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<ProjectSummary>
      data-testid="project-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onRow={(p) => rowWithTestId(`project-row-${p.id}`, { 'data-code': p.code })}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.totalItems', { n: total }) }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = SORTABLE.find((f) => f === s?.columnKey);
        onChange({
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? 20,
          sort: s?.order ? field : undefined,
          order: s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined,
        });
      }}
      scroll={{ x: 1250 }}
    />
  );
}
