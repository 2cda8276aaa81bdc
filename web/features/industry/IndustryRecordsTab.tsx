import { useState } from 'react';
import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useDeleteIndustryRecord, useIndustryList, type IndustryKind, type IndustryListParams, type IndustryRecord } from './industry.api.ts';
import { IndustryFormModal } from './IndustryFormModal.tsx';
import { useCan } from '../auth/session.tsx';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props<R extends IndustryRecord, V> {
  kind: IndustryKind<R, V>;
  params: IndustryListParams;
  onPage: (page: number, pageSize: number) => void;
  /** Something was saved or deleted: the summary should be fetched again. */
  onChanged: () => void;
}

/** One 产业合作 record kind: 登记 (activity:write), Excel 导入/导出 of the filtered list, the paged table with 编辑/删除, the form. */
export function IndustryRecordsTab<R extends IndustryRecord, V extends object>({ kind, params, onPage, onChanged }: Props<R, V>) {
  const t = useT();
  const list = useIndustryList<R>(kind.path, params);
  const remove = useDeleteIndustryRecord(kind.path);
  const canWrite = useCan('activity:write');
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const changed = () => {
    list.reload();
    onChanged();
  };
  const onDelete = useDeleteRecord<R>(remove.run, t('industry.deleted'), changed);
  const { page: _page, pageSize: _size, ...exportQuery } = params;
  const actions = {
    key: 'actions',
    title: t('common.actions'),
    width: 130,
    fixed: 'right' as const,
    render: (_: unknown, r: R) => (
      <Space size={0}>
        <Button size="small" type="link" data-testid={`${kind.testId}-edit-${r.id}`} onClick={() => setEditing(r)}>
          {t('common.edit')}
        </Button>
        <Popconfirm title={t('industry.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`${kind.testId}-delete-confirm-${r.id}`, { danger: true })} onConfirm={() => onDelete(r)}>
          <Button size="small" type="link" danger data-testid={`${kind.testId}-delete-${r.id}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ),
  };
  const demo = { key: 'demo', title: '', width: 60, render: (_: unknown, r: R) => (r.isDemo ? <Tag>{t('common.demo')}</Tag> : null) };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid={`${kind.testId}-create`} onClick={() => setEditing('new')}>
            {t(kind.createLabel)}
          </Button>
        ) : null}
        <SheetActions path={kind.path} testId={`${kind.testId}-sheet`} what={t(kind.title)} fileStem={kind.fileStem} exportQuery={exportQuery} canWrite={canWrite} onImported={changed} />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<R>
        data-testid={`${kind.testId}-table`}
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => rowWithTestId(`${kind.testId}-row-${r.id}`)}
        columns={[...kind.columns(t), demo, ...(canWrite ? [actions] : [])]}
        pagination={{ current: list.data?.page ?? 1, pageSize: list.data?.pageSize ?? 20, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
        onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
        scroll={{ x: 1400 }}
      />
      <IndustryFormModal<R, V>
        key={editing && editing !== 'new' ? editing.id : 'new'}
        kind={kind}
        open={editing !== null}
        record={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
    </>
  );
}
