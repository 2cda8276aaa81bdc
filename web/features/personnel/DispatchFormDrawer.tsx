import { App, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dispatch } from '../../../src/modules/personnel/personnel.contract.ts';
import { CATEGORY_CODES, PROGRAMME_CODES, TEAM_CODES, categoryLabel, programmeLabel, resolveDispatch, searchDispatches, teamLabel, useCreateDispatch, useUpdateDispatch } from './personnel.api.ts';
import { DISPATCH_FORM_FIELDS, dispatchFormValues, toDispatchInput, toDispatchPatch, type DispatchFormValues } from './dispatchForm.ts';
import { DispatchPersonFields } from './DispatchPersonFields.tsx';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { RecordSelect } from '../../ui/RecordSelect.tsx';
import { useErrorReporter } from '../../ui/errors.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';

interface Props {
  open: boolean;
  /** null = a new dispatch (of an existing or a new person). */
  dispatch: Dispatch | null;
  onClose: () => void;
  onSaved: (d: Dispatch) => void;
}

/** 登记/编辑派驻: the person, category and 组团式 team, programme and batch, host, post, term, the dispatch it replaces. */
export function DispatchFormDrawer({ open, dispatch, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<DispatchFormValues>();
  const create = useCreateDispatch();
  const update = useUpdateDispatch();
  const submit = async (v: DispatchFormValues) => {
    try {
      const saved = dispatch ? await update.run(dispatch.id, toDispatchPatch(v)) : await create.run(toDispatchInput(v));
      message.success(t('dispatch.saved'));
      onSaved(saved);
    } catch (err) {
      report(err, form, DISPATCH_FORM_FIELDS);
    }
  };
  const select = (name: 'category' | 'team' | 'programme', codes: readonly string[], labelOf: (c: string) => string, required: boolean) => (
    <Form.Item name={name} label={t(`dispatch.${name}`)} rules={required ? [{ required: true, message: t('dispatch.required') }] : []}>
      <Select data-testid={`dispatch-form-${name}`} virtual={false} allowClear={!required} options={optionsOf(codes, labelOf, `dispatch-form-${name}`)} style={{ width: 200 }} popupMatchSelectWidth={false} />
    </Form.Item>
  );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={760}
      title={dispatch ? t('dispatch.editTitle') : t('dispatch.createTitle')}
      saving={create.loading || update.loading}
      submitTestId="dispatch-form-submit"
      onSave={() => form.submit()}
    >
      <Form<DispatchFormValues> form={form} clearOnDestroy layout="vertical" initialValues={dispatchFormValues(dispatch)} onFinish={submit} data-testid="dispatch-form">
        <DispatchPersonFields form={form} editing={dispatch ? { id: dispatch.personId, name: dispatch.personName } : null} />
        <Space wrap align="start">
          {select('category', CATEGORY_CODES, (c) => categoryLabel(t, c), true)}
          {select('team', TEAM_CODES, (c) => teamLabel(t, c), false)}
          {select('programme', PROGRAMME_CODES, (c) => programmeLabel(t, c), true)}
          <Form.Item name="batch" label={t('dispatch.batch')}>
            <Input data-testid="dispatch-form-batch" maxLength={50} placeholder={t('dispatch.batchPlaceholder')} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('dispatch.host')} extra={t('dispatch.hostHint')} style={{ marginBottom: 8 }}>
          <Space wrap>
            <Form.Item name="hostOrgId" noStyle>
              <OrgSearchSelect testId="dispatch-form-host-org" side="west" seed={dispatch?.hostOrgId ? { id: dispatch.hostOrgId, name: dispatch.hostOrgName ?? `#${dispatch.hostOrgId}` } : null} placeholder={t('dispatch.hostOrg')} />
            </Form.Item>
            <Form.Item name="hostRegion" noStyle>
              <RegionSearchSelect testId="dispatch-form-host-region" seed={dispatch?.hostRegion ? { code: dispatch.hostRegion, fullName: dispatch.countyName ?? dispatch.hostRegion } : null} placeholder={t('dispatch.hostRegion')} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="post" label={t('dispatch.post')}>
          <Input data-testid="dispatch-form-post" maxLength={200} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="termStart" label={t('dispatch.termStart')} rules={[{ required: true, message: t('dispatch.required') }]}>
            <DatePicker data-testid="dispatch-form-term-start" />
          </Form.Item>
          <Form.Item name="termEnd" label={t('dispatch.termEnd')} extra={t('dispatch.termEndHint')}>
            <DatePicker data-testid="dispatch-form-term-end" />
          </Form.Item>
        </Space>
        <Form.Item name="replacesId" label={t('dispatch.replaces')} extra={t('dispatch.replacesHint')}>
          <RecordSelect testId="dispatch-form-replaces" searchKey="/dispatches#pick" search={searchDispatches} resolve={resolveDispatch} placeholder={t('dispatch.replacesPlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('dispatch.note')}>
          <Input.TextArea data-testid="dispatch-form-note" rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
