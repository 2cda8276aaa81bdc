import { useState } from 'react';
import { Button, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { ProjectStatus } from '../../../src/modules/projects/projects.contract.ts';
import { useProject } from './projects.api.ts';
import { ProjectStatusTag } from './ProjectsTable.tsx';
import { StepModal } from './StepModal.tsx';
import { ProjectFormDrawer } from './ProjectFormDrawer.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { FundsTab } from './FundsTab.tsx';
import { ProgressTab } from './ProgressTab.tsx';
import { MonitoringTab } from './MonitoringTab.tsx';
import { AssetsTab } from './AssetsTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { stepLabel } from './projectEnums.ts';
import { useCan } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const TABS = ['overview', 'funds', 'progress', 'monitoring', 'assets', 'history'] as const;
type TabKey = (typeof TABS)[number];
/** Steps off the main road (退回, 暂停, 撤销) are plain buttons; 撤销 is red. */
const SIDE_STEPS: ProjectStatus[] = ['reserve', 'suspended', 'cancelled'];

/** One project: header with the lifecycle steps the user may take, and tabs (the open tab is kept in ?tab=). */
export function ProjectPage() {
  const t = useT();
  const id = toInt(useParams().id) ?? null;
  const project = useProject(id);
  const [params, setParams] = useUrlParams(['tab'] as const);
  const tab: TabKey = TABS.find((k) => k === params.tab) ?? 'overview';
  const [stepTo, setStepTo] = useState<ProjectStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const canWrite = useCan('project:write');

  if (project.error) return <ErrorAlert error={project.error} onRetry={project.reload} />;
  const p = project.data;
  if (!p || p.id !== id) return <Skeleton active />;
  const changed = () => project.reload();

  const tabBody: Record<TabKey, React.ReactNode> = {
    overview: <OverviewTab project={p} onChanged={changed} />,
    funds: <FundsTab project={p} onChanged={changed} />,
    progress: <ProgressTab project={p} />,
    monitoring: <MonitoringTab project={p} onChanged={changed} />,
    assets: <AssetsTab project={p} />,
    history: <HistoryTab project={p} />,
  };

  return (
    <div data-testid="project-page">
      <Link to="/projects">{t('project.backToList')}</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '8px 0 16px' }} wrap align="start">
        <Space orientation="vertical" size={2}>
          <Typography.Text type="secondary" data-testid="project-code">
            {p.code}
          </Typography.Text>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="project-name">
              {p.name}
            </Typography.Title>
            <ProjectStatusTag status={p.status} testId="project-status" />
            {p.isDemo ? <Tag color="orange">{t('common.demo')}</Tag> : null}
          </Space>
        </Space>
        <Space wrap data-testid="project-steps">
          {p.nextSteps.map((s) => (
            <Button key={s.to} type={SIDE_STEPS.includes(s.to) ? 'default' : 'primary'} danger={s.to === 'cancelled'} data-testid={`project-step-${s.to}`} onClick={() => setStepTo(s.to)}>
              {stepLabel(t, p.status, s.to, s.label)}
            </Button>
          ))}
          {canWrite && p.status === 'reserve' ? (
            <Button icon={<EditOutlined />} data-testid="project-edit" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key === 'overview' ? null : key })}
        items={TABS.map((key) => ({ key, label: <span data-testid={`project-tab-${key}`}>{t(`project.tab.${key}`)}</span>, children: key === tab ? tabBody[key] : null }))}
      />
      <StepModal
        project={p}
        to={stepTo}
        onClose={() => setStepTo(null)}
        onDone={() => {
          setStepTo(null);
          changed();
        }}
      />
      <ProjectFormDrawer
        open={editing}
        project={p}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          changed();
        }}
      />
    </div>
  );
}
