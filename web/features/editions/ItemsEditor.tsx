import { Fragment, useEffect, useState } from 'react';
import { App, Button, Card, Empty, Space, Typography } from 'antd';
import { PlusOutlined, ImportOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { chineseNumber } from '../../../src/modules/editions/editions.contract.ts';
import { useSaveItems, type Edition } from './editions.api.ts';
import { addCandidates, issuesByItem, itemsChanged, itemsOf, moveItem, newItem, toItemInputs, type DraftItem } from './editionItems.ts';
import { ItemCard } from './ItemCard.tsx';
import { ItemFormModal, type ItemValues } from './ItemFormModal.tsx';
import { CandidatesModal } from './CandidatesModal.tsx';
import { ApiError } from '../../ui/api.ts';
import { useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  edition: Edition;
  /** A draft and bulletin:write: the list can be changed; otherwise it is shown as printed. */
  editable: boolean;
  onSaved: (e: Edition) => void;
  /** Told whether there are unsaved changes (送审 waits for 保存). */
  onDirtyChange: (dirty: boolean) => void;
}

/** Section headings as the print numbers them: a new heading wherever the section changes. */
function headingsOf(items: DraftItem[]): (string | null)[] {
  let n = 0;
  return items.map((it, i) => (it.section && (i === 0 || items[i - 1].section !== it.section) ? `${chineseNumber(++n)}、${it.section}` : null));
}

/**
 * The items of an edition. For a draft: edit, move, remove, 添加自由条目, 从工作动态添加, all held here until
 * 保存 sends the whole list (PUT); the parent remounts this with a new key when the saved items change.
 */
export function ItemsEditor({ edition, editable, onSaved, onDirtyChange }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const save = useSaveItems();
  const [items, setItems] = useState<DraftItem[]>(() => itemsOf(edition));
  const [editing, setEditing] = useState<DraftItem | 'new' | null>(null);
  const [picking, setPicking] = useState(false);
  const [errors, setErrors] = useState<Record<number, string[]>>({});
  const dirty = itemsChanged(items, edition);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const change = (next: DraftItem[]) => {
    setItems(next);
    setErrors({});
  };
  const done = (v: ItemValues) => {
    change(editing === 'new' ? [...items, newItem({ ...v, activityId: null })] : items.map((i) => (editing && i.key === editing.key ? { ...i, ...v } : i)));
    setEditing(null);
  };
  const saveAll = async () => {
    try {
      const saved = await save.run(edition.id, toItemInputs(items));
      message.success(t('edition.itemsSaved', { n: saved.items.length }));
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) setErrors(issuesByItem(err.issues));
      report(err);
    }
  };
  const headings = headingsOf(items);
  const toolbar = editable ? (
    <Space wrap>
      <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="edition-add-item">
        {t('edition.addFreeItem')}
      </Button>
      <Button icon={<ImportOutlined />} onClick={() => setPicking(true)} data-testid="edition-add-candidates">
        {t('edition.addFromActivities')}
      </Button>
      {dirty ? (
        <Button icon={<UndoOutlined />} onClick={() => change(itemsOf(edition))} data-testid="edition-items-reset">
          {t('edition.discardChanges')}
        </Button>
      ) : null}
      <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.loading} onClick={saveAll} data-testid="edition-items-save">
        {t('common.save')}
      </Button>
    </Space>
  ) : null;

  return (
    <Card
      title={t('edition.items', { n: items.length })}
      extra={toolbar}
      data-testid={editable ? 'edition-items-editor' : 'edition-items-readonly'}
      data-dirty={dirty}
    >
      {dirty ? (
        <Typography.Paragraph type="warning" data-testid="edition-items-unsaved">
          {t('edition.unsaved')}
        </Typography.Paragraph>
      ) : null}
      {items.length === 0 ? <Empty description={editable ? t('edition.noItemsEditable') : t('edition.noItems')} /> : null}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {items.map((item, index) => (
          <Fragment key={item.key}>
            {headings[index] ? (
              <Typography.Title level={5} style={{ margin: index ? '12px 0 0' : 0 }} data-testid={`edition-section-${index}`}>
                {headings[index]}
              </Typography.Title>
            ) : null}
            <ItemCard
              item={item}
              index={index}
              count={items.length}
              errors={errors[index]}
              actions={
                editable
                  ? { onEdit: () => setEditing(item), onMove: (by) => change(moveItem(items, index, by)), onRemove: () => change(items.filter((i) => i.key !== item.key)) }
                  : undefined
              }
            />
          </Fragment>
        ))}
      </Space>
      <ItemFormModal item={editing} sections={items.map((i) => i.section ?? '').filter(Boolean)} onClose={() => setEditing(null)} onDone={done} />
      {editable ? (
        <CandidatesModal
          open={picking}
          edition={edition}
          present={new Set(items.map((i) => i.activityId).filter((id): id is number => id !== null))}
          onClose={() => setPicking(false)}
          onPick={(picked) => {
            change(addCandidates(items, picked));
            setPicking(false);
          }}
        />
      ) : null}
    </Card>
  );
}
