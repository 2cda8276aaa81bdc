import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

interface Props {
  title: string;
  /** The primary 新建 button, shown only when `canCreate` (the server would refuse the others). */
  createLabel: string;
  createTestId: string;
  canCreate: boolean;
  onCreate: () => void;
  /** Further buttons after 新建 (导入, 导出…), kept together with it on the right. */
  extra?: ReactNode;
  marginBottom?: number;
}

/** The title row of a list page: the page title on the left, 新建 (and `extra`) on the right. */
export function ListPageHeader({ title, createLabel, createTestId, canCreate, onCreate, extra, marginBottom = 16 }: Props) {
  const create = canCreate ? (
    <Button type="primary" icon={<PlusOutlined />} data-testid={createTestId} onClick={() => onCreate()}>
      {createLabel}
    </Button>
  ) : null;
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom }} wrap>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra === undefined ? (
        create
      ) : (
        <Space wrap>
          {create}
          {extra}
        </Space>
      )}
    </Space>
  );
}
