import { App, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Activity } from '../../../src/modules/activities/activities.contract.ts';
import { useCreateActivity, useUpdateActivity } from './activities.api.ts';
import { ACTIVITY_FORM_FIELDS, activityFormValues, toActivityInput, withLinkFields, type ActivityFormValues } from './activityForm.ts';
import { ACTIVITY_TYPE_CODES, activityTypeLabel } from './activityEnums.ts';
import { ActivityLinkFields } from './ActivityLinkFields.tsx';
import { RegionMultiSelect } from '../regions/RegionMultiSelect.tsx';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { OrgMultiSelect } from '../orgs/OrgMultiSelect.tsx';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { usePairingOrgs } from '../pairings/pairings.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';
import { useErrorReporter } from '../../ui/errors.tsx';
import { optionsOf } from '../../ui/enums.ts';

interface Props {
  open: boolean;
  /** null = a new activity. */
  activity: Activity | null;
  /** For a new activity: the pairing it is recorded under (the list's pairing filter). */
  pairingId?: number | null;
  onClose: () => void;
  onSaved: (activity: Activity) => void;
}

/** 登记/编辑工作动态: what, when, where, who, the pairing, the narrative, photo file names and the linked records. */
export function ActivityFormDrawer({ open, activity, pairingId, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<ActivityFormValues>();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const pairingOrgs = usePairingOrgs(Form.useWatch('pairingId', form));

  const submit = async (values: ActivityFormValues) => {
    const input = toActivityInput(values);
    try {
      const saved = activity ? await update.run(activity.id, input) : await create.run(input);
      message.success(t(activity ? 'common.saved' : 'common.created', { name: saved.title }));
      onSaved(saved);
    } catch (err) {
      report(withLinkFields(err, input), form, ACTIVITY_FORM_FIELDS);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={820}
      title={activity ? t('activity.editTitle') : t('activity.createTitle')}
      saving={create.loading || update.loading}
      submitTestId="activity-form-submit"
      onSave={() => form.submit()}
    >
      <Form<ActivityFormValues> form={form} clearOnDestroy layout="vertical" initialValues={activityFormValues(activity, { pairingId })} onFinish={submit} data-testid="activity-form">
        <Space wrap align="start">
          <Form.Item name="type" label={t('activity.type')} rules={[{ required: true, message: t('activity.typeRequired') }]}>
            <Select data-testid="activity-form-type" virtual={false} options={optionsOf(ACTIVITY_TYPE_CODES, (c) => activityTypeLabel(t, c), 'activity-form-type')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="startDate" label={t('activity.startDate')} rules={[{ required: true, message: t('activity.startRequired') }]}>
            <DatePicker data-testid="activity-form-start" />
          </Form.Item>
          <Form.Item name="endDate" label={t('activity.endDate')} extra={t('activity.endHint')}>
            <DatePicker data-testid="activity-form-end" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('activity.title')} rules={[{ required: true, message: t('activity.titleRequired') }]}>
          <Input data-testid="activity-form-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="pairingId" label={t('activity.pairing')} extra={t('activity.pairingHint')}>
          <PairingSearchSelect testId="activity-form-pairing" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regionCodes" label={t('activity.places')} extra={t('activity.placesHint')}>
          <RegionMultiSelect testId="activity-form-places" seed={activity?.places.map((p) => ({ code: p.code, fullName: p.name })) ?? []} style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="leadOrgId" label={t('activity.leadOrg')}>
            <OrgSearchSelect testId="activity-form-lead-org" extra={pairingOrgs} seed={activity?.leadOrgId ? { id: activity.leadOrgId, name: activity.leadOrgName ?? '' } : null} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="leader" label={t('activity.leader')}>
            <Input data-testid="activity-form-leader" maxLength={200} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="delegationSize" label={t('activity.size')}>
            <InputNumber<number> data-testid="activity-form-size" min={0} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="orgIds" label={t('activity.orgs')} extra={t('activity.orgsHint')}>
          <OrgMultiSelect testId="activity-form-orgs" extra={pairingOrgs} seed={activity?.orgs ?? []} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="narrative" label={t('activity.narrative')}>
          <Input.TextArea data-testid="activity-form-narrative" rows={4} maxLength={20000} />
        </Form.Item>
        <Form.Item name="photos" label={t('activity.photos')} extra={t('activity.photosHint')}>
          <Select data-testid="activity-form-photos" mode="tags" open={false} tokenSeparators={[',', '，', ' ']} style={{ width: '100%' }} />
        </Form.Item>
        <Typography.Title level={5}>{t('activity.links')}</Typography.Title>
        <ActivityLinkFields form={form} activity={activity} />
      </Form>
    </FormDrawer>
  );
}
