import { DatePicker, Input, Select, Space, Tag } from 'antd';
import type { SaleFilters } from '../../../src/modules/sales/sales.contract.ts';
import { BUYER_TYPE_CODES, CATEGORY_CODES, CHANNEL_CODES, DUP_STATUS_CODES, buyerTypeLabel, categoryLabel, channelLabel, dupStatusLabel } from './consumptionEnums.ts';
import { resolveSupplier, searchSuppliers } from './suppliers.api.ts';
import { RegionFilter } from '../regions/RegionFilter.tsx';
import { RecordSelect } from '../../ui/RecordSelect.tsx';
import { fromIsoDate, toIsoDate, yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import type { ParamPatch } from '../../ui/useUrlParams.ts';

export type SalesFilterKey = keyof SaleFilters;
/** Filters reached by links (a product, an organisation, an activity, an import): shown as tags to clear. */
const LINKED = ['product', 'credited', 'activity', 'importId'] as const satisfies readonly SalesFilterKey[];

/** buyerType → buyer-type, for test ids. */
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

interface Props {
  filters: Partial<SaleFilters>;
  onChange: (patch: ParamPatch<SalesFilterKey>) => void;
}

/** The sales filters, all kept in the URL. */
export function SalesFilters({ filters: f, onChange }: Props) {
  const t = useT();
  const select = <C extends string>(key: SalesFilterKey, codes: readonly C[], labelOf: (c: C) => string, placeholder: string, width: number) => (
    <Select
      data-testid={`sales-filter-${kebab(key)}`}
      virtual={false}
      placeholder={placeholder}
      allowClear
      value={f[key] as C | undefined}
      onChange={(v) => onChange({ [key]: v })}
      options={optionsOf(codes, labelOf, `sales-filter-${kebab(key)}`)}
      style={{ width }}
      popupMatchSelectWidth={false}
    />
  );
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="sales-filters">
      <Input.Search data-testid="sales-filter-q" placeholder={t('sales.searchPlaceholder')} allowClear defaultValue={f.q} onSearch={(q) => onChange({ q: q.trim() })} style={{ width: 200 }} />
      <Select data-testid="sales-filter-year" virtual={false} placeholder={t('sales.year')} allowClear value={f.year} onChange={(year) => onChange({ year, from: null, to: null })} options={yearOptions(String, 'sales-filter-year')} style={{ width: 100 }} />
      <DatePicker.RangePicker
        data-testid="sales-filter-dates"
        value={[fromIsoDate(f.from), fromIsoDate(f.to)]}
        allowEmpty={[true, true]}
        onChange={(range) => onChange({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]), year: null })}
      />
      <RegionFilter testId="sales-filter-county" value={f.county} onChange={(county) => onChange({ county })} placeholder={t('consumption.filterCounty')} />
      {select('channel', CHANNEL_CODES, (c) => channelLabel(t, c), t('sale.channel'), 130)}
      {select('buyerType', BUYER_TYPE_CODES, (c) => buyerTypeLabel(t, c), t('sale.buyerType'), 130)}
      {select('category', CATEGORY_CODES, (c) => categoryLabel(t, c), t('product.category'), 120)}
      {select('dupStatus', DUP_STATUS_CODES, (c) => dupStatusLabel(t, c), t('sale.dupStatus'), 150)}
      <RecordSelect testId="sales-filter-supplier" searchKey="/suppliers#pick" search={searchSuppliers} resolve={resolveSupplier} value={f.supplier ?? null} onChange={(v) => onChange({ supplier: v as number | null })} placeholder={t('product.supplier')} style={{ minWidth: 200 }} />
      {LINKED.filter((k) => f[k]).map((k) => (
        <Tag key={k} closable data-testid={`sales-filter-tag-${k}`} onClose={() => onChange({ [k]: null })}>
          {t(`sales.linked.${k}`, { id: String(f[k]) })}
        </Tag>
      ))}
    </Space>
  );
}
