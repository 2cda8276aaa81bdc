import { Form, Input, Radio, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { SEX_CODES, resolvePerson, searchPersons, sexLabel } from './personnel.api.ts';
import type { DispatchFormValues } from './dispatchForm.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { RecordSelect } from '../../ui/RecordSelect.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';

/** 人员: pick someone already registered, or register a new person with the dispatch (name, sex, 派出单位, phone). */
export function DispatchPersonFields({ form, editing }: { form: FormInstance<DispatchFormValues>; editing: { id: number; name: string } | null }) {
  const t = useT();
  const mode = Form.useWatch('personMode', form);
  if (editing) {
    return (
      <Form.Item label={t('dispatch.person')}>
        <span data-testid="dispatch-form-person-name">{editing.name}</span>
      </Form.Item>
    );
  }
  return (
    <>
      <Form.Item name="personMode" label={t('dispatch.person')}>
        <Radio.Group data-testid="dispatch-form-person-mode">
          <Radio value="existing" data-testid="dispatch-form-person-mode-existing">
            {t('dispatch.personExisting')}
          </Radio>
          <Radio value="new" data-testid="dispatch-form-person-mode-new">
            {t('dispatch.personNew')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {mode === 'new' ? (
        <>
          <Space wrap align="start">
            <Form.Item name={['person', 'name']} label={t('person.name')} rules={[{ required: true, message: t('person.nameRequired') }]}>
              <Input data-testid="dispatch-form-person-name" maxLength={50} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name={['person', 'sex']} label={t('person.sex')}>
              <Select data-testid="dispatch-form-person-sex" allowClear virtual={false} options={optionsOf(SEX_CODES, (c) => sexLabel(t, c), 'dispatch-form-person-sex')} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name={['person', 'phone']} label={t('person.phone')}>
              <Input data-testid="dispatch-form-person-phone" maxLength={20} style={{ width: 180 }} />
            </Form.Item>
          </Space>
          <Form.Item label={t('person.origin')} extra={t('person.originHint')} style={{ marginBottom: 8 }}>
            <Space wrap>
              <Form.Item name={['person', 'originOrgId']} noStyle>
                <OrgSearchSelect testId="dispatch-form-person-origin-org" side="east" />
              </Form.Item>
              <Form.Item name={['person', 'originUnit']} noStyle>
                <Input data-testid="dispatch-form-person-origin-unit" placeholder={t('person.originUnit')} maxLength={200} style={{ width: 240 }} />
              </Form.Item>
            </Space>
          </Form.Item>
        </>
      ) : (
        <Form.Item name="personId" label={t('dispatch.pickPerson')} rules={[{ required: true, message: t('dispatch.personRequired') }]}>
          <RecordSelect testId="dispatch-form-person" searchKey="/persons#pick" search={searchPersons} resolve={resolvePerson} placeholder={t('dispatch.personPlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}
