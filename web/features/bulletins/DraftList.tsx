import { Card, Empty, Space, Typography, theme } from 'antd';
import { Link } from 'react-router';
import type { Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { DraftFactTags, DraftStatusTag, ItemKindTag } from './DraftTags.tsx';
import { draftDates } from './draftFacts.ts';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  drafts: Draft[];
  selectedId: number | null;
  onSelect: (d: Draft) => void;
}

/** The items read from a bulletin, in document order; the selected one is shown beside (or below) with its source. */
export function DraftList({ drafts, selectedId, onSelect }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  if (!drafts.length) return <Empty description={t('bulletin.noDrafts')} />;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="draft-list">
      {drafts.map((d) => (
        <Card
          key={d.id}
          size="small"
          hoverable
          data-testid={`draft-item-${d.id}`}
          data-status={d.status}
          data-selected={d.id === selectedId}
          onClick={() => onSelect(d)}
          style={d.id === selectedId ? { borderColor: token.colorPrimary, boxShadow: `0 0 0 1px ${token.colorPrimary}` } : undefined}
        >
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
              <Typography.Text strong>
                {d.itemNo}. {d.title}
              </Typography.Text>
              <DraftStatusTag status={d.status} />
            </Space>
            <Space wrap size={4}>
              <ItemKindTag kind={d.kind} />
              <Typography.Text type="secondary">{draftDates(t, d)}</Typography.Text>
              {d.section ? <Typography.Text type="secondary">· {d.section}</Typography.Text> : null}
            </Space>
            <DraftFactTags facts={d.facts} />
            {d.status === 'accepted' && d.activityId ? (
              <Link to={`/activities?open=${d.activityId}`} data-testid={`draft-activity-link-${d.id}`} onClick={(e) => e.stopPropagation()}>
                {t('bulletin.openActivity')} →
              </Link>
            ) : null}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
