import { Form, Input, Space, Tag } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Workstation, WorkstationInput } from '../../../src/modules/labor/labor.contract.ts';
import { cleanText, type LaborKind } from './labor.api.ts';
import { CountyField, DateField, PairingNoteFields } from './laborFields.tsx';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

type Values = Omit<WorkstationInput, 'openedOn' | 'closedOn'> & { openedOn: Dayjs | null; closedOn?: Dayjs | null };

function Fields({ record }: { form: FormInstance<Values>; record: Workstation | null }) {
  const t = useT();
  return (
    <>
      <Form.Item name="name" label={t('labor.stationName')} rules={[{ required: true, message: t('labor.required') }]}>
        <Input data-testid="workstation-form-name" maxLength={200} />
      </Form.Item>
      <CountyField stem="workstation" name="regionCode" label="labor.stationPlace" levels={[2, 3, 4, 5]} extra={t('labor.stationPlaceHint')} seed={record ? { code: record.regionCode, fullName: record.regionName ?? record.regionCode } : null} />
      <CountyField stem="workstation" label="labor.servedArea" levels={[2, 3]} seed={record ? { code: record.countyCode, fullName: record.countyName ?? record.countyCode } : null} />
      <Form.Item label={t('labor.operator')} extra={t('labor.orgHint')} style={{ marginBottom: 8 }}>
        <Space wrap>
          <Form.Item name="operatingOrgId" noStyle>
            <OrgSearchSelect testId="workstation-form-operator-org" seed={record?.operatingOrgId ? { id: record.operatingOrgId, name: record.operatingOrgName ?? `#${record.operatingOrgId}` } : null} />
          </Form.Item>
          <Form.Item name="operatorName" noStyle>
            <Input data-testid="workstation-form-operator-name" placeholder={t('labor.orgName')} maxLength={200} style={{ width: 220 }} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Space wrap align="start">
        <DateField stem="workstation" name="openedOn" testId="opened-on" label="labor.openedOn" required />
        <DateField stem="workstation" name="closedOn" testId="closed-on" label="labor.closedOn" />
      </Space>
      <PairingNoteFields stem="workstation" />
    </>
  );
}

/** 驻沪劳务工作站: a station in Shanghai serving a recipient prefecture or county, open from … to …. */
export const WORKSTATION_KIND: LaborKind<Workstation, Values> = {
  tab: 'workstations',
  testId: 'workstation',
  path: '/labor/workstations',
  title: 'labor.workstations',
  createLabel: 'labor.createWorkstation',
  columns: (t) => [
    { key: 'name', title: t('labor.stationName'), render: (_, r) => r.name },
    { key: 'place', title: t('labor.stationPlace'), render: (_, r) => r.regionName ?? r.regionCode },
    { key: 'county', title: t('labor.servedArea'), render: (_, r) => r.countyName ?? r.countyCode },
    { key: 'operator', title: t('labor.operator'), render: (_, r) => r.operatingOrgName ?? r.operatorName ?? '—' },
    { key: 'opened', title: t('labor.openedOn'), render: (_, r) => r.openedOn },
    { key: 'closed', title: t('labor.closedOn'), render: (_, r) => r.closedOn ?? <Tag color="green">{t('labor.open')}</Tag> },
  ],
  fields: { fields: ['name', 'regionCode', 'countyCode', 'operatingOrgId', 'operatorName', 'openedOn', 'closedOn', 'pairingId', 'note'] },
  valuesOf: (r) => (r ? { ...r, openedOn: fromIsoDate(r.openedOn), closedOn: fromIsoDate(r.closedOn) } : {}),
  toInput: (v) => ({ ...cleanText(v, ['operatorName', 'note']), name: v.name?.trim(), openedOn: toIsoDate(v.openedOn), closedOn: toIsoDate(v.closedOn), operatingOrgId: v.operatingOrgId ?? null, pairingId: v.pairingId ?? null }),
  Fields,
};
