import { App, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ActivityType } from '../../../src/modules/activities/activities.contract.ts';
import type { BulletinDetail, Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { useAcceptDraft } from './bulletins.api.ts';
import { activityTypeOfKind } from './bulletinEnums.ts';
import { RECORD_FIELDS, recordDefaults, toAcceptRecords, type RecordValues } from './acceptRecords.ts';
import { AcceptRecordFields } from './AcceptRecordFields.tsx';
import { AcceptIndustryFields } from './AcceptIndustryFields.tsx';
import { ACTIVITY_TYPE_CODES, activityTypeLabel } from '../activities/activityEnums.ts';
import { RegionMultiSelect } from '../regions/RegionMultiSelect.tsx';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { useT, type MessageKey } from '../../ui/i18n.tsx';

interface Values extends RecordValues {
  type: ActivityType;
  title: string;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  regionCodes: string[];
  pairingId?: number | null;
}
const FIELDS: FieldMapping = { fields: ['type', 'title', 'startDate', 'endDate', 'regionCodes', 'pairingId', ...RECORD_FIELDS.fields], rename: RECORD_FIELDS.rename };

const valuesOf = (d: Draft): Partial<Values> => ({
  type: activityTypeOfKind(d.kind),
  title: d.title,
  startDate: fromIsoDate(d.dateStart),
  endDate: fromIsoDate(d.dateEnd ?? d.dateStart),
  // A place the reader resolved to one division is filled in; an ambiguous one is left to choose.
  regionCodes: (d.facts.places ?? []).filter((p) => p.candidates.length === 1).map((p) => p.candidates[0].code),
  pairingId: null,
  ...recordDefaults(d),
});

interface Props {
  draft: Draft | null;
  onClose: () => void;
  onDone: (doc: BulletinDetail) => void;
}

/**
 * 采用: the item as a new activity — type from the item's kind, title and dates as read (to be picked when none was read); its text becomes the narrative.
 * 同时登记 adds the records its facts describe (AcceptRecordFields, AcceptIndustryFields), created with the activity or not at all.
 */
export function AcceptDraftModal({ draft, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const accept = useAcceptDraft();
  const required = (key: MessageKey) => [{ required: true, message: t(key) }];
  const noDate = !!draft && !draft.dateStart;
  const mentioned = draft ? [...draft.facts.recipientSide, ...draft.facts.shanghaiSide] : [];
  const places = draft?.facts.places ?? [];
  const ambiguous = places.filter((p) => p.candidates.length > 1);
  const seed = places.flatMap((p) => p.candidates.map((c) => ({ code: c.code, fullName: c.name })));
  const regionsHint = [
    mentioned.length ? t('bulletin.mentioned', { names: mentioned.join('、') }) : '',
    ambiguous.length ? t('bulletin.ambiguousPlaces', { names: ambiguous.map((p) => `${p.name}（${p.candidates.map((c) => `${c.name} ${c.code}`).join('；')}）`).join('，') }) : '',
  ].filter(Boolean).join(' ');
  return (
    <FormModal<Values>
      open={!!draft}
      width={640}
      title={t('bulletin.acceptTitle')}
      testId="accept-form"
      submitTestId="accept-submit"
      okText={t('bulletin.accept')}
      fields={FIELDS}
      initialValues={draft ? valuesOf(draft) : undefined}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!draft) return;
        const doc = await accept.run(draft.id, {
          type: v.type,
          title: v.title.trim(),
          startDate: toIsoDate(v.startDate) ?? '',
          endDate: toIsoDate(v.endDate) ?? '',
          regionCodes: v.regionCodes ?? [],
          pairingId: v.pairingId ?? null,
          records: toAcceptRecords(v),
        });
        message.success(t('bulletin.accepted'));
        onDone(doc);
      }}
    >
      <Typography.Paragraph type="secondary">{t('bulletin.acceptHint')}</Typography.Paragraph>
      <Form.Item name="type" label={t('bulletin.type')} rules={required('bulletin.typeRequired')}>
        <Select data-testid="accept-form-type" virtual={false} options={optionsOf(ACTIVITY_TYPE_CODES, (c) => activityTypeLabel(t, c), 'accept-form-type')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="title" label={t('bulletin.activityTitle')} rules={[...required('bulletin.titleRequired'), { whitespace: true, message: t('bulletin.titleRequired') }]}>
        <Input data-testid="accept-form-title" maxLength={200} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="startDate" label={t('bulletin.startDate')} rules={required('bulletin.startRequired')} extra={noDate ? t('bulletin.noDateHint') : undefined}>
          <DatePicker data-testid="accept-form-start" />
        </Form.Item>
        <Form.Item name="endDate" label={t('bulletin.endDate')} rules={required('bulletin.endRequired')}>
          <DatePicker data-testid="accept-form-end" />
        </Form.Item>
      </Space>
      <Form.Item name="regionCodes" label={t('bulletin.regions')} extra={regionsHint || undefined}>
        <RegionMultiSelect testId="accept-form-regions" seed={seed} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="pairingId" label={t('bulletin.pairing')}>
        <PairingSearchSelect testId="accept-form-pairing" style={{ width: '100%' }} />
      </Form.Item>
      <AcceptRecordFields />
      <AcceptIndustryFields draft={draft} />
    </FormModal>
  );
}
