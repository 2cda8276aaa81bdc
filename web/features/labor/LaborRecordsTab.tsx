import { useState } from 'react';
import { Button, Popconfirm, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useDeleteLaborRecord, useLaborList, type LaborKind, type LaborListParams, type LaborRecord } from './labor.api.ts';
import { LaborFormModal } from './LaborFormModal.tsx';
import { useCan } from '../auth/session.tsx';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { api } from '../../ui/api.ts';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props<R extends LaborRecord, V> {
  kind: LaborKind<R, V>;
  params: LaborListParams;
  onPage: (page: number, pageSize: number) => void;
  /** Something was saved or deleted: the summary should be fetched again. */
  onChanged: () => void;
}

/** Every labor table has a spreadsheet on the server; these are the downloaded files' names. */
const SHEETS: Record<string, string> = { '/labor/placements': '劳务输出', '/labor/job-fairs': '招聘会', '/labor/workstations': '驻沪劳务工作站', '/labor/retention': '稳岗跟踪' };

/** One labor record kind: 登记 (labor:write), the paged table with 编辑/删除, the form. */
export function LaborRecordsTab<R extends LaborRecord, V extends object>({ kind, params, onPage, onChanged }: Props<R, V>) {
  const t = useT();
  const report = useErrorReporter();
  const list = useLaborList<R>(kind.path, params);
  const remove = useDeleteLaborRecord(kind.path);
  const canWrite = useCan('labor:write');
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const changed = () => {
    list.reload();
    onChanged();
  };
  const onDelete = useDeleteRecord<R>(remove.run, t('labor.deleted'), changed);
  const openExisting = async (id: number) => {
    try {
      setEditing(await api.get<R>(`${kind.path}/${id}`));
    } catch (err) {
      report(err);
    }
  };
  const actions = {
    key: 'actions',
    title: t('common.actions'),
    width: 130,
    render: (_: unknown, r: R) => (
      <Space size={0}>
        <Button size="small" type="link" data-testid={`${kind.testId}-edit-${r.id}`} onClick={() => setEditing(r)}>
          {t('common.edit')}
        </Button>
        <Popconfirm title={t('labor.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`${kind.testId}-delete-confirm-${r.id}`, { danger: true })} onConfirm={() => onDelete(r)}>
          <Button size="small" type="link" danger data-testid={`${kind.testId}-delete-${r.id}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ),
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid={`${kind.testId}-create`} onClick={() => setEditing('new')}>
            {t(kind.createLabel)}
          </Button>
        ) : null}
        {SHEETS[kind.path] ? (
          <SheetActions path={kind.path} testId={`${kind.testId}-sheet`} what={t(kind.createLabel)} fileStem={SHEETS[kind.path]} exportQuery={params} canWrite={canWrite} onImported={changed} />
        ) : null}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<R>
        data-testid={`${kind.testId}-table`}
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => rowWithTestId(`${kind.testId}-row-${r.id}`)}
        columns={[...kind.columns(t), ...(canWrite ? [actions] : [])]}
        pagination={{ current: list.data?.page ?? 1, pageSize: list.data?.pageSize ?? 20, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
        onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
        scroll={{ x: 900 }}
      />
      <LaborFormModal<R, V>
        key={editing && editing !== 'new' ? editing.id : 'new'}
        kind={kind}
        open={editing !== null}
        record={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
        onOpenExisting={openExisting}
      />
    </>
  );
}
