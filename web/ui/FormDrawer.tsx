import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { useT } from './i18n.tsx';

interface Props {
  open: boolean;
  title: ReactNode;
  /** Drawer width in px. */
  size: number;
  saving: boolean;
  /** data-testid of the save button. */
  submitTestId: string;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** The create/edit drawer of every record form: destroyed when hidden, 取消 and 保存 in the footer. */
export function FormDrawer({ open, title, size, saving, submitTestId, onSave, onClose, children }: Props) {
  const t = useT();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      title={title}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={submitTestId}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
