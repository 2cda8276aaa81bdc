import { Space, Tag } from 'antd';
import type { BulletinDocument, Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { DRAFT_STATUS_CODES, DRAFT_STATUS_COLORS, draftStatusLabel, itemKindColor, itemKindLabel, type DraftStatus } from './bulletinEnums.ts';
import { amountText, countText } from './draftFacts.ts';
import { useT } from '../../ui/i18n.tsx';

/** 待审核 n / 已采用 n / 已舍弃 n of a document; `testId` gets `-{status}` per tag (with `data-count`). */
export function DraftCountTags({ counts, testId }: { counts: BulletinDocument['counts']; testId?: string }) {
  const t = useT();
  return (
    <Space size={4} wrap data-testid={testId}>
      {DRAFT_STATUS_CODES.map((s) => (
        <Tag key={s} color={counts[s] ? DRAFT_STATUS_COLORS[s] : 'default'} data-testid={testId ? `${testId}-${s}` : undefined} data-count={counts[s]}>
          {t('bulletin.countOf', { label: draftStatusLabel(t, s), n: counts[s] })}
        </Tag>
      ))}
    </Space>
  );
}

export function DraftStatusTag({ status }: { status: DraftStatus }) {
  const t = useT();
  return <Tag color={DRAFT_STATUS_COLORS[status]}>{draftStatusLabel(t, status)}</Tag>;
}

export function ItemKindTag({ kind }: { kind: string }) {
  const t = useT();
  return <Tag color={itemKindColor(kind)}>{itemKindLabel(t, kind)}</Tag>;
}

/** The amounts (元 / 万元) and counts the reader found in an item, as tags; the source wording on hover. */
export function DraftFactTags({ facts }: { facts: Draft['facts'] }) {
  const t = useT();
  if (!facts.amounts.length && !facts.counts.length) return null;
  return (
    <Space size={4} wrap>
      {facts.amounts.map((a, i) => (
        <Tag key={`a${i}`} color="gold" title={a.text}>
          {amountText(t, a)}
        </Tag>
      ))}
      {facts.counts.map((c, i) => (
        <Tag key={`c${i}`} title={c.text}>
          {countText(t, c)}
        </Tag>
      ))}
    </Space>
  );
}
