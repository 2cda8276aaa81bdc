import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { Activity } from '../../../src/modules/activities/activities.contract.ts';
import { ACTIVITY_TYPE_COLORS, activityTypeLabel, linkKindLabel } from './activityEnums.ts';
import { useT } from '../../ui/i18n.tsx';

/** Where a linked record is shown: projects have a page, donations and trainings open on their lists, agreements in the pairing. */
export function linkPath(kind: string, id: number, pairingId: number | null): string | null {
  if (kind === 'project') return `/projects/${id}`;
  if (kind === 'donation') return `/donations?open=${id}`;
  if (kind === 'training') return `/training?open=${id}`;
  if (kind === 'agreement' && pairingId) return `/pairings?open=${pairingId}`;
  return null;
}

export const periodText = (a: Pick<Activity, 'startDate' | 'endDate'>) => (a.startDate === a.endDate ? a.startDate : `${a.startDate} – ${a.endDate}`);

/** The linked records as tags (kind: label) with data-testid `{testId}-{kind}-{targetId}`, each leading to where that record is shown. */
export function ActivityLinkTags({ activity, testId }: { activity: Activity; testId: string }) {
  const t = useT();
  return (
    <Space size={[4, 4]} wrap>
      {activity.links.map((l) => {
        const to = linkPath(l.kind, l.id, activity.pairingId);
        const text = t('common.labelValue', { label: linkKindLabel(t, l.kind), value: l.label });
        return (
          <Tag key={`${l.kind}-${l.id}`} data-testid={`${testId}-${l.kind}-${l.id}`}>
            {to ? <Link to={to}>{text}</Link> : text}
          </Tag>
        );
      })}
    </Space>
  );
}

interface Props {
  activities: Activity[];
  onOpen: (a: Activity) => void;
  /** The timeline's stem: months `{testId}-month-{YYYY-MM}`, titles `{testId}-open-{id}`, link tags `{testId}-link-{id}-{kind}-{targetId}`. */
  testId: string;
  /** Each entry gets data-testid `{itemTestId}-{id}` (activity-row-{id}, pairing-timeline-item-{id}) with data-type. */
  itemTestId: string;
}

/** Activities grouped by the month they started in, newest first as the API orders them. */
export function ActivityTimeline({ activities, onOpen, testId, itemTestId }: Props) {
  const t = useT();
  if (!activities.length) return <Empty description={t('activity.empty')} />;
  const months = new Map<string, Activity[]>();
  for (const a of activities) months.set(a.startDate.slice(0, 7), [...(months.get(a.startDate.slice(0, 7)) ?? []), a]);
  return (
    <>
      {[...months.entries()].map(([month, items], i) => (
        <div key={month} data-testid={`${testId}-month-${month}`}>
          <Typography.Title level={5} style={{ marginTop: i ? 8 : 0 }}>
            {dayjs(`${month}-01`).format(t('activity.monthFormat'))}
          </Typography.Title>
          <Timeline
            items={items.map((a) => ({
              key: a.id,
              color: ACTIVITY_TYPE_COLORS[a.type] === 'default' ? 'gray' : 'blue',
              content: (
                <div data-testid={`${itemTestId}-${a.id}`} data-type={a.type}>
                  <Space size={8} wrap>
                    <Typography.Text type="secondary">{periodText(a)}</Typography.Text>
                    <Tag color={ACTIVITY_TYPE_COLORS[a.type]}>{activityTypeLabel(t, a.type)}</Tag>
                    <Typography.Link strong data-testid={`${testId}-open-${a.id}`} onClick={() => onOpen(a)}>
                      {a.title}
                    </Typography.Link>
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {[a.places.map((p) => p.name).join('、'), a.leadOrgName, a.leader ? t('activity.ledBy', { leader: a.leader }) : null, a.delegationSize ? t('activity.people', { n: a.delegationSize }) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </div>
                  {a.links.length ? <ActivityLinkTags activity={a} testId={`${testId}-link-${a.id}`} /> : null}
                </div>
              ),
            }))}
          />
        </div>
      ))}
    </>
  );
}
