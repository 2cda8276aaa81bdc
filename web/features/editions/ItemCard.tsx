import { Alert, Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { DraftItem } from './editionItems.ts';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  item: DraftItem;
  index: number;
  count: number;
  /** Messages of the last refused 保存 about this item. */
  errors?: string[];
  /** Absent when the edition cannot be edited (under review, issued, or no bulletin:write). */
  actions?: { onEdit: () => void; onMove: (by: -1 | 1) => void; onRemove: () => void };
}

/** One item: its number, headline and text, where it came from, and (for drafts) edit, move and remove. */
export function ItemCard({ item, index, count, errors, actions }: Props) {
  const t = useT();
  const buttons = actions ? (
    <Space size={0}>
      <Tooltip title={t('edition.moveUp')}>
        <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => actions.onMove(-1)} data-testid={`edition-item-up-${index}`} aria-label={t('edition.moveUp')} />
      </Tooltip>
      <Tooltip title={t('edition.moveDown')}>
        <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => actions.onMove(1)} data-testid={`edition-item-down-${index}`} aria-label={t('edition.moveDown')} />
      </Tooltip>
      <Tooltip title={t('common.edit')}>
        <Button size="small" type="text" icon={<EditOutlined />} onClick={actions.onEdit} data-testid={`edition-item-edit-${index}`} aria-label={t('common.edit')} />
      </Tooltip>
      <Tooltip title={t('edition.removeItem')}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={actions.onRemove} data-testid={`edition-item-remove-${index}`} aria-label={t('edition.removeItem')} />
      </Tooltip>
    </Space>
  ) : null;
  return (
    <Card size="small" data-testid={`edition-item-${index}`} data-activity={item.activityId ?? ''} style={errors?.length ? { borderColor: '#ff4d4f' } : undefined}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text strong data-testid={`edition-item-title-${index}`}>
          {index + 1}. {item.title}
        </Typography.Text>
        {buttons}
      </Space>
      <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open) => (open ? t('edition.collapse') : t('edition.expand')) }} style={{ margin: '4px 0', whiteSpace: 'pre-line' }} data-testid={`edition-item-body-${index}`}>
        {item.body}
      </Typography.Paragraph>
      {item.activityId ? (
        <Link to={`/activities?open=${item.activityId}`} data-testid={`edition-item-activity-${index}`}>
          <Tag color="blue">{t('edition.fromActivity', { id: item.activityId })}</Tag>
        </Link>
      ) : (
        <Tag>{t('edition.freeItem')}</Tag>
      )}
      {errors?.length ? <Alert type="error" showIcon title={errors.join('；')} style={{ marginTop: 8 }} data-testid={`edition-item-error-${index}`} /> : null}
    </Card>
  );
}
