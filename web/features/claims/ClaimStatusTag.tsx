import { Tag, Tooltip } from 'antd';
import { CLAIM_STATUS_COLORS, claimStatusLabel, type ClaimStatus } from './claims.api.ts';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  status: ClaimStatus;
  /** The refusal's reason (claimNote). */
  note?: string | null;
  testId?: string;
  /** In a record list only 待确认 and 已拒绝 are worth a tag; 已确认 is how records normally are. */
  hideConfirmed?: boolean;
}

/** A claim's status (待确认 / 已确认 / 已拒绝) as a coloured tag with data-status; in record lists, with what it means as a tooltip. */
export function ClaimStatusTag({ status, note, testId, hideConfirmed = false }: Props) {
  const t = useT();
  if (hideConfirmed && status === 'confirmed') return null;
  const tag = (
    <Tag color={CLAIM_STATUS_COLORS[status]} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {claimStatusLabel(t, status)}
    </Tag>
  );
  if (!hideConfirmed) return tag;
  const hint = status === 'pending' ? t('claim.pendingHint') : note ? t('claim.refusedHint', { reason: note }) : t('claim.refusedNoReason');
  return <Tooltip title={hint}>{tag}</Tooltip>;
}
