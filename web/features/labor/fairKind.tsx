import { Form, Input, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { JobFair, JobFairInput } from '../../../src/modules/labor/labor.contract.ts';
import { cleanText, type LaborKind } from './labor.api.ts';
import { CountField, CountyField, DateField, PairingNoteFields } from './laborFields.tsx';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

type Values = Omit<JobFairInput, 'heldOn'> & { heldOn: Dayjs | null };

function Fields({ record }: { form: FormInstance<Values>; record: JobFair | null }) {
  const t = useT();
  return (
    <>
      <Space wrap align="start">
        <DateField stem="fair" name="heldOn" testId="held-on" label="labor.heldOn" required />
        <Form.Item name="title" label={t('labor.fairTitle')}>
          <Input data-testid="fair-form-title" maxLength={200} style={{ width: 360 }} />
        </Form.Item>
      </Space>
      <CountyField stem="fair" name="regionCode" label="labor.fairPlace" levels={[1, 2, 3, 4, 5]} seed={record ? { code: record.regionCode, fullName: record.regionName ?? record.regionCode } : null} />
      <CountyField stem="fair" label="labor.servedCounty" required={false} extra={t('labor.servedCountyHint')} seed={record ? { code: record.countyCode, fullName: record.countyName ?? record.countyCode } : null} />
      <Form.Item label={t('labor.organiser')} extra={t('labor.orgHint')} style={{ marginBottom: 8 }}>
        <Space wrap>
          <Form.Item name="organiserOrgId" noStyle>
            <OrgSearchSelect testId="fair-form-organiser-org" seed={record?.organiserOrgId ? { id: record.organiserOrgId, name: record.organiserOrgName ?? `#${record.organiserOrgId}` } : null} />
          </Form.Item>
          <Form.Item name="organiserName" noStyle>
            <Input data-testid="fair-form-organiser-name" placeholder={t('labor.orgName')} maxLength={200} style={{ width: 220 }} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Space wrap align="start">
        <CountField stem="fair" name="employers" testId="employers" label="labor.employers" />
        <CountField stem="fair" name="jobsOffered" testId="jobs" label="labor.jobsOffered" />
        <CountField stem="fair" name="attendees" testId="attendees" label="labor.attendees" required={false} />
        <CountField stem="fair" name="placed" testId="placed" label="labor.fairPlaced" />
      </Space>
      <PairingNoteFields stem="fair" />
    </>
  );
}

/** 招聘会: where and when, the county it served, organiser, employers, jobs, attendees and those placed (≤ attendees). */
export const FAIR_KIND: LaborKind<JobFair, Values> = {
  tab: 'fairs',
  testId: 'fair',
  path: '/labor/job-fairs',
  title: 'labor.fairs',
  createLabel: 'labor.createFair',
  columns: (t) => [
    { key: 'heldOn', title: t('labor.heldOn'), width: 110, render: (_, r) => r.heldOn },
    { key: 'title', title: t('labor.fairTitle'), render: (_, r) => r.title ?? '—' },
    { key: 'place', title: t('labor.fairPlace'), render: (_, r) => r.regionName ?? r.regionCode },
    { key: 'county', title: t('labor.servedCounty'), render: (_, r) => r.countyName ?? r.countyCode },
    { key: 'organiser', title: t('labor.organiser'), render: (_, r) => r.organiserOrgName ?? r.organiserName ?? '—' },
    { key: 'employers', title: t('labor.employers'), align: 'right', render: (_, r) => r.employers },
    { key: 'jobs', title: t('labor.jobsOffered'), align: 'right', render: (_, r) => r.jobsOffered },
    { key: 'attendees', title: t('labor.attendees'), align: 'right', render: (_, r) => r.attendees ?? '—' },
    { key: 'placed', title: t('labor.fairPlaced'), align: 'right', render: (_, r) => r.placed },
  ],
  fields: { fields: ['heldOn', 'title', 'regionCode', 'countyCode', 'organiserOrgId', 'organiserName', 'employers', 'jobsOffered', 'attendees', 'placed', 'pairingId', 'note'] },
  valuesOf: (r) => (r ? { ...r, heldOn: fromIsoDate(r.heldOn) } : { employers: 0, jobsOffered: 0, placed: 0 }),
  toInput: (v) => ({
    ...cleanText(v, ['title', 'organiserName', 'note']), heldOn: toIsoDate(v.heldOn), countyCode: v.countyCode || undefined, organiserOrgId: v.organiserOrgId ?? null, attendees: v.attendees ?? null, pairingId: v.pairingId ?? null,
  }),
  Fields,
};
