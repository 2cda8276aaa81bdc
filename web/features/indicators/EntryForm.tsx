import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSaveEntry, type Entry, type EntryInput, type EntryKind } from './entries.api.ts';
import { AREA_CODES, SCOPE_KIND_CODES, useIndicatorDefinitions, useScopeChoices, type IndicatorDefinitionOut, type ScopeKind } from './indicators.api.ts';
import { areaLabel, unitLabel, useApiName } from './indicatorFormat.ts';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { ApiError } from '../../ui/api.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { currentYear, fromIsoDate, toIsoDate, yearOptions } from '../../ui/dates.ts';
import { optionsOf, label } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';

interface FormValues {
  indicatorCode: string;
  year: number;
  /** 'year' (the whole year), 'q1'…'q4' or 'm1'…'m12': only for reported figures. */
  period?: string;
  scopeKind: ScopeKind;
  districtId?: number;
  pairingId?: number;
  regionCode?: string;
  value: number;
  document: string;
  reportedOn?: Dayjs | null;
  note?: string;
}

/** The API's fields as this form shows them: 季度 and 月份 are one 期间 picker. */
const FIELDS: FieldMapping = {
  fields: ['indicatorCode', 'year', 'period', 'scopeKind', 'districtId', 'pairingId', 'regionCode', 'value', 'document', 'reportedOn', 'note'],
  rename: { quarter: 'period', month: 'period' },
};

const periodOf = (e: Pick<Entry, 'quarter' | 'month'>) => (e.quarter ? `q${e.quarter}` : e.month ? `m${e.month}` : 'year');

function toInput(kind: EntryKind, v: FormValues): EntryInput {
  const period = kind === 'reported' ? (v.period ?? 'year') : 'year';
  const note = v.note?.trim();
  return {
    indicatorCode: v.indicatorCode,
    scopeKind: v.scopeKind,
    ...(v.scopeKind === 'district' && v.districtId !== undefined ? { districtId: v.districtId } : {}),
    ...(v.scopeKind === 'pairing' && v.pairingId !== undefined ? { pairingId: v.pairingId } : {}),
    ...(v.scopeKind === 'region' && v.regionCode ? { regionCode: v.regionCode } : {}),
    year: v.year,
    ...(period.startsWith('q') ? { quarter: Number(period.slice(1)) } : {}),
    ...(period.startsWith('m') ? { month: Number(period.slice(1)) } : {}),
    value: v.value,
    document: v.document.trim(),
    ...(kind === 'reported' && v.reportedOn ? { reportedOn: toIsoDate(v.reportedOn) ?? undefined } : {}),
    ...(note ? { note } : {}),
  };
}

interface Props {
  kind: EntryKind;
  open: boolean;
  /** null = a new entry. */
  entry: Entry | null;
  /** The year a new entry starts with (the list's filter). */
  defaultYear?: number;
  onClose: () => void;
  onSaved: (entry: Entry) => void;
}

