import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Progress, Space, Table, Typography } from 'antd';
import { DownloadOutlined, ExperimentOutlined, ReloadOutlined } from '@ant-design/icons';
import { randomSeed, sampleExportPath, SEED_MAX, useDrawSample, useSamples, type SampleSummary, type YearScope } from './assessment.api.ts';
import { useCan } from '../auth/session.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { ErrorAlert, type FieldMapping } from '../../ui/errors.tsx';
import { useDownload } from '../../ui/download.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

interface FormValues {
  seed: number;
  perIndicator: number;
}

const FIELDS: FieldMapping = { fields: ['seed', 'perIndicator'] };

interface Props {
  q: YearScope;
  onOpen: (id: number) => void;
  onChanged: () => void;
}

/** 交叉核查: the samples drawn for the scope and year, each with its checklist and Excel; 抽取样本 (indicator:write) draws a new one. */
export function SamplesCard({ q, onOpen, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan('indicator:write');
  const list = useSamples(q);
  const draw = useDrawSample();
  const [drawing, setDrawing] = useState(false);
  const { download, busy } = useDownload();

  return (
    <Card
      size="small"
      title={t('asmt.samples')}
      data-testid="assessment-samples"
      extra={
        canWrite ? (
          <Button size="small" type="primary" icon={<ExperimentOutlined />} onClick={() => setDrawing(true)} data-testid="assessment-sample-create">
            {t('asmt.drawSample')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('asmt.samplesIntro')}
      </Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<SampleSummary>
        data-testid="assessment-sample-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('asmt.noSamples') }}
        onRow={(s) => rowWithTestId(`assessment-sample-row-${s.id}`, { 'data-count': String(s.count), 'data-checked': String(s.checked) })}
        scroll={{ x: 800 }}
        columns={[
          { key: 'createdAt', title: t('asmt.drawnAt'), width: 150, render: (_, s) => formatDateTime(s.createdAt) },
          { key: 'createdBy', title: t('asmt.drawnBy'), width: 160, dataIndex: 'createdBy' },
          { key: 'seed', title: t('asmt.seed'), width: 120, render: (_, s) => <Typography.Text code>{s.seed}</Typography.Text> },
          { key: 'per', title: t('asmt.perIndicator'), width: 110, align: 'right', dataIndex: 'perIndicator' },
          {
            key: 'progress',
            title: t('asmt.checked'),
            width: 200,
            render: (_, s) => (
              <Space size={8}>
                <Progress percent={s.count ? Math.round((s.checked / s.count) * 100) : 0} size="small" style={{ width: 90, margin: 0 }} showInfo={false} />
                <span data-testid={`assessment-sample-checked-${s.id}`}>{t('asmt.checkedOf', { checked: s.checked, count: s.count })}</span>
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 190,
            render: (_, s) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => onOpen(s.id)} data-testid={`assessment-sample-open-${s.id}`}>
                  {t('asmt.openChecklist')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  loading={busy === sampleExportPath(s.id)}
                  onClick={() => download(sampleExportPath(s.id), undefined, t('asmt.sampleFile', { id: s.id }))}
                  data-testid={`assessment-sample-export-${s.id}`}
                >
                  {t('asmt.exportExcel')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<FormValues>
        open={drawing}
        title={t('asmt.drawSampleTitle')}
        testId="assessment-sample-form"
        submitTestId="assessment-sample-form-submit"
        okText={t('asmt.draw')}
        fields={FIELDS}
        initialValues={{ seed: randomSeed(), perIndicator: 3 }}
        onClose={() => setDrawing(false)}
        onSubmit={async (v) => {
          const sample = await draw.run({ ...q, seed: v.seed, perIndicator: v.perIndicator });
          message.success(t('asmt.sampleDrawn', { count: sample.count }));
          setDrawing(false);
          list.reload();
          onChanged();
          onOpen(sample.id);
        }}
      >
        {(form) => (
          <>
            <Form.Item label={t('asmt.seed')} required extra={t('asmt.seedHint')}>
              <Space.Compact>
                <Form.Item name="seed" noStyle rules={[{ required: true, message: t('asmt.seedRequired') }]}>
                  <InputNumber<number> data-testid="assessment-sample-form-seed" min={0} max={SEED_MAX} precision={0} style={{ width: 200 }} />
                </Form.Item>
                <Button icon={<ReloadOutlined />} onClick={() => form.setFieldValue('seed', randomSeed())} data-testid="assessment-sample-form-seed-new">
                  {t('asmt.newSeed')}
                </Button>
              </Space.Compact>
            </Form.Item>
            <Form.Item name="perIndicator" label={t('asmt.perIndicator')} extra={t('asmt.perIndicatorHint')} rules={[{ required: true, message: t('asmt.perIndicatorRequired') }]}>
              <InputNumber<number> data-testid="assessment-sample-form-per-indicator" min={1} max={50} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
