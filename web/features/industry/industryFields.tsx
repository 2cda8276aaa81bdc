import { DatePicker, Form, Input, InputNumber, Space } from 'antd';
import type { FormRule as Rule } from 'antd';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { searchActivities } from '../activities/activities.api.ts';
import { useCan } from '../auth/session.tsx';
import { RecordSelect } from '../../ui/RecordSelect.tsx';
import { api } from '../../ui/api.ts';
import { useT, type MessageKey } from '../../ui/i18n.tsx';

/** Form pieces the four 产业合作 forms share; every input gets data-testid `{stem}-form-{field}`. */

const req = (message: string): Rule[] => [{ required: true, message }];

/** The recipient county (required) and, optionally, a township or village of it. */
export function PlaceFields({ stem, record }: { stem: string; record: { countyCode: string; countyName: string | null; placeCode?: string | null; placeName: string | null } | null }) {
  const t = useT();
  return (
    <Space wrap align="start">
      <Form.Item name="countyCode" label={t('industry.county')} rules={req(t('industry.required'))}>
        <RegionSearchSelect testId={`${stem}-form-county`} levels={[3]} seed={record ? { code: record.countyCode, fullName: record.countyName ?? record.countyCode } : null} style={{ width: 300 }} />
      </Form.Item>
      <Form.Item name="placeCode" label={t('industry.place')} extra={t('industry.placeHint')}>
        <RegionSearchSelect testId={`${stem}-form-place`} levels={[4, 5]} seed={record?.placeCode ? { code: record.placeCode, fullName: record.placeName ?? record.placeCode } : null} style={{ width: 300 }} />
      </Form.Item>
    </Space>
  );
}

export function CountField({ stem, name, testId, label, required = true }: { stem: string; name: string; testId: string; label: MessageKey; required?: boolean }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(label)} rules={required ? req(t('industry.required')) : []}>
      <InputNumber<number> data-testid={`${stem}-form-${testId}`} min={0} precision={0} style={{ width: 140 }} />
    </Form.Item>
  );
}

/** An amount typed in 万元 (kept to the fen) or 元. */
export function MoneyField({ stem, name, testId, label, unit, required = true, extra }: { stem: string; name: string; testId: string; label: MessageKey; unit: 'wan' | 'yuan'; required?: boolean; extra?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(label)} rules={required ? req(t('industry.required')) : []} extra={extra}>
      <InputNumber<number> data-testid={`${stem}-form-${testId}`} min={0} precision={unit === 'wan' ? 6 : 2} suffix={t(unit === 'wan' ? 'money.wan' : 'money.yuan')} style={{ width: 200 }} />
    </Form.Item>
  );
}

/** An area in 亩, two decimals. */
export function MuField({ stem, name, testId, label }: { stem: string; name: string; testId: string; label: MessageKey }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(label)} rules={req(t('industry.required'))}>
      <InputNumber<number> data-testid={`${stem}-form-${testId}`} min={0} precision={2} suffix={t('industry.mu')} style={{ width: 180 }} />
    </Form.Item>
  );
}

export function DateField({ stem, name, testId, label, required }: { stem: string; name: string; testId: string; label: MessageKey; required?: boolean }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(label)} rules={required ? req(t('industry.required')) : []}>
      <DatePicker data-testid={`${stem}-form-${testId}`} />
    </Form.Item>
  );
}

/** An organisation picked from the registry, or a name typed for one outside it. */
export function OrgOrNameField({ stem, orgName, textName, testId, label, seed, side }: { stem: string; orgName: string; textName: string; testId: string; label: MessageKey; seed: { id: number; name: string } | null; side?: 'east' | 'west' }) {
  const t = useT();
  return (
    <Form.Item label={t(label)} extra={t('industry.orgHint')} style={{ marginBottom: 8 }} required>
      <Space wrap>
        <Form.Item name={orgName} noStyle>
          <OrgSearchSelect testId={`${stem}-form-${testId}-org`} side={side} seed={seed} />
        </Form.Item>
        <Form.Item name={textName} noStyle>
          <Input data-testid={`${stem}-form-${testId}-name`} placeholder={t('industry.orgName')} maxLength={200} style={{ width: 240 }} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

/** The 工作动态 the record came out of (a signing, a visit), for users who may see activities. */
export function ActivityField({ stem }: { stem: string }) {
  const t = useT();
  const canSee = useCan('activity:read');
  if (!canSee) return null;
  return (
    <Form.Item name="activityId" label={t('industry.activity')}>
      <RecordSelect
        testId={`${stem}-form-activity`}
        searchKey={`/activities#pick-${stem}`}
        search={(text, signal) => searchActivities(text, null, signal)}
        resolve={(id, signal) => api.get<{ id: number; title: string }>(`/activities/${id}`, undefined, signal).then((a) => ({ id: a.id, label: a.title }))}
        placeholder={t('industry.activityPlaceholder')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

export function PairingNoteFields({ stem }: { stem: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name="pairingId" label={t('industry.pairing')}>
        <PairingSearchSelect testId={`${stem}-form-pairing`} />
      </Form.Item>
      <Form.Item name="note" label={t('industry.note')}>
        <Input.TextArea data-testid={`${stem}-form-note`} rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
