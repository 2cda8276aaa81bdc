import { App, Button, Col, List, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { useMilestoneDone } from './projects.api.ts';
import { useCan } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';
import { useErrorReporter } from '../../ui/errors.tsx';
import { formatFenAsYuan } from '../../ui/money.ts';
import { rowWithTestId } from '../../ui/testIds.ts';
import { ISO_DATE } from '../../ui/dates.ts';

type Milestone = Project['milestones'][number];

/** Budget items (their sum against the planned total), outputs, milestones (mark done / undo), attachments. */
export function PlanTables({ project: p, onChanged }: { project: Project; onChanged: () => void }) {
  const t = useT();
  const report = useErrorReporter();
  const { message } = App.useApp();
  const setDone = useMilestoneDone();
  const canWrite = useCan('project:write') && p.status !== 'handed_over' && p.status !== 'cancelled';
  const yuan = (fen: number) => formatFenAsYuan(fen, t('money.yuan'));
  const budgetFen = p.budgetItems.reduce((sum, b) => sum + b.amountFen, 0);
  const title = (text: string) => <Typography.Title level={5} style={{ marginTop: 24 }}>{text}</Typography.Title>;

  const toggle = async (m: Milestone) => {
    try {
      await setDone.run(p.id, m.id, m.doneOn ? null : dayjs().format(ISO_DATE));
      message.success(t('common.saved', { name: m.name }));
      onChanged();
    } catch (err) {
      report(err);
    }
  };

  return (
    <Row gutter={24}>
      <Col xs={24} lg={12}>
        {title(t('project.budgetItems'))}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="project-budget"
          dataSource={p.budgetItems}
          columns={[
            { key: 'item', title: t('project.budgetItem'), render: (_, b) => b.item },
            { key: 'amount', title: t('fund.amount'), align: 'right', render: (_, b) => yuan(b.amountFen) },
          ]}
          footer={() => (
            <Typography.Text data-testid="project-budget-sum" data-matches={String(budgetFen === p.plannedFen)} type={budgetFen === p.plannedFen ? 'success' : 'warning'}>
              {t('project.budgetSum', { sum: yuan(budgetFen), planned: yuan(p.plannedFen) })} ·{' '}
              {budgetFen === p.plannedFen ? t('project.budgetMatches') : t('project.budgetDiffers', { diff: yuan(Math.abs(p.plannedFen - budgetFen)) })}
            </Typography.Text>
          )}
        />
        {title(t('project.outputs'))}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="project-outputs"
          dataSource={p.outputs}
          columns={[
            { key: 'description', title: t('project.outputDescription'), render: (_, o) => o.description },
            { key: 'quantity', title: t('project.quantity'), align: 'right', render: (_, o) => `${o.quantity} ${o.unit}` },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        {title(t('project.milestones'))}
        <Table<Milestone>
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="project-milestones"
          dataSource={p.milestones}
          onRow={(m) => rowWithTestId(`milestone-row-${m.id}`, { 'data-overdue': String(m.overdue), 'data-done': String(!!m.doneOn) })}
          columns={[
            { key: 'name', title: t('project.milestoneName'), render: (_, m) => <Typography.Text type={m.overdue ? 'danger' : undefined}>{m.name}</Typography.Text> },
            {
              key: 'dueOn',
              title: t('project.dueOn'),
              render: (_, m) => (
                <Typography.Text type={m.overdue ? 'danger' : undefined}>
                  {m.dueOn} {m.overdue ? <Tag color="red">{t('project.overdue')}</Tag> : null}
                </Typography.Text>
              ),
            },
            { key: 'doneOn', title: t('project.doneOn'), render: (_, m) => m.doneOn ?? '—' },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, m: Milestone) => (
                      <Button size="small" type="link" loading={setDone.loading} data-testid={`milestone-${m.doneOn ? 'undo' : 'done'}-${m.id}`} onClick={() => toggle(m)}>
                        {m.doneOn ? t('project.undoDone') : t('project.markDone')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {title(t('project.attachments'))}
        <List
          size="small"
          bordered
          data-testid="project-attachments"
          dataSource={p.attachments}
          locale={{ emptyText: t('project.none') }}
          renderItem={(a) => (
            <List.Item>
              {a.fileName}
              {a.note ? <Typography.Text type="secondary"> · {a.note}</Typography.Text> : null}
            </List.Item>
          )}
        />
      </Col>
    </Row>
  );
}
