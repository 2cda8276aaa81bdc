import { Tag } from 'antd';
import { EDITION_STATUS_COLORS, editionStatusLabel, type EditionStatus } from './editionEnums.ts';
import { useT } from '../../ui/i18n.tsx';

/** 草稿 / 待审核 / 已印发, with the code in data-status for tests. */
export function EditionStatusTag({ status, testId }: { status: EditionStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={EDITION_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {editionStatusLabel(t, status)}
    </Tag>
  );
}
