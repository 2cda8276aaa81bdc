import { App, Form, Input, Radio, Select } from 'antd';
import type { Org, OrgInput, Side } from '../../../src/modules/orgs/orgs.contract.ts';
import { useCreateOrg, useUpdateOrg } from './orgs.api.ts';
import { OrgSearchSelect } from './OrgSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useT } from '../../ui/i18n.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';
import { useErrorReporter, type FieldMapping } from '../../ui/errors.tsx';
import { ORG_TYPE_CODES, SIDE_CODES, optionsOf, orgTypeLabel, sideLabel } from '../../ui/enums.ts';

interface FormValues {
  name: string;
  type: Org['type'];
  side: Side;
  regionCode?: string | null;
  parentId?: number | null;
  aliases?: string[];
  note?: string | null;
}

const FIELDS: FieldMapping = { fields: ['name', 'type', 'side', 'regionCode', 'parentId', 'aliases', 'note'] };

interface Props {
  open: boolean;
  /** null = create a new organisation. */
  org: Org | null;
  /** Prefilled values when creating (e.g. the side the list is filtered by). */
  defaults?: Partial<FormValues>;
  onClose: () => void;
  onSaved: (org: Org) => void;
}

function toInput(values: FormValues): OrgInput {
  return {
    name: values.name.trim(),
    type: values.type,
    side: values.side,
    regionCode: values.regionCode ?? null,
    parentId: values.parentId ?? null,
    aliases: (values.aliases ?? []).map((a) => a.trim()).filter(Boolean),
    note: values.note?.trim() ? values.note.trim() : null,
  };
}

export function OrgFormDrawer({ open, org, defaults, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const saving = create.loading || update.loading;

  // The drawer is destroyed when hidden and the form clears its store then (clearOnDestroy), so it mounts afresh with these values each time it opens.
  const initialValues: Partial<FormValues> = org
    ? { name: org.name, type: org.type, side: org.side, regionCode: org.regionCode, parentId: org.parentId, aliases: org.aliases, note: org.note }
    : { side: 'east', type: 'coop_office', aliases: [], ...defaults };

  const submit = async (values: FormValues) => {
    try {
      const input = toInput(values);
      const saved = org ? await update.run(org.id, input) : await create.run(input);
      message.success(t(org ? 'common.saved' : 'common.created', { name: saved.name }));
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
      title={org ? t('org.editTitle', { name: org.name }) : t('org.createTitle')}
      saving={saving}
      submitTestId="org-form-submit"
      onSave={() => form.submit()}
    >
      <Form<FormValues> form={form} clearOnDestroy layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="org-form">
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }]}>
          <Input data-testid="org-form-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="side" label={t('org.side')} rules={[{ required: true }]}>
          <Radio.Group data-testid="org-form-side" optionType="button" options={SIDE_CODES.map((s) => ({ value: s, label: <span data-testid={`org-form-side-${s}`}>{sideLabel(t, s)}</span> }))} />
        </Form.Item>
        <Form.Item name="type" label={t('org.type')} rules={[{ required: true, message: t('org.typeRequired') }]}>
          <Select data-testid="org-form-type" virtual={false} options={optionsOf(ORG_TYPE_CODES, (c) => orgTypeLabel(t, c), 'org-form-type')} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('org.region')} extra={t('org.regionHint')}>
          <RegionSearchSelect testId="org-form-region" seed={org?.region ? { code: org.region.code, fullName: org.region.fullName, level: org.region.level } : null} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="parentId" label={t('org.parent')}>
          <OrgSearchSelect testId="org-form-parent" excludeId={org?.id} seed={org?.parentId ? { id: org.parentId, name: org.parentName ?? String(org.parentId) } : null} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="aliases" label={t('org.aliases')} extra={t('org.aliasesHint')}>
          <Select data-testid="org-form-aliases" mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="note" label={t('org.note')}>
          <Input.TextArea data-testid="org-form-note" rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
