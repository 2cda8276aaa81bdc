import { AutoComplete, Form, Input } from 'antd';
import { SECTION_ORDER } from '../../../src/modules/editions/editions.contract.ts';
import type { DraftItem } from './editionItems.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';

export type ItemValues = Pick<DraftItem, 'section' | 'title' | 'body'>;

interface Props {
  /** The item being edited, 'new' for a free item, null = closed. */
  item: DraftItem | 'new' | null;
  /** Sections already used in this edition, offered besides the usual ones. */
  sections: string[];
  onClose: () => void;
  onDone: (v: ItemValues) => void;
}

/** 编辑条目 / 添加自由条目: section (printed as 一、…), headline and text; kept in the editor until 保存. */
export function ItemFormModal({ item, sections, onClose, onDone }: Props) {
  const t = useT();
  const options = [...new Set([...SECTION_ORDER, ...sections])].map((s) => ({ value: s }));
  return (
    <FormModal<ItemValues>
      open={item !== null}
      width={720}
      title={item === 'new' ? t('edition.addFreeItem') : t('edition.editItem')}
      testId="item-form"
      submitTestId="item-form-submit"
      okText={t('edition.itemOk')}
      fields={{ fields: [] }}
      initialValues={item && item !== 'new' ? { section: item.section, title: item.title, body: item.body } : { section: null }}
      onClose={onClose}
      onSubmit={async (v) => onDone({ section: v.section?.trim() || null, title: v.title.trim(), body: v.body.trim() })}
    >
      <Form.Item name="section" label={t('edition.section')} extra={t('edition.sectionHint')}>
        <AutoComplete data-testid="item-form-section" options={options} allowClear maxLength={40} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="title" label={t('edition.itemTitle')} rules={[{ required: true, whitespace: true, min: 2, message: t('edition.itemTitleRequired') }]}>
        <Input data-testid="item-form-title" maxLength={200} />
      </Form.Item>
      <Form.Item name="body" label={t('edition.itemBody')} extra={t('edition.itemBodyHint')} rules={[{ required: true, whitespace: true, message: t('edition.itemBodyRequired') }]}>
        <Input.TextArea data-testid="item-form-body" autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} />
      </Form.Item>
    </FormModal>
  );
}
