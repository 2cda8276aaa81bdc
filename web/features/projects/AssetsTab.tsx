import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Radio, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { useAddRecord, useAssets, type Asset, type AssetInput } from './monitoring.api.ts';
import { ASSET_KIND_CODES, ASSET_STATUSES, assetKindLabel, type AssetKind } from './projectEnums.ts';
import { useCan } from '../auth/session.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { toIsoDate } from '../../ui/dates.ts';
import { formatFenAsWan, yuanToFen } from '../../ui/money.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

interface Values {
  name: string;
  kind: AssetKind;
  valueYuan: number | null;
  receiverName: string;
  handedOverOn: Dayjs;
}
const FIELDS = { fields: ['name', 'kind', 'valueYuan', 'receiverName', 'handedOverOn'], rename: { valueFen: 'valueYuan' } };
const KIND_COLORS: Record<string, string> = { operating: 'gold', public_welfare: 'green', household: 'blue' };

/** 资产: what the project leaves behind (经营性/公益性/到户类), registered once completed or accepted. */
export function AssetsTab({ project: p }: { project: Project }) {
  const t = useT();
  const { message } = App.useApp();
  const list = useAssets(p.id);
  const add = useAddRecord<AssetInput, Asset>('assets');
  const [adding, setAdding] = useState(false);
  const open = ASSET_STATUSES.includes(p.status);
  const canAdd = useCan('project:manage') && open;
  const need = (field: string) => [{ required: true, message: t('project.required', { field }) }];

  const submit = async (v: Values) => {
    await add.run(p.id, { name: v.name, kind: v.kind, valueFen: yuanToFen(v.valueYuan), receiverName: v.receiverName, handedOverOn: toIsoDate(v.handedOverOn) ?? '' });
    message.success(t('asset.saved'));
    setAdding(false);
    list.reload();
  };

  return (
    <div data-testid="project-assets">
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 8 }}>
        {canAdd ? (
          <Button icon={<PlusOutlined />} data-testid="asset-add" onClick={() => setAdding(true)}>
            {t('asset.add')}
          </Button>
        ) : null}
      </Space>
      {!open && p.status !== 'handed_over' ? <Alert type="info" showIcon title={t('asset.onlyWhenDone')} style={{ marginBottom: 12 }} /> : null}
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Asset>
        data-testid="asset-table"
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data ?? []}
        onRow={(a) => rowWithTestId(`asset-row-${a.id}`)}
        columns={[
          { key: 'name', title: t('asset.name'), render: (_, a) => a.name },
          { key: 'kind', title: t('asset.kind'), render: (_, a) => <Tag color={KIND_COLORS[a.kind]}>{assetKindLabel(t, a.kind)}</Tag> },
          { key: 'value', title: t('asset.value'), align: 'right', render: (_, a) => formatFenAsWan(a.valueFen, t('money.wan')) },
          { key: 'receiver', title: t('asset.receiver'), render: (_, a) => a.receiverName },
          { key: 'handedOverOn', title: t('asset.handedOverOn'), render: (_, a) => a.handedOverOn },
        ]}
      />
      <FormModal<Values>
        open={adding}
        title={t('asset.add')}
        testId="asset-form"
        submitTestId="asset-submit"
        fields={FIELDS}
        initialValues={{ kind: 'public_welfare', handedOverOn: dayjs() }}
        onClose={() => setAdding(false)}
        onSubmit={submit}
      >
        <Form.Item name="name" label={t('asset.name')} rules={need(t('asset.name'))}>
          <Input data-testid="asset-form-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('asset.kind')}>
          <Radio.Group data-testid="asset-form-kind" optionType="button" options={ASSET_KIND_CODES.map((k) => ({ value: k, label: <span data-testid={`asset-form-kind-${k}`}>{assetKindLabel(t, k)}</span> }))} />
        </Form.Item>
        <Form.Item name="valueYuan" label={t('asset.valueYuan')} rules={need(t('asset.value'))}>
          <InputNumber<number> data-testid="asset-form-value" min={0} precision={2} step={10000} style={{ width: 240 }} suffix={t('money.yuan')} />
        </Form.Item>
        <Form.Item name="receiverName" label={t('asset.receiver')} rules={need(t('asset.receiver'))}>
          <Input data-testid="asset-form-receiver" maxLength={200} />
        </Form.Item>
        <Form.Item name="handedOverOn" label={t('asset.handedOverOn')} rules={need(t('asset.handedOverOn'))}>
          <DatePicker data-testid="asset-form-date" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
