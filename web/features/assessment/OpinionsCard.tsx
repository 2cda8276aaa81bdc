import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useAddOpinion, useOpinions, type Opinion, type YearScope } from './assessment.api.ts';
import { useCan } from '../auth/session.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { ErrorAlert, type FieldMapping } from '../../ui/errors.tsx';
import { formatDateTime, toIsoDate } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

interface FormValues {
  fromOrgId: number;
  givenOn: Dayjs;
  opinion: string;
}

/** The scope's fields (district, pairing, region, year) are the page's: an issue on them is shown in the message only. */
const FIELDS: FieldMapping = { fields: ['fromOrgId', 'givenOn', 'opinion'] };

interface Props {
  q: YearScope;
  onChanged: () => void;
}

/** 征求意见: what the paired side's units said of the scope's work in the year, and (indicator:write) a form to record one. */
export function OpinionsCard({ q, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan('indicator:write');
  const list = useOpinions(q);
  const add = useAddOpinion();
  const [adding, setAdding] = useState(false);
  const counterparts = list.data?.counterparts ?? [];

  return (
    <Card
      size="small"
      title={t('asmt.opinions')}
      data-testid="assessment-opinions"
      extra={
        canWrite ? (
          <Button size="small" type="primary" icon={<PlusOutlined />} disabled={!list.data || counterparts.length === 0} onClick={() => setAdding(true)} data-testid="assessment-opinion-create">
            {t('asmt.addOpinion')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.data && counterparts.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="assessment-opinion-no-counterparts">
          {t('asmt.noCounterparts')}
        </Typography.Paragraph>
      ) : null}
      <Table<Opinion>
        data-testid="assessment-opinion-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('asmt.noOpinions') }}
        onRow={(o) => rowWithTestId(`assessment-opinion-row-${o.id}`)}
        scroll={{ x: 800 }}
        columns={[
          { key: 'from', title: t('asmt.fromOrg'), width: 220, render: (_, o) => o.fromOrgName },
          { key: 'givenOn', title: t('asmt.givenOn'), width: 110, dataIndex: 'givenOn' },
          { key: 'opinion', title: t('asmt.opinion'), render: (_, o) => <span style={{ whiteSpace: 'pre-wrap' }}>{o.opinion}</span> },
          {
            key: 'recorded',
            title: t('asmt.recordedBy'),
            width: 200,
            render: (_, o) => (
              <>
                <div>{o.recordedBy}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[o.owningOrgName, formatDateTime(o.createdAt)].filter(Boolean).join(' · ')}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
      <FormModal<FormValues>
        open={adding}
        title={t('asmt.addOpinionTitle', { scope: list.data?.scope.name ?? '', year: q.year })}
        testId="assessment-opinion-form"
        submitTestId="assessment-opinion-form-submit"
        fields={FIELDS}
        initialValues={{ givenOn: dayjs(), fromOrgId: counterparts.length === 1 ? counterparts[0].id : undefined }}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          await add.run({ ...q, fromOrgId: v.fromOrgId, opinion: v.opinion.trim(), givenOn: toIsoDate(v.givenOn)! });
          message.success(t('asmt.opinionAdded'));
          setAdding(false);
          list.reload();
          onChanged();
        }}
      >
        <Form.Item name="fromOrgId" label={t('asmt.fromOrg')} rules={[{ required: true, message: t('asmt.fromOrgRequired') }]}>
          <Select
            data-testid="assessment-opinion-form-from"
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('asmt.pickCounterpart')}
            options={counterparts.map((c) => ({ value: c.id, label: c.name, 'data-testid': `assessment-opinion-form-from-option-${c.id}` }))}
          />
        </Form.Item>
        <Form.Item name="givenOn" label={t('asmt.givenOn')} rules={[{ required: true, message: t('asmt.givenOnRequired') }]}>
          <DatePicker data-testid="assessment-opinion-form-given-on" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="opinion" label={t('asmt.opinion')} rules={[{ required: true, whitespace: true, message: t('asmt.opinionRequired') }]}>
          <Input.TextArea data-testid="assessment-opinion-form-text" rows={5} maxLength={5000} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
