import { useState } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { useInspections, useProjectRectifications, type Inspection, type Rectification } from './monitoring.api.ts';
import { CloseRectificationModal, InspectionModal, RectificationModal } from './MonitoringForms.tsx';
import { inspectionKindLabel } from './projectEnums.ts';
import { useCan } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

/** 检查整改: spot checks and inspections; rectifications with their deadlines (overdue flagged) and 销号. */
export function MonitoringTab({ project: p, onChanged }: { project: Project; onChanged: () => void }) {
  const t = useT();
  const inspections = useInspections(p.id);
  const rects = useProjectRectifications(p.id);
  const canManage = useCan('project:manage');
  const canClose = useCan('project:write');
  const [form, setForm] = useState<'inspection' | 'rectification' | null>(null);
  const [closing, setClosing] = useState<Rectification | null>(null);
  const heading = (text: string, button: React.ReactNode) => (
    <Space style={{ width: '100%', justifyContent: 'space-between', margin: '8px 0' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {text}
      </Typography.Title>
      {button}
    </Space>
  );
  const saved = (what: 'inspection' | 'rectification') => {
    setForm(null);
    if (what === 'inspection') inspections.reload();
    else rects.reload();
    onChanged();
  };

  return (
    <div data-testid="project-monitoring">
      {heading(
        t('inspection.title'),
        canManage ? (
          <Button icon={<PlusOutlined />} data-testid="inspection-add" onClick={() => setForm('inspection')}>
            {t('inspection.add')}
          </Button>
        ) : null,
      )}
      <ErrorAlert error={inspections.error} onRetry={inspections.reload} />
      <Table<Inspection>
        data-testid="inspection-table"
        rowKey="id"
        size="small"
        pagination={false}
        loading={inspections.loading}
        dataSource={inspections.data ?? []}
        onRow={(i) => rowWithTestId(`inspection-row-${i.id}`)}
        columns={[
          { key: 'onDate', title: t('inspection.onDate'), width: 110, render: (_, i) => i.onDate },
          { key: 'kind', title: t('inspection.kind'), width: 90, render: (_, i) => inspectionKindLabel(t, i.kind) },
          { key: 'inspector', title: t('inspection.inspector'), width: 160, render: (_, i) => i.inspector },
          { key: 'findings', title: t('inspection.findings'), render: (_, i) => i.findings },
        ]}
      />
      {heading(
        t('rect.title'),
        canManage ? (
          <Button icon={<PlusOutlined />} data-testid="rect-add" onClick={() => setForm('rectification')}>
            {t('rect.add')}
          </Button>
        ) : null,
      )}
      <ErrorAlert error={rects.error} onRetry={rects.reload} />
      <Table<Rectification>
        data-testid="rect-table"
        rowKey="id"
        size="small"
        pagination={false}
        loading={rects.loading}
        dataSource={rects.data ?? []}
        onRow={(r) => rowWithTestId(`rect-row-${r.id}`, { 'data-overdue': String(r.overdue), 'data-status': r.status })}
        columns={[
          { key: 'finding', title: t('rect.finding'), render: (_, r) => r.finding },
          { key: 'owner', title: t('rect.owner'), width: 120, render: (_, r) => r.owner },
          {
            key: 'deadline',
            title: t('rect.deadline'),
            width: 160,
            render: (_, r) => (
              <Typography.Text type={r.overdue ? 'danger' : undefined}>
                {r.deadline} {r.overdue ? <Tag color="red">{t('rect.overdue')}</Tag> : null}
              </Typography.Text>
            ),
          },
          {
            key: 'status',
            title: t('rect.status'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={r.status === 'open' ? 'orange' : 'success'}>{t(r.status === 'open' ? 'rect.status.open' : 'rect.status.closed')}</Tag>
                {r.status === 'closed' ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.closedOn} · {r.evidence}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: '',
            width: 80,
            render: (_, r) =>
              canClose && r.status === 'open' ? (
                <Button size="small" type="link" data-testid={`rect-close-${r.id}`} onClick={() => setClosing(r)}>
                  {t('rect.close')}
                </Button>
              ) : null,
          },
        ]}
      />
      <InspectionModal projectId={p.id} open={form === 'inspection'} onClose={() => setForm(null)} onSaved={() => saved('inspection')} />
      <RectificationModal projectId={p.id} inspections={inspections.data ?? []} open={form === 'rectification'} onClose={() => setForm(null)} onSaved={() => saved('rectification')} />
      <CloseRectificationModal
        rectification={closing}
        onClose={() => setClosing(null)}
        onSaved={() => {
          setClosing(null);
          rects.reload();
          onChanged();
        }}
      />
    </div>
  );
}
