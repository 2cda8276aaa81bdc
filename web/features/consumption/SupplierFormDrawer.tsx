import { App, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Supplier, SupplierInput } from '../../../src/modules/suppliers/suppliers.contract.ts';
import { MECHANISM_CODES, SUPPLIER_KIND_CODES, mechanismLabel, supplierKindLabel } from './consumptionEnums.ts';
import { useSaveSupplier } from './suppliers.api.ts';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';
import { useErrorReporter, type FieldMapping } from '../../ui/errors.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';

type Values = SupplierInput;

const FIELDS: FieldMapping = { fields: ['name', 'kind', 'regionCode', 'registrationNo', 'contactName', 'contactPhone', 'mechanisms', 'mechanismNote', 'householdsLinked', 'peopleLinked'] };
const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function toInput(v: Values): SupplierInput {
  return {
    ...v,
    name: v.name?.trim(),
    registrationNo: blankToNull(v.registrationNo),
    contactName: blankToNull(v.contactName),
    contactPhone: blankToNull(v.contactPhone),
    mechanismNote: blankToNull(v.mechanismNote),
    mechanisms: v.mechanisms ?? [],
    householdsLinked: v.householdsLinked ?? 0,
    peopleLinked: v.peopleLinked ?? 0,
  };
}

interface Props {
  open: boolean;
  /** null = a new supplier. */
  supplier: Supplier | null;
  onClose: () => void;
  onSaved: (s: Supplier) => void;
}

/** 新增/编辑供应主体: name, kind, where it is (county, township or village), registration, contact, 带贫机制 and the households/people it links. */
export function SupplierFormDrawer({ open, supplier, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<Values>();
  const save = useSaveSupplier();
  const required = [{ required: true, message: t('consumption.required') }];
  const initialValues: Partial<Values> = supplier
    ? (Object.fromEntries(FIELDS.fields.map((f) => [f, supplier[f as keyof Supplier]])) as Partial<Values>)
    : { kind: 'cooperative', mechanisms: [], householdsLinked: 0, peopleLinked: 0 };

  const submit = async (v: Values) => {
    try {
      const saved = await save.run(supplier?.id ?? null, toInput(v));
      message.success(t(supplier ? 'common.saved' : 'common.created', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      report(err, form, FIELDS);
    }
  };

  return (
    <FormDrawer open={open} onClose={onClose} size={640} title={supplier ? t('supplier.editTitle', { name: supplier.name }) : t('supplier.createTitle')} saving={save.loading} submitTestId="supplier-form-submit" onSave={() => form.submit()}>
      <Form<Values> form={form} clearOnDestroy layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="supplier-form">
        <Form.Item name="name" label={t('supplier.name')} rules={[{ required: true, whitespace: true, message: t('consumption.required') }]}>
          <Input data-testid="supplier-form-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('supplier.kind')} rules={required}>
          <Select data-testid="supplier-form-kind" virtual={false} options={optionsOf(SUPPLIER_KIND_CODES, (c) => supplierKindLabel(t, c), 'supplier-form-kind')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('supplier.region')} extra={t('supplier.regionHint')} rules={required}>
          <RegionSearchSelect testId="supplier-form-region" levels={[3, 4, 5]} seed={supplier ? { code: supplier.regionCode, fullName: supplier.regionName ?? supplier.countyName ?? supplier.regionCode } : null} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="registrationNo" label={t('supplier.registrationNo')} extra={t('supplier.registrationNoHint')}>
          <Input data-testid="supplier-form-registration-no" maxLength={40} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="contactName" label={t('supplier.contactName')}>
            <Input data-testid="supplier-form-contact-name" maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('supplier.contactPhone')}>
            <Input data-testid="supplier-form-contact-phone" maxLength={30} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="mechanisms" label={t('supplier.mechanisms')} extra={t('supplier.mechanismsHint')}>
          <Select data-testid="supplier-form-mechanisms" mode="multiple" virtual={false} options={optionsOf(MECHANISM_CODES, (c) => mechanismLabel(t, c), 'supplier-form-mechanisms')} />
        </Form.Item>
        <Form.Item name="mechanismNote" label={t('supplier.mechanismNote')}>
          <Input.TextArea data-testid="supplier-form-mechanism-note" rows={3} maxLength={2000} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="householdsLinked" label={t('supplier.householdsLinked')}>
            <InputNumber<number> data-testid="supplier-form-households" min={0} precision={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="peopleLinked" label={t('supplier.peopleLinked')}>
            <InputNumber<number> data-testid="supplier-form-people" min={0} precision={0} style={{ width: 180 }} />
          </Form.Item>
        </Space>
      </Form>
    </FormDrawer>
  );
}
