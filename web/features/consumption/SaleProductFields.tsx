import { Form, Input, Radio, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Sale } from '../../../src/modules/sales/sales.contract.ts';
import { resolveProduct, searchCertifiedProducts } from './products.api.ts';
import { resolveSupplier, searchSuppliers } from './suppliers.api.ts';
import { CATEGORY_CODES, categoryLabel } from './consumptionEnums.ts';
import type { SaleFormValues } from './saleForm.ts';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { RecordSelect } from '../../ui/RecordSelect.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';

/** What was sold: a certified product from the registry, or a category with its supplier (registered, or by name and county). */
export function SaleProductFields({ form, sale }: { form: FormInstance<SaleFormValues>; sale: Sale | null }) {
  const t = useT();
  const mode = Form.useWatch('mode', form);
  const supplierId = Form.useWatch('supplierId', form);
  const required = [{ required: true, message: t('consumption.required') }];
  return (
    <>
      <Form.Item name="mode" label={t('sale.what')}>
        <Radio.Group
          data-testid="sale-form-mode"
          optionType="button"
          options={[
            { value: 'product', label: <span data-testid="sale-form-mode-product">{t('sale.byProduct')}</span> },
            { value: 'category', label: <span data-testid="sale-form-mode-category">{t('sale.byCategory')}</span> },
          ]}
        />
      </Form.Item>
      {mode === 'category' ? (
        <>
          <Form.Item name="category" label={t('product.category')} rules={required}>
            <Select data-testid="sale-form-category" virtual={false} options={optionsOf(CATEGORY_CODES, (c) => categoryLabel(t, c), 'sale-form-category')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t('product.supplier')} extra={t('sale.supplierHint')} style={{ marginBottom: 8 }}>
            <Space wrap>
              <Form.Item name="supplierId" noStyle>
                <RecordSelect testId="sale-form-supplier" searchKey="/suppliers#pick" search={searchSuppliers} resolve={resolveSupplier} seed={sale?.supplierId ? [{ id: sale.supplierId, label: sale.supplier }] : []} placeholder={t('product.supplierPlaceholder')} />
              </Form.Item>
              {supplierId ? null : (
                <>
                  <Form.Item name="supplierName" noStyle>
                    <Input data-testid="sale-form-supplier-name" placeholder={t('sale.supplierName')} maxLength={200} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name="countyCode" noStyle>
                    <RegionSearchSelect testId="sale-form-county" levels={[3]} seed={sale && !sale.supplierId ? { code: sale.countyCode, fullName: sale.countyName ?? sale.countyCode } : null} placeholder={t('sale.county')} />
                  </Form.Item>
                </>
              )}
            </Space>
          </Form.Item>
        </>
      ) : (
        <Form.Item name="productId" label={t('sale.product')} extra={t('sale.productHint')} rules={required}>
          <RecordSelect
            testId="sale-form-product"
            searchKey="/products#certified"
            search={searchCertifiedProducts}
            resolve={resolveProduct}
            seed={sale?.productId ? [{ id: sale.productId, label: sale.productName ?? `#${sale.productId}` }] : []}
            placeholder={t('sale.productPlaceholder')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      )}
    </>
  );
}
