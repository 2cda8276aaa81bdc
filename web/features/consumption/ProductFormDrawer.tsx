import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { Product } from '../../../src/modules/products/products.contract.ts';
import type { Supplier } from '../../../src/modules/suppliers/suppliers.contract.ts';
import { useSaveProduct } from './products.api.ts';
import { resolveSupplier, searchSuppliers } from './suppliers.api.ts';
import { CATEGORY_CODES, categoryLabel } from './consumptionEnums.ts';
import { PRODUCT_FORM_FIELDS, productFormValues, toProductInput, toProductPatch, type ProductFormValues } from './productForm.ts';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';
import { RecordSelect } from '../../ui/RecordSelect.tsx';
import { useErrorReporter } from '../../ui/errors.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  open: boolean;
  /** null = a new application (申请认定); a product = 修改申请 (only before the decision). */
  product: Product | null;
  /** A new application for this supplier (from its detail). */
  supplier?: Supplier | null;
  onClose: () => void;
  onSaved: (p: Product) => void;
}

/** 申请认定 / 修改申请: supplier, product, origin, specification, price (元) per unit, quality papers, 带贫 note, date. */
export function ProductFormDrawer({ open, product, supplier, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<ProductFormValues>();
  const save = useSaveProduct();
  const required = [{ required: true, whitespace: true, message: t('consumption.required') }];
  const seed = product ? [{ id: product.supplierId, label: product.supplierName }] : supplier ? [{ id: supplier.id, label: supplier.name }] : [];

  const submit = async (v: ProductFormValues) => {
    try {
      const saved = await save.run(product?.id ?? null, product ? toProductPatch(v) : toProductInput(v));
      message.success(t(product ? 'common.saved' : 'product.applied', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      report(err, form, PRODUCT_FORM_FIELDS);
    }
  };

  return (
    <FormDrawer open={open} onClose={onClose} size={680} title={product ? t('product.editTitle', { name: product.name }) : t('product.applyTitle')} saving={save.loading} submitTestId="product-form-submit" onSave={() => form.submit()}>
      <Form<ProductFormValues> form={form} clearOnDestroy layout="vertical" initialValues={productFormValues(product, supplier?.id ?? null)} onFinish={submit} data-testid="product-form">
        <Form.Item name="supplierId" label={t('product.supplier')} rules={[{ required: true, message: t('consumption.required') }]}>
          <RecordSelect testId="product-form-supplier" searchKey="/suppliers#pick" search={searchSuppliers} resolve={resolveSupplier} seed={seed} disabled={!!product} placeholder={t('product.supplierPlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label={t('product.name')} rules={required}>
          <Input data-testid="product-form-name" maxLength={100} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="category" label={t('product.category')} rules={[{ required: true, message: t('consumption.required') }]}>
            <Select data-testid="product-form-category" virtual={false} options={optionsOf(CATEGORY_CODES, (c) => categoryLabel(t, c), 'product-form-category')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="originRegion" label={t('product.origin')} extra={t('product.originHint')} rules={[{ required: true, message: t('consumption.required') }]}>
            <RegionSearchSelect testId="product-form-origin" levels={[3, 4, 5]} seed={product ? { code: product.originRegion, fullName: product.originName ?? product.originRegion } : null} style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Form.Item name="specification" label={t('product.specification')} rules={required}>
          <Input data-testid="product-form-specification" maxLength={200} placeholder={t('product.specificationPlaceholder')} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="priceYuan" label={t('product.priceYuan')} rules={[{ required: true, message: t('consumption.required') }]}>
            <InputNumber<number> data-testid="product-form-price" min={0.01} precision={2} style={{ width: 180 }} suffix={t('money.yuan')} />
          </Form.Item>
          <Form.Item name="unit" label={t('product.unit')} rules={required}>
            <Input data-testid="product-form-unit" maxLength={20} placeholder={t('product.unitPlaceholder')} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="qualityDocuments" label={t('product.qualityDocuments')} extra={t('product.qualityDocumentsHint')}>
          <Select data-testid="product-form-quality-documents" mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="benefitNote" label={t('product.benefitNote')} extra={t('product.benefitNoteHint')} rules={required}>
          <Input.TextArea data-testid="product-form-benefit-note" rows={3} maxLength={2000} />
        </Form.Item>
        {product ? null : (
          <Form.Item name="appliedOn" label={t('product.appliedOn')}>
            <DatePicker data-testid="product-form-applied-on" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