/** 设定目标 / 填报数据: the indicator, the scope (全市, a district, a pairing or a place), the year (and for a reported figure its quarter or month), the value in the indicator's unit, the document. */
export function EntryForm({ kind, open, entry, defaultYear, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const nameOf = useApiName();
  const defs = useIndicatorDefinitions();
  const choices = useScopeChoices().data;
  const save = useSaveEntry(kind);
  /** A second target for the same indicator, scope and year (409): the server names the existing one's document. */
  const [conflict, setConflict] = useState<string | null>(null);
  const byCode = new Map((defs.data ?? []).map((d) => [d.code, d]));

  const own = choices?.default;
  const initialValues: Partial<FormValues> = entry
    ? {
        indicatorCode: entry.indicatorCode, year: entry.year, period: periodOf(entry), scopeKind: entry.scopeKind, districtId: entry.districtId ?? undefined, pairingId: entry.pairingId ?? undefined,
        regionCode: entry.regionCode ?? undefined, value: entry.value, document: entry.document, reportedOn: fromIsoDate(entry.reportedOn), note: entry.note ?? undefined,
      }
    : {
        year: defaultYear ?? currentYear(), period: 'year', scopeKind: own?.kind ?? 'district',
        districtId: own?.kind === 'district' ? (own.id ?? undefined) : undefined, pairingId: own?.kind === 'pairing' ? (own.id ?? undefined) : undefined, regionCode: own?.kind === 'region' ? (own.code ?? undefined) : undefined,
      };

  const kinds = SCOPE_KIND_CODES.filter((k) => k !== 'city' || choices?.city || entry?.scopeKind === 'city');
  const indicatorOptions = AREA_CODES.map((area) => ({
    label: areaLabel(t, area),
    title: area,
    options: (defs.data ?? [])
      .filter((d) => d.area === area)
      .map((d: IndicatorDefinitionOut) => ({ value: d.code, label: `${nameOf('indicatorName', d.code, d.name)}（${unitLabel(t, d.unit)}）`, 'data-testid': `entry-form-indicator-option-${d.code}` })),
  })).filter((g) => g.options.length);
  const districts = [...(choices?.districts ?? [])];
  if (entry?.scopeKind === 'district' && entry.districtId && !districts.some((d) => d.id === entry.districtId)) districts.unshift({ id: entry.districtId, name: entry.scopeName });
  const periods = [
    { value: 'year', label: t('dash.wholeYear'), 'data-testid': 'entry-form-period-option-year' },
    ...[1, 2, 3, 4].map((q) => ({ value: `q${q}`, label: t('dash.quarter', { q }), 'data-testid': `entry-form-period-option-q${q}` })),
    ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: t('dash.month', { m: i + 1 }), 'data-testid': `entry-form-period-option-m${i + 1}` })),
  ];

  return (
    <FormModal<FormValues>
      open={open}
      width={640}
      title={t(entry ? (kind === 'target' ? 'entry.editTarget' : 'entry.editReported') : kind === 'target' ? 'entry.createTarget' : 'entry.createReported')}
      testId="entry-form"
      submitTestId="entry-form-submit"
      fields={FIELDS}
      initialValues={initialValues}
      onClose={() => {
        setConflict(null);
        onClose();
      }}
      onSubmit={async (v) => {
        setConflict(null);
        try {
          const input = toInput(kind, v);
          // An edit names the period it leaves too: null clears a quarter or month, and the note.
          const saved = await save.run(entry?.id ?? null, entry ? { ...input, quarter: input.quarter ?? null, month: input.month ?? null, note: input.note ?? null } : input);
          message.success(t(entry ? 'common.saved' : 'common.created', { name: saved.indicatorName }));
          onSaved(saved);
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) setConflict(err.message);
          throw err;
        }
      }}
    >
      {() => (
        <>
          {conflict ? <Alert type="warning" showIcon data-testid="entry-form-conflict" title={conflict} style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="indicatorCode" label={t('ind.indicator')} rules={[{ required: true, message: t('entry.indicatorRequired') }]}>
            <Select data-testid="entry-form-indicator" virtual={false} loading={defs.loading} showSearch={{ optionFilterProp: 'label' }} options={indicatorOptions} placeholder={t('entry.pickIndicator')} />
          </Form.Item>
          <Form.Item label={t('entry.period')} required style={{ marginBottom: 0 }}>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item name="year" rules={[{ required: true, message: t('entry.yearRequired') }]}>
                <Select data-testid="entry-form-year" virtual={false} options={yearOptions((y) => t('dash.yearOption', { year: y }), 'entry-form-year')} style={{ width: 120 }} />
              </Form.Item>
              {kind === 'reported' ? (
                <Form.Item name="period">
                  <Select data-testid="entry-form-period" virtual={false} options={periods} style={{ width: 130 }} />
                </Form.Item>
              ) : null}
            </div>
          </Form.Item>
          <Form.Item name="scopeKind" label={t('entry.scopeKind')} rules={[{ required: true }]}>
            <Select data-testid="entry-form-scope-kind" virtual={false} options={optionsOf(kinds, (k) => label(t, 'entryScopeKind', k), 'entry-form-scope-kind')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item noStyle dependencies={['scopeKind']}>
            {({ getFieldValue }) => {
              const scopeKind = getFieldValue('scopeKind') as ScopeKind | undefined;
              if (scopeKind === 'district')
                return (
                  <Form.Item name="districtId" label={t('entry.district')} rules={[{ required: true, message: t('entry.districtRequired') }]}>
                    <Select
                      data-testid="entry-form-district"
                      virtual={false}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={districts.map((d) => ({ value: d.id, label: d.name, 'data-testid': `entry-form-district-option-${d.id}` }))}
                      placeholder={t('entry.pickDistrict')}
                    />
                  </Form.Item>
                );
              if (scopeKind === 'pairing')
                return (
                  <Form.Item name="pairingId" label={t('entry.pairing')} rules={[{ required: true, message: t('entry.pairingRequired') }]}>
                    <PairingSearchSelect testId="entry-form-pairing" seed={entry?.pairingId ? { id: entry.pairingId, label: entry.scopeName } : null} style={{ width: '100%' }} />
                  </Form.Item>
                );
              if (scopeKind === 'region')
                return (
                  <Form.Item name="regionCode" label={t('entry.region')} extra={t('entry.regionHint')} rules={[{ required: true, message: t('entry.regionRequired') }]}>
                    <RegionSearchSelect testId="entry-form-region" levels={[2, 3, 4]} seed={entry?.regionCode ? { code: entry.regionCode, fullName: entry.scopeName } : null} style={{ width: '100%' }} />
                  </Form.Item>
                );
              return null;
            }}
          </Form.Item>
          <Form.Item noStyle dependencies={['indicatorCode']}>
            {({ getFieldValue }) => {
              const def = byCode.get(getFieldValue('indicatorCode') as string);
              return (
                <Form.Item name="value" label={t('entry.value')} extra={def?.unit === '%' ? t('entry.percentHint') : undefined} rules={[{ required: true, message: t('entry.valueRequired') }]}>
                  <InputNumber<number> data-testid="entry-form-value" min={0} max={def?.unit === '%' ? 100 : undefined} suffix={def ? unitLabel(t, def.unit) : undefined} style={{ width: 220 }} />
                </Form.Item>
              );
            }}
          </Form.Item>
          <Form.Item name="document" label={t(kind === 'target' ? 'entry.document' : 'entry.source')} extra={t(kind === 'target' ? 'entry.documentHint' : 'entry.sourceHint')} rules={[{ required: true, whitespace: true, message: t('entry.documentRequired') }]}>
            <Input data-testid="entry-form-document" maxLength={500} />
          </Form.Item>
          {kind === 'reported' ? (
            <Form.Item name="reportedOn" label={t('entry.reportedOn')} extra={t('entry.reportedOnHint')}>
              <DatePicker data-testid="entry-form-reported-on" style={{ width: 180 }} />
            </Form.Item>
          ) : null}
          <Form.Item name="note" label={t('entry.note')}>
            <Input.TextArea data-testid="entry-form-note" rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
