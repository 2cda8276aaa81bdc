import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { FormRule as Rule } from 'antd';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { MONTHS } from './labor.api.ts';
import { useT, type MessageKey } from '../../ui/i18n.tsx';

/** Form pieces the four labor forms share; every input gets data-testid `{stem}-form-{field}`. */

const req = (message: string): Rule[] => [{ required: true, message }];

export function CountyField({ stem, name = 'countyCode', label, levels = [3], seed, required = true, extra }: { stem: string; name?: string; label: MessageKey; levels?: number[]; seed?: { code: string; fullName: string } | null; required?: boolean; extra?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(label)} rules={required ? req(t('labor.required')) : []} extra={extra}>
      <RegionSearchSelect testId={`${stem}-form-${name === 'countyCode' ? 'county' : 'region'}`} levels={levels} seed={seed ?? null} />
    </Form.Item>
  );
}

export function CountField({ stem, name, testId, label, required = true }: { stem: string; name: string; testId: string; label: MessageKey; required?: boolean }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(label)} rules={required ? req(t('labor.required')) : []}>
      <InputNumber<number> data-testid={`${stem}-form-${testId}`} min={0} precision={0} style={{ width: 140 }} />
    </Form.Item>
  );
}

export function YearMonthFields({ stem, year, month }: { stem: string; year: string; month: string }) {
  const t = useT();
  return (
    <Space wrap align="start">
      <Form.Item name={year} label={t('labor.year')} rules={req(t('labor.required'))}>
        <InputNumber<number> data-testid={`${stem}-form-year`} min={2000} max={2100} precision={0} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name={month} label={t('labor.month')} rules={req(t('labor.required'))}>
        <Select data-testid={`${stem}-form-month`} virtual={false} style={{ width: 100 }} options={MONTHS.map((m) => ({ value: m, label: t('labor.monthN', { m }), 'data-testid': `${stem}-form-month-option-${m}` }))} />
      </Form.Item>
    </Space>
  );
}

export function DateField({ stem, name, testId, label, required }: { stem: string; name: string; testId: string; label: MessageKey; required?: boolean }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(label)} rules={required ? req(t('labor.required')) : []}>
      <DatePicker data-testid={`${stem}-form-${testId}`} />
    </Form.Item>
  );
}

export function PairingNoteFields({ stem }: { stem: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name="pairingId" label={t('labor.pairing')}>
        <PairingSearchSelect testId={`${stem}-form-pairing`} />
      </Form.Item>
      <Form.Item name="note" label={t('labor.note')}>
        <Input.TextArea data-testid={`${stem}-form-note`} rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
