import { Empty, Space, Timeline, Typography } from 'antd';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { PROJECT_STATUS_COLORS, projectStatusLabel, stepLabel } from './projectEnums.ts';
import { useT } from '../../ui/i18n.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { formatFenAsWan } from '../../ui/money.ts';

const TIMELINE_COLORS: Record<string, string> = { error: 'red', warning: 'orange', success: 'green', processing: 'blue', default: 'gray' };

/** 历史: every step as recorded — what, on which date, by whom, 文号, 批复金额, 说明. */
export function HistoryTab({ project: p }: { project: Project }) {
  const t = useT();
  if (p.history.length === 0) return <Empty data-testid="project-history" description={t('history.empty')} />;
  const lv = (label: string, value: string) => t('common.labelValue', { label, value });
  const colorOf = (status: string) => {
    const c = PROJECT_STATUS_COLORS[status as Project['status']] ?? 'default';
    return TIMELINE_COLORS[c] ?? c;
  };

  return (
    <Timeline
      data-testid="project-history"
      style={{ marginTop: 16 }}
      items={p.history.map((h) => ({
        key: h.id,
        color: colorOf(h.to),
        content: (
          <div data-testid={`history-item-${h.id}`} data-to={h.to}>
            <Space wrap>
              <Typography.Text strong>{stepLabel(t, h.from, h.to)}</Typography.Text>
              <Typography.Text type="secondary">
                {projectStatusLabel(t, h.from)} → {projectStatusLabel(t, h.to)}
              </Typography.Text>
            </Space>
            <div>
              {[
                lv(t('history.onDate'), h.onDate),
                lv(t('history.actor'), h.actorName),
                h.documentNo ? lv(t('history.documentNo'), h.documentNo) : null,
                h.approvedFen !== null ? lv(t('history.approved'), formatFenAsWan(h.approvedFen, t('money.wan'))) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {h.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{lv(t('history.comment'), h.comment)}</div> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('history.recordedAt', { time: formatDateTime(h.at) })}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
