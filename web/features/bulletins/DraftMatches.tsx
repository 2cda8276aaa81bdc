import { Button, Card, Space, Table, Typography } from 'antd';
import type { Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

type Match = Draft['matches'][number];

interface Props {
  draft: Draft;
  /** Accepts the draft as this activity; absent without activity:write. */
  onLink?: (m: Match) => void;
  linking: number | null;
}

/** 关联已有动态: activities already recorded that may be this item (same start date, similar title). */
export function DraftMatches({ draft, onLink, linking }: Props) {
  const t = useT();
  return (
    <Card size="small" title={t('bulletin.matches')} data-testid={`draft-matches-${draft.id}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('bulletin.matchesHint')}</Typography.Text>
        <Table<Match>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={draft.matches}
          onRow={(m) => rowWithTestId(`draft-match-${draft.id}-${m.id}`)}
          columns={[
            { key: 'title', title: t('bulletin.activityTitle'), render: (_, m) => m.title },
            { key: 'date', title: t('bulletin.startDate'), width: 110, render: (_, m) => m.startDate },
            { key: 'similarity', title: t('bulletin.similarityTitle'), width: 110, render: (_, m) => t('bulletin.similarity', { pct: Math.round(m.similarity * 100) }) },
            ...(onLink
              ? [
                  {
                    key: 'link',
                    width: 80,
                    render: (_: unknown, m: Match) => (
                      <Button size="small" data-testid={`draft-link-${draft.id}-${m.id}`} loading={linking === m.id} disabled={linking !== null && linking !== m.id} onClick={() => onLink(m)}>
                        {t('bulletin.link')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
}
