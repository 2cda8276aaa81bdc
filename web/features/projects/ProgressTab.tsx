import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Progress as Bar, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { useAddRecord, useProgress, type Progress, type ProgressInput } from './monitoring.api.ts';
import { PROGRESS_STATUSES } from './projectEnums.ts';
import { useCan } from '../auth/session.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { toIsoDate } from '../../ui/dates.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

interface Values {
  onDate: Dayjs;
  percent: number;
  narrative: string;
}
const FIELDS = { fields: ['onDate', 'percent', 'narrative'] };

/** 进度: the progress reports (percent as a bar), newest first, and 报告进度 while the work is under way. */
export function ProgressTab({ project: p }: { project: Project }) {
  const t = useT();
  const { message } = App.useApp();
  const list = useProgress(p.id);
  const add = useAddRecord<ProgressInput, Progress>('progress');
  const [adding, setAdding] = useState(false);
  const canAdd = useCan('project:write') && PROGRESS_STATUSES.includes(p.status);
  const rows = [...(list.data ?? [])].sort((a, b) => b.onDate.localeCompare(a.onDate) || b.id - a.id);
  const last = rows[0]?.percent ?? 0;

  const submit = async (v: Values) => {
    await add.run(p.id, { onDate: toIsoDate(v.onDate) ?? '', percent: v.percent, narrative: v.narrative });
    message.success(t('progress.saved'));
    setAdding(false);
    list.reload();
  };

  return (
    <div data-testid="project-progress">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Bar percent={last} style={{ width: 320 }} data-testid="progress-latest" />
        {canAdd ? (
          <Button icon={<PlusOutlined />} data-testid="progress-add" onClick={() => setAdding(true)}>
            {t('progress.add')}
          </Button>
        ) : null}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Progress>
        data-testid="progress-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        onRow={(r) => rowWithTestId(`progress-row-${r.id}`)}
        columns={[
          { key: 'onDate', title: t('progress.onDate'), width: 110, render: (_, r) => r.onDate },
          { key: 'percent', title: t('progress.percent'), width: 220, render: (_, r) => <Bar percent={r.percent} size="small" /> },
          { key: 'narrative', title: t('progress.narrative'), render: (_, r) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.narrative}</Typography.Text> },
          { key: 'reportedBy', title: t('progress.reportedBy'), width: 140, render: (_, r) => r.reportedBy },
        ]}
      />
      <FormModal<Values>
        open={adding}
        title={t('progress.add')}
        testId="progress-form"
        submitTestId="progress-submit"
        fields={FIELDS}
        initialValues={{ onDate: dayjs(), percent: last }}
        onClose={() => setAdding(false)}
        onSubmit={submit}
      >
        <Form.Item name="onDate" label={t('progress.onDate')} rules={[{ required: true, message: t('project.required', { field: t('progress.onDate') }) }]}>
          <DatePicker data-testid="progress-form-date" />
        </Form.Item>
        <Form.Item name="percent" label={t('progress.percent')} rules={[{ required: true, message: t('project.required', { field: t('progress.percent') }) }]}>
          <InputNumber data-testid="progress-form-percent" min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="narrative" label={t('progress.narrative')} rules={[{ required: true, whitespace: true, message: t('project.required', { field: t('progress.narrative') }) }]}>
          <Input.TextArea data-testid="progress-form-narrative" rows={4} maxLength={5000} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
