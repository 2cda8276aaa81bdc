import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { BulletinDetail, Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { DraftSource } from './DraftSource.tsx';
import { DraftFactTags, DraftStatusTag, ItemKindTag } from './DraftTags.tsx';
import { DraftMatches } from './DraftMatches.tsx';
import { PlaceTags } from './PlaceTags.tsx';
import { draftDates } from './draftFacts.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  doc: BulletinDetail;
  draft: Draft;
  /** The decisions; absent without activity:write. */
  actions?: { onAccept: () => void; onReject: () => void; onLink: (activityId: number) => void; linking: number | null };
}

/** One item under review: its source text with the facts marked, the parties named, and 采用 / 舍弃 / 关联已有动态 while pending. */
export function DraftReview({ doc, draft, actions }: Props) {
  const t = useT();
  const parties = [
    { key: 'shanghai', label: t('bulletin.shanghaiSide'), names: draft.facts.shanghaiSide, color: 'blue' },
    { key: 'recipient', label: t('bulletin.recipientSide'), names: draft.facts.recipientSide, color: 'green' },
  ].filter((p) => p.names.length);
  const places = draft.facts.places ?? [];
  const pending = draft.status === 'pending';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`draft-review-${draft.id}`}>
      <Card
        size="small"
        title={
          <Space wrap>
            <span>{t('bulletin.itemNo', { n: draft.itemNo })}</span>
            <DraftStatusTag status={draft.status} />
          </Space>
        }
        extra={
          pending && actions ? (
            <Space>
              <Button type="primary" icon={<CheckOutlined />} data-testid={`draft-accept-${draft.id}`} onClick={actions.onAccept}>
                {t('bulletin.accept')}
              </Button>
              <Button icon={<CloseOutlined />} data-testid={`draft-reject-${draft.id}`} onClick={actions.onReject}>
                {t('bulletin.reject')}
              </Button>
            </Space>
          ) : null
        }
      >
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="draft-title">
          {draft.title}
        </Typography.Title>
        <Space wrap size={4} style={{ marginBottom: 12 }}>
          <ItemKindTag kind={draft.kind} />
          <Typography.Text type="secondary">{draftDates(t, draft)}</Typography.Text>
          {draft.section ? <Typography.Text type="secondary">· {draft.section}</Typography.Text> : null}
        </Space>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('bulletin.source')} · {t('bulletin.sourceHint')}
        </Typography.Text>
        <DraftSource text={doc.text} draft={draft} />
        <div style={{ marginTop: 12 }}>
          <DraftFactTags facts={draft.facts} />
        </div>
        {parties.length || places.length ? (
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 12 }}
            items={[
              ...parties.map((p) => ({ key: p.key, label: p.label, children: p.names.map((n) => <Tag key={n} color={p.color}>{n}</Tag>) })),
              ...(places.length ? [{ key: 'places', label: t('bulletin.places'), children: <PlaceTags places={places} /> }] : []),
            ]}
          />
        ) : null}
        {!pending && draft.decidedBy ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
            {t('bulletin.decided', { who: draft.decidedBy, at: formatDateTime(draft.decidedAt) })}
          </Typography.Text>
        ) : null}
        {draft.status === 'accepted' && draft.activityId ? (
          <Link to={`/activities?open=${draft.activityId}`} data-testid={`draft-review-activity-link-${draft.id}`} style={{ display: 'inline-block', marginTop: 8 }}>
            {t('bulletin.openActivity')} →
          </Link>
        ) : null}
      </Card>
      {pending && draft.matches.length ? <DraftMatches draft={draft} onLink={actions ? (m) => actions.onLink(m.id) : undefined} linking={actions?.linking ?? null} /> : null}
    </Space>
  );
}
