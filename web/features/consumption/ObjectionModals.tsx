import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Product } from '../../../src/modules/products/products.contract.ts';
import { useAddObjection, useResolveObjection } from './products.api.ts';
import type { Objection } from './productTypes.ts';
import { BooleanRadio } from './BooleanRadio.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { toIsoDate } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

interface ObjectionValues {
  receivedOn: Dayjs | null;
  objector?: string | null;
  content: string;
}

/** 登记公示异议 (consumption:review): when it came, from whom, what it says. */
export function ObjectionModal({ open, product, onClose, onDone }: { open: boolean; product: Product; onClose: () => void; onDone: (p: Product) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const add = useAddObjection();
  return (
    <FormModal<ObjectionValues>
      open={open}
      title={t('step.title', { step: t('productAction.objection'), name: product.name })}
      testId="objection-form"
      submitTestId="objection-submit"
      fields={{ fields: ['receivedOn', 'objector', 'content'] }}
      initialValues={{ receivedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        const saved = await add.run(product.id, { receivedOn: toIsoDate(v.receivedOn) ?? undefined, objector: v.objector?.trim() || null, content: v.content.trim() });
        message.success(t('objection.saved'));
        onDone(saved);
      }}
    >
      <Form.Item name="receivedOn" label={t('objection.receivedOn')}>
        <DatePicker data-testid="objection-form-date" disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item name="objector" label={t('objection.objector')}>
        <Input data-testid="objection-form-objector" maxLength={100} />
      </Form.Item>
      <Form.Item name="content" label={t('objection.content')} rules={[{ required: true, whitespace: true, message: t('consumption.required') }]}>
        <Input.TextArea data-testid="objection-form-content" rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

interface ResolveValues {
  upheld: boolean;
  resolution: string;
  resolvedOn: Dayjs | null;
}

/** 异议处理 (consumption:certify): 成立 or 不成立, the resolution, the date. */
export function ResolveObjectionModal({ product, objection, onClose, onDone }: { product: Product; objection: Objection | null; onClose: () => void; onDone: (p: Product) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const resolve = useResolveObjection();
  return (
    <FormModal<ResolveValues>
      open={objection !== null}
      title={t('step.title', { step: t('productAction.resolve_objection'), name: product.name })}
      testId="resolve-form"
      submitTestId="resolve-submit"
      fields={{ fields: ['upheld', 'resolution', 'resolvedOn'] }}
      initialValues={{ resolvedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!objection) return;
        const saved = await resolve.run(product.id, objection.id, { upheld: v.upheld, resolution: v.resolution.trim(), resolvedOn: toIsoDate(v.resolvedOn) ?? undefined });
        message.success(t('objection.resolved'));
        onDone(saved);
      }}
    >
      {objection ? <Alert type="info" data-testid="resolve-form-objection" title={objection.content} description={[objection.receivedOn, objection.objector].filter(Boolean).join(' · ')} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="upheld" label={t('objection.verdict')} rules={[{ required: true, message: t('consumption.required') }]}>
        <BooleanRadio testId="resolve-form-upheld" yes={t('objection.upheld')} no={t('objection.rejected')} />
      </Form.Item>
      <Form.Item name="resolution" label={t('objection.resolution')} rules={[{ required: true, whitespace: true, message: t('consumption.required') }]}>
        <Input.TextArea data-testid="resolve-form-resolution" rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="resolvedOn" label={t('objection.resolvedOn')}>
        <DatePicker data-testid="resolve-form-date" disabledDate={notAfterToday} />
      </Form.Item>
    </FormModal>
  );
}
