import type { ReactNode } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { INDUSTRY_CODES, PARK_KIND_CODES, industryLabel, parkKindLabel } from '../industry/industry.api.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT, type MessageKey } from '../../ui/i18n.tsx';

type Stem = 'enterprise' | 'farming' | 'workshop' | 'park';
const id = (stem: Stem, field: string) => `accept-form-${stem}-${field}`;

function Num({ stem, name, label, required, decimals = 0, suffix, extra }: { stem: Stem; name: string; label: MessageKey; required?: boolean; decimals?: number; suffix?: string; extra?: ReactNode }) {
  const t = useT();
  return (
    <Form.Item name={[stem, name]} label={t(label)} rules={required ? [{ required: true, message: t('industry.required') }] : []} extra={extra}>
      <InputNumber<number> data-testid={id(stem, name)} min={0} precision={decimals} suffix={suffix} style={{ width: suffix ? 190 : 140 }} />
    </Form.Item>
  );
}

function Text({ stem, name, label }: { stem: Stem; name: string; label: MessageKey }) {
  const t = useT();
  return (
    <Form.Item name={[stem, name]} label={t(label)} rules={[{ required: true, whitespace: true, message: t('industry.required') }]}>
      <Input data-testid={id(stem, name)} maxLength={200} />
    </Form.Item>
  );
}

