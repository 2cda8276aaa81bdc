import { App, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TargetGroup, Training, TrainingInput } from '../../../src/modules/training/training.contract.ts';
import { TARGET_GROUP_CODES, TRAINING_KIND_CODES, targetGroupLabel, trainingKindLabel, useCreateTraining, useUpdateTraining, type TrainingKind } from './training.api.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { useT } from '../../ui/i18n.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import type { FieldMapping } from '../../ui/errors.tsx';

interface Values {
  title: string;
  kind: TrainingKind;
  organiserOrgId?: number | null;
  organiserName?: string | null;
  placeRegion?: string | null;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  targetGroup: TargetGroup;
  batches: number;
  participants: number;
  personTimes: number;
  countyCode?: string | null;
  pairingId?: number | null;
}
const FIELDS: FieldMapping = { fields: ['title', 'kind', 'organiserOrgId', 'organiserName', 'placeRegion', 'startDate', 'endDate', 'targetGroup', 'batches', 'participants', 'personTimes', 'countyCode', 'pairingId'] };

const valuesOf = (x: Training | null): Partial<Values> =>
  x
    ? {
        title: x.title, kind: x.kind, organiserOrgId: x.organiserOrgId, organiserName: x.organiserName, placeRegion: x.placeRegion, startDate: fromIsoDate(x.startDate), endDate: fromIsoDate(x.endDate),
        targetGroup: x.targetGroup, batches: x.batches, participants: x.participants, personTimes: x.personTimes, countyCode: x.countyCode, pairingId: x.pairingId,
      }
    : { kind: 'training', batches: 1 };

/** 地点: a place in Shanghai (31…) is 在沪培训, shown as soon as it is picked. */
function PlaceField({ form, training }: { form: FormInstance<Values>; training: Training | null }) {
  const t = useT();
  const place = Form.useWatch('placeRegion', form);
  return (
    <Form.Item name="placeRegion" label={t('training.place')} extra={place?.startsWith('31') ? <Tag color="blue" data-testid="training-form-in-shanghai">{t('training.inShanghai')}</Tag> : t('training.placeHint')}>
      <RegionSearchSelect testId="training-form-place" seed={training?.placeRegion ? { code: training.placeRegion, fullName: training.placeName ?? training.placeRegion } : null} />
    </Form.Item>
  );
}

interface Props {
  open: boolean;
  training: Training | null;
  /** Names of the organiser and county of the training being edited (the API returns only their ids). */
  names?: { organiser?: string; county?: string };
  onClose: () => void;
  onSaved: (training: Training) => void;
}

/** 登记/编辑培训: kind, organiser, place (a Shanghai place means 在沪), dates, target group, 批次 / 人数 / 人次 (the API checks 人次 ≥ 人数). */
export function TrainingFormModal({ open, training, names = {}, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateTraining();
  const update = useUpdateTraining();
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, message: t(key) }];
  return (
    <FormModal<Values>
      open={open}
      width={760}
      title={training ? t('training.editTitle') : t('training.createTitle')}
      testId="training-form"
      submitTestId="training-form-submit"
      fields={FIELDS}
      initialValues={valuesOf(training)}
      onClose={onClose}
      onSubmit={async (v) => {
        const input: TrainingInput = { ...v, title: v.title?.trim(), organiserName: v.organiserName?.trim() || null, startDate: toIsoDate(v.startDate) ?? '', endDate: toIsoDate(v.endDate) ?? '' };
        const saved = training ? await update.run(training.id, input) : await create.run(input);
        message.success(t('training.saved'));
        onSaved(saved);
      }}
    >
      {(form) => (
        <>
          <Form.Item name="title" label={t('training.title')} rules={required('training.titleRequired')}>
            <Input data-testid="training-form-title" maxLength={200} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="kind" label={t('training.kind')} rules={required('training.kindRequired')}>
              <Radio.Group data-testid="training-form-kind">
                {TRAINING_KIND_CODES.map((k) => (
                  <Radio key={k} value={k} data-testid={`training-form-kind-${k}`}>
                    {trainingKindLabel(t, k)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="targetGroup" label={t('training.targetGroup')} rules={required('training.targetRequired')}>
              <Select data-testid="training-form-target" virtual={false} options={optionsOf(TARGET_GROUP_CODES, (c) => targetGroupLabel(t, c), 'training-form-target')} style={{ width: 180 }} />
            </Form.Item>
          </Space>
          <Form.Item label={t('training.organiser')} extra={t('training.organiserHint')} style={{ marginBottom: 8 }}>
            <Space wrap>
              <Form.Item name="organiserOrgId" noStyle>
                <OrgSearchSelect testId="training-form-organiser-org" seed={training?.organiserOrgId ? { id: training.organiserOrgId, name: names.organiser ?? `#${training.organiserOrgId}` } : null} />
              </Form.Item>
              <Form.Item name="organiserName" noStyle>
                <Input data-testid="training-form-organiser-name" placeholder={t('training.organiserName')} style={{ width: 220 }} maxLength={200} />
              </Form.Item>
            </Space>
          </Form.Item>
          <PlaceField form={form} training={training} />
          <Space wrap align="start">
            <Form.Item name="startDate" label={t('training.startDate')} rules={required('training.startRequired')}>
              <DatePicker data-testid="training-form-start" />
            </Form.Item>
            <Form.Item name="endDate" label={t('training.endDate')} rules={required('training.endRequired')}>
              <DatePicker data-testid="training-form-end" />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            {(['batches', 'participants', 'personTimes'] as const).map((f) => (
              <Form.Item key={f} name={f} label={t(`training.${f}`)} rules={required('training.countRequired')}>
                <InputNumber<number> data-testid={`training-form-${f === 'personTimes' ? 'person-times' : f}`} min={0} precision={0} style={{ width: 140 }} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="countyCode" label={t('training.county')} extra={t('training.countyHint')}>
            <RegionSearchSelect testId="training-form-county" levels={[3]} seed={training?.countyCode ? { code: training.countyCode, fullName: names.county ?? training.countyCode } : null} />
          </Form.Item>
          <Form.Item name="pairingId" label={t('training.pairing')}>
            <PairingSearchSelect testId="training-form-pairing" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
