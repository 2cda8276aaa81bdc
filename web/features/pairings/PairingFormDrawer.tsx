import { App, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Pairing, PairingInput } from '../../../src/modules/pairings/pairings.contract.ts';
import { useCreatePairing, useUpdatePairing } from './pairings.api.ts';
import { OrgSearchSelect, type OrgChoice } from '../orgs/OrgSearchSelect.tsx';
import { useT } from '../../ui/i18n.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';
import { useErrorReporter, type FieldMapping } from '../../ui/errors.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { PAIRING_STATUS_CODES, PAIRING_TYPE_CODES, optionsOf, pairingStatusLabel, pairingTypeLabel, type PairingStatus } from '../../ui/enums.ts';

interface FormValues {
  type: Pairing['type'];
  eastOrgId: number;
  westOrgId: number;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  status: PairingStatus;
  note?: string | null;
}

const FIELDS: FieldMapping = { fields: ['type', 'eastOrgId', 'westOrgId', 'startDate', 'endDate', 'status', 'note'] };

export interface PairingDefaults {
  type?: Pairing['type'];
  eastOrg?: OrgChoice;
  westOrg?: OrgChoice;
}

interface Props {
  open: boolean;
  /** null = create a new pairing. */
  pairing: Pairing | null;
  defaults?: PairingDefaults;
  onClose: () => void;
  onSaved: (pairing: Pairing) => void;
}

function toInput(v: FormValues): PairingInput {
  return {
    type: v.type,
    eastOrgId: v.eastOrgId,
    westOrgId: v.westOrgId,
    startDate: toIsoDate(v.startDate) ?? '',
    endDate: toIsoDate(v.endDate),
    status: v.status,
    note: v.note?.trim() ? v.note.trim() : null,
  };
}

export function PairingFormDrawer({ open, pairing, defaults, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<FormValues>();
  const create = useCreatePairing();
  const update = useUpdatePairing();

  const initialValues: Partial<FormValues> = pairing
    ? {
        type: pairing.type,
        eastOrgId: pairing.eastOrg.id,
        westOrgId: pairing.westOrg.id,
        startDate: fromIsoDate(pairing.startDate) ?? undefined,
        endDate: fromIsoDate(pairing.endDate),
        status: pairing.status,
        note: pairing.note,
      }
    : { type: defaults?.type ?? 'east_west', status: 'active', eastOrgId: defaults?.eastOrg?.id, westOrgId: defaults?.westOrg?.id };
  const eastSeed = pairing ? { id: pairing.eastOrg.id, name: pairing.eastOrg.name, regionName: pairing.eastOrg.regionName } : defaults?.eastOrg;
  const westSeed = pairing ? { id: pairing.westOrg.id, name: pairing.westOrg.name, regionName: pairing.westOrg.regionName } : defaults?.westOrg;

  const submit = async (values: FormValues) => {
    try {
      const input = toInput(values);
      const saved = pairing ? await update.run(pairing.id, input) : await create.run(input);
      message.success(t(pairing ? 'pairing.saved' : 'pairing.created'));
      onSaved(saved);
    } catch (err) {
      report(err, form, FIELDS);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={560}
      title={pairing ? t('pairing.editTitle') : t('pairing.createTitle')}
      saving={create.loading || update.loading}
      submitTestId="pairing-form-submit"
      onSave={() => form.submit()}
    >
      <Form<FormValues> form={form} clearOnDestroy layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="pairing-form">
        <Form.Item name="type" label={t('pairing.type')} rules={[{ required: true, message: t('pairing.typeRequired') }]}>
          <Select data-testid="pairing-form-type" virtual={false} options={optionsOf(PAIRING_TYPE_CODES, (c) => pairingTypeLabel(t, c), 'pairing-form-type')} />
        </Form.Item>
        <Form.Item name="eastOrgId" label={t('pairing.eastOrg')} extra={t('pairing.eastOrgHint')} rules={[{ required: true, message: t('pairing.eastOrgRequired') }]}>
          <OrgSearchSelect testId="pairing-form-east" side="east" seed={eastSeed} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="westOrgId" label={t('pairing.westOrg')} extra={t('pairing.westOrgHint')} rules={[{ required: true, message: t('pairing.westOrgRequired') }]}>
          <OrgSearchSelect testId="pairing-form-west" side="west" seed={westSeed} style={{ width: '100%' }} />
        </Form.Item>
        <Space size="middle" style={{ display: 'flex' }}>
          <Form.Item name="startDate" label={t('pairing.startDate')} rules={[{ required: true, message: t('pairing.startRequired') }]}>
            <DatePicker data-testid="pairing-form-start" />
          </Form.Item>
          <Form.Item name="endDate" label={t('pairing.endDate')}>
            <DatePicker data-testid="pairing-form-end" />
          </Form.Item>
        </Space>
        <Form.Item name="status" label={t('pairing.status')} rules={[{ required: true }]}>
          <Select data-testid="pairing-form-status" virtual={false} options={optionsOf(PAIRING_STATUS_CODES, (c) => pairingStatusLabel(t, c), 'pairing-form-status')} />
        </Form.Item>
        <Form.Item name="note" label={t('pairing.note')}>
          <Input.TextArea data-testid="pairing-form-note" rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
