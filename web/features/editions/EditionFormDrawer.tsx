import { useEffect, useRef } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useCreateEdition, useNextNumbers, useUpdateEdition, type Edition } from './editions.api.ts';
import { EDITION_FIELDS, editionValues, lastMonth, newEditionValues, thisMonth, toEditionInput, toEditionPatch, type EditionValues } from './editionForm.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { PairingSearchSelect } from '../pairings/PairingSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { useMe } from '../auth/session.tsx';
import { ApiError } from '../../ui/api.ts';
import { FormDrawer } from '../../ui/FormDrawer.tsx';
import { errorText, useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { useDebounced } from '../../ui/useApi.ts';

interface Props {
  open: boolean;
  /** null = a new edition (组稿); otherwise its header is edited (draft only). */
  edition: Edition | null;
  onClose: () => void;
  onSaved: (e: Edition) => void;
}

/** 期号 and 总期号: pre-filled with the series' next free numbers for a new edition, shown as a hint when editing. */
function NumberFields({ form, creating }: { form: FormInstance<EditionValues>; creating: boolean }) {
  const t = useT();
  const publisher = Form.useWatch('publisherOrgId', form);
  const title = useDebounced((Form.useWatch('title', form) ?? '').trim(), 400);
  const supplement = !!Form.useWatch('supplement', form);
  const year = Form.useWatch('issuedOn', form)?.year();
  const next = useNextNumbers(publisher && title.length >= 2 && year ? { publisher, title, supplement, year } : null);
  useEffect(() => {
    if (creating && next.data) form.setFieldsValue({ issueNo: next.data.issueNo, totalNo: next.data.totalNo });
  }, [creating, next.data, form]);
  const hint = next.error ? errorText(t, next.error) : next.data ? t('edition.nextNumbers', next.data) : t('edition.numbersHint');
  return (
    <Form.Item label={t('edition.numbers')} extra={<span data-testid="edition-form-next">{hint}</span>} style={{ marginBottom: 16 }}>
      <Space wrap align="start">
        <Form.Item name="issueNo" noStyle>
          <InputNumber<number> data-testid="edition-form-issue-no" min={1} max={9999} precision={0} prefix={t('edition.issuePrefix')} suffix={t('edition.issueSuffix')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="totalNo" noStyle>
          <InputNumber<number> data-testid="edition-form-total-no" min={1} max={99999} precision={0} prefix={t('edition.totalPrefix')} suffix={t('edition.issueSuffix')} style={{ width: 180 }} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

/** 新建简报（组稿）or 修改报头: publisher, masthead, numbers, period and scope of the items, 版记 (报/送/发) and copies. */
export function EditionFormDrawer({ open, edition, onClose, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<EditionValues>();
  const create = useCreateEdition();
  const update = useUpdateEdition();
  const county = useRegion(edition?.countyCode);
  const own = me.user.orgId ? { id: me.user.orgId, name: me.user.orgName ?? `#${me.user.orgId}` } : null;
  const initialValues = edition ? editionValues(edition) : newEditionValues(own);
  /** The editor follows the publisher until it is typed over. */
  const publisherName = useRef<string | null>(edition ? null : (own?.name ?? null));
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];

  const submit = async (v: EditionValues) => {
    try {
      const saved = edition ? await update.run(edition.id, toEditionPatch(v)) : await create.run(toEditionInput(v));
      message.success(t(edition ? 'edition.saved' : 'edition.created', { name: `${saved.title}${saved.numberLabel}`, n: saved.items.length }));
      onSaved(saved);
    } catch (err) {
      // A number in use: the server's message names the edition holding it, so it goes on the field itself.
      if (err instanceof ApiError && err.status === 409 && err.issues.length) {
        form.setFields(err.issues.map((i) => ({ name: i.path as keyof EditionValues, errors: [err.message] })));
        message.error({ content: err.message, key: 'api-error', duration: 6 });
      } else report(err, form, EDITION_FIELDS);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={720}
      title={edition ? t('edition.editTitle', { name: `${edition.title}${edition.numberLabel}` }) : t('edition.createTitle')}
      saving={create.loading || update.loading}
      submitTestId="edition-form-submit"
      onSave={() => form.submit()}
    >
      <Form<EditionValues> form={form} clearOnDestroy layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="edition-form">
        {edition ? (
          <Form.Item label={t('edition.publisher')}>
            <Typography.Text strong data-testid="edition-form-publisher-name">
              {edition.publisherName}
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="publisherOrgId" label={t('edition.publisher')} extra={t('edition.publisherHint')} rules={[{ required: true, message: t('edition.publisherRequired') }]}>
            <OrgSearchSelect
              testId="edition-form-publisher"
              seed={own}
              style={{ width: '100%' }}
              onChange={(_, org) => {
                const editor = form.getFieldValue('editor');
                if (org && (!editor || editor === publisherName.current)) form.setFieldsValue({ editor: org.name });
                publisherName.current = org?.name ?? null;
              }}
            />
          </Form.Item>
        )}
        <Space wrap align="start">
          <Form.Item name="title" label={t('edition.title')} rules={required('edition.titleRequired')}>
            <Input data-testid="edition-form-title" maxLength={50} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="supplement" label={t('edition.supplement')} valuePropName="checked" tooltip={t('edition.supplementHint')}>
            <Switch data-testid="edition-form-supplement" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('edition.issuedOn')} rules={[{ required: true, message: t('edition.issuedOnRequired') }]}>
            <DatePicker data-testid="edition-form-issued-on" allowClear={false} />
          </Form.Item>
        </Space>
        <Form.Item name="editor" label={t('edition.editor')} extra={t('edition.editorHint')} rules={required('edition.editorRequired')}>
          <Input data-testid="edition-form-editor" maxLength={100} />
        </Form.Item>
        <NumberFields form={form} creating={!edition} />
        <Space wrap align="start">
          <Form.Item
            name="period"
            label={t('edition.period')}
            dependencies={['compose']}
            extra={t('edition.periodHint')}
            rules={[{ validator: (_, p: EditionValues['period']) => (!form.getFieldValue('compose') || (p?.[0] && p?.[1]) ? Promise.resolve() : Promise.reject(new Error(t('edition.periodRequired')))) }]}
          >
            <DatePicker.RangePicker
              data-testid="edition-form-period"
              allowEmpty={[true, true]}
              presets={[
                { label: t('edition.lastMonth'), value: lastMonth() },
                { label: t('edition.thisMonth'), value: thisMonth() },
              ]}
            />
          </Form.Item>
          {edition ? null : (
            <Form.Item name="compose" label={t('edition.compose')} valuePropName="checked" tooltip={t('edition.composeHint')}>
              <Switch data-testid="edition-form-compose" />
            </Form.Item>
          )}
        </Space>
        <Space wrap align="start">
          <Form.Item name="pairingId" label={t('edition.pairing')}>
            <PairingSearchSelect testId="edition-form-pairing" style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="countyCode" label={t('edition.county')}>
            <RegionSearchSelect testId="edition-form-county" levels={[3]} seed={county.data ? { code: county.data.code, fullName: county.data.fullName, level: county.data.level } : null} style={{ width: 280 }} />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('edition.distribution')}</Typography.Text>
          <br />
          {t('edition.distributionHint')}
        </Typography.Paragraph>
        {(['bao', 'song', 'fa'] as const).map((k) => (
          <Form.Item key={k} name={['distribution', k]} label={t(`edition.distribution.${k}`)}>
            <Select data-testid={`edition-form-${k}`} mode="tags" open={false} tokenSeparators={[',', '，', '、', ';', '；']} suffixIcon={null} />
          </Form.Item>
        ))}
        <Space wrap align="start" size="large">
          <Form.Item name="copies" label={t('edition.copies')}>
            <InputNumber<number> data-testid="edition-form-copies" min={1} max={100000} precision={0} suffix={t('edition.copiesUnit')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="withToc" label={t('edition.withToc')} valuePropName="checked" tooltip={t('edition.withTocHint')}>
            <Switch data-testid="edition-form-with-toc" />
          </Form.Item>
        </Space>
      </Form>
    </FormDrawer>
  );
}