/** An organisation from the registry or a name (origin, buyer, operator); the date and county left empty are the activity's. */
function Who({ stem, name, label, side, extra }: { stem: Stem; name: string; label: MessageKey; side?: 'east'; extra?: string }) {
  const t = useT();
  return (
    <Form.Item label={t(label)} extra={extra ?? t('industry.orgHint')} style={{ marginBottom: 8 }} required>
      <Space wrap>
        <Form.Item name={[stem, name, 'orgId']} noStyle>
          <OrgSearchSelect testId={id(stem, `${name}-org`)} side={side} />
        </Form.Item>
        <Form.Item name={[stem, name, 'name']} noStyle>
          <Input data-testid={id(stem, `${name}-name`)} placeholder={t('industry.orgName')} maxLength={200} style={{ width: 220 }} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

function WhenWhere({ stem, date, label }: { stem: Stem; date: string; label: MessageKey }) {
  const t = useT();
  return (
    <Space wrap align="start">
      <Form.Item name={[stem, date]} label={t(label)}>
        <DatePicker data-testid={id(stem, date)} placeholder={t('bulletin.sameAsActivity')} />
      </Form.Item>
      <Form.Item name={[stem, 'countyCode']} label={t('industry.county')} extra={t('bulletin.countyHint')}>
        <RegionSearchSelect testId={id(stem, 'county')} levels={[3]} placeholder={t('bulletin.sameAsActivity')} style={{ width: 260 }} />
      </Form.Item>
    </Space>
  );
}

/** One record kind behind its checkbox, with the sentence it was read from. */
function Kind({ stem, label, said, children }: { stem: Stem; label: MessageKey; said?: string; children: ReactNode }) {
  const t = useT();
  const checked = Form.useWatch<boolean | undefined>(`with${stem[0].toUpperCase()}${stem.slice(1)}`);
  return (
    <>
      <Form.Item name={`with${stem[0].toUpperCase()}${stem.slice(1)}`} valuePropName="checked" style={{ marginBottom: 8 }} extra={checked && said ? t('bulletin.industryReported', { text: said }) : undefined}>
        <Checkbox data-testid={`accept-form-with-${stem}`}>{t(label)}</Checkbox>
      </Form.Item>
      {checked ? <div data-testid={`accept-form-${stem}`}>{children}</div> : null}
    </>
  );
}

/** 同时登记, 产业合作: 引进企业, 订单农业, 帮扶车间, 产业园区（基地）, prefilled from what the reader found (facts.industry). */
export function AcceptIndustryFields({ draft }: { draft: Draft | null }) {
  const t = useT();
  const f = draft?.facts.industry ?? null;
  const said = (kind: Stem) => (f?.kind === kind ? f.text : undefined);
  const wan = t('money.wan');
  return (
    <>
      <Kind stem="enterprise" label="bulletin.withEnterprise" said={said('enterprise')}>
        {f?.kind === 'enterprise' && (f.enterprises ?? 1) > 1 ? <p data-testid="accept-form-enterprise-together">{t('bulletin.enterprisesTogether', { n: f.enterprises! })}</p> : null}
        <Text stem="enterprise" name="name" label="industry.enterpriseName" />
        <Who stem="enterprise" name="origin" label="industry.origin" side="east" extra={t('bulletin.originHint')} />
        <Space wrap align="start">
          <Form.Item name={['enterprise', 'industry']} label={t('industry.industry')} rules={[{ required: true, message: t('industry.required') }]}>
            <Select data-testid={id('enterprise', 'industry')} virtual={false} style={{ width: 160 }} options={optionsOf(INDUSTRY_CODES, (c) => industryLabel(t, c), id('enterprise', 'industry'))} />
          </Form.Item>
          <Num stem="enterprise" name="signedWan" label="industry.signedInvestment" required decimals={6} suffix={wan} />
          <Num stem="enterprise" name="actualWan" label="industry.actualInvestment" decimals={6} suffix={wan} />
        </Space>
        <Space wrap align="start">
          <Num stem="enterprise" name="jobs" label="industry.jobs" />
          <Num stem="enterprise" name="poorEmployed" label="industry.poorEmployed" />
          <Num stem="enterprise" name="monitoredEmployed" label="industry.monitoredEmployed" />
        </Space>
        <WhenWhere stem="enterprise" date="signedOn" label="industry.signedOn" />
      </Kind>
      <Kind stem="farming" label="bulletin.withFarming" said={said('farming')}>
        <Text stem="farming" name="product" label="industry.product" />
        <Who stem="farming" name="buyer" label="industry.buyer" />
        <Space wrap align="start">
          <Num stem="farming" name="acreageMu" label="industry.acreage" required decimals={2} suffix={t('industry.mu')} />
          <Num stem="farming" name="households" label="industry.households" />
          <Num stem="farming" name="contractYuan" label="industry.contractYuan" decimals={2} />
        </Space>
        <WhenWhere stem="farming" date="signedOn" label="industry.signedOn" />
      </Kind>
      <Kind stem="workshop" label="bulletin.withWorkshop" said={said('workshop')}>
        <Text stem="workshop" name="name" label="industry.workshopName" />
        <Who stem="workshop" name="operator" label="industry.operator" />
        <Space wrap align="start">
          <Num stem="workshop" name="employees" label="industry.employees" required />
          <Num stem="workshop" name="poorEmployed" label="industry.poorEmployed" />
          <Num stem="workshop" name="monitoredEmployed" label="industry.monitoredEmployed" />
        </Space>
        <WhenWhere stem="workshop" date="openedOn" label="industry.openedOn" />
      </Kind>
      <Kind stem="park" label="bulletin.withPark" said={said('park')}>
        <Text stem="park" name="name" label="industry.parkName" />
        <Space wrap align="start">
          <Form.Item name={['park', 'kind']} label={t('industry.parkKind')} rules={[{ required: true, message: t('industry.required') }]}>
            <Select data-testid={id('park', 'kind')} virtual={false} style={{ width: 140 }} options={optionsOf(PARK_KIND_CODES, (c) => parkKindLabel(t, c), id('park', 'kind'))} />
          </Form.Item>
          <Num stem="park" name="areaMu" label="industry.area" required decimals={2} suffix={t('industry.mu')} />
          <Num stem="park" name="enterprises" label="industry.settled" />
          <Num stem="park" name="jobs" label="industry.jobs" />
        </Space>
        <WhenWhere stem="park" date="establishedOn" label="industry.establishedOn" />
      </Kind>
    </>
  );
}
