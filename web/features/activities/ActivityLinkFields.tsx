import { useState } from 'react';
import { Button, Form, Space } from 'antd';
import type { FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Page } from '../../../src/platform/contract.ts';
import type { Activity } from '../../../src/modules/activities/activities.contract.ts';
import type { Agreement } from '../../../src/modules/pairings/pairings.contract.ts';
import type { ProjectSummary } from '../../../src/modules/projects/projects.contract.ts';
import type { Donation } from '../../../src/modules/donations/donations.contract.ts';
import { linkField, type ActivityFormValues } from './activityForm.ts';
import { linkKindLabel, type LinkKind } from './activityEnums.ts';
import { donationChoice, searchDonations } from '../donations/donations.api.ts';
import { DonationFormModal } from '../donations/DonationFormModal.tsx';
import { searchTrainings, trainingChoice } from '../training/training.api.ts';
import { useAccess } from '../auth/session.tsx';
import { api } from '../../ui/api.ts';
import { useT } from '../../ui/i18n.tsx';
import { filterChoices, RecordSelect, type Choice } from '../../ui/RecordSelect.tsx';
import { fenToWanText } from '../../ui/money.ts';

const byId = async <T,>(path: string, signal: AbortSignal, toChoice: (x: T) => Choice) => api.get<T>(path, undefined, signal).then(toChoice, () => null);

/**
 * 关联记录: the agreements of the chosen pairing, donations and trainings (of the pairing, or by number) and projects
 * (by name, code or number). A donation can be recorded right here (登记新捐赠) and is linked when saved.
 */
export function ActivityLinkFields({ form, activity }: { form: FormInstance<ActivityFormValues>; activity: Activity | null }) {
  const t = useT();
  const can = useAccess();
  const pairingId = Form.useWatch('pairingId', form);
  const startDate = Form.useWatch('startDate', form);
  const [added, setAdded] = useState<Choice[]>([]);
  const [newDonation, setNewDonation] = useState(false);
  const seed = (kind: LinkKind): Choice[] => [...(activity?.links ?? []).filter((l) => l.kind === kind).map((l) => ({ id: l.id, label: l.label })), ...(kind === 'donation' ? added : [])];
  const agreementChoice = (a: Agreement): Choice => ({ id: a.id, label: `${a.year} ${a.title ?? t('activity.untitledAgreement')}`, hint: [a.signedOn, a.pledgedFen ? `${fenToWanText(a.pledgedFen)}${t('money.wan')}` : null].filter(Boolean).join(' · ') });
  const projectChoice = (p: Pick<ProjectSummary, 'id' | 'name' | 'code'>): Choice => ({ id: p.id, label: p.name, hint: p.code });
  const picker = (kind: LinkKind, props: Omit<React.ComponentProps<typeof RecordSelect>, 'multiple' | 'testId'>) => (
    <Form.Item name={linkField(kind)} noStyle>
      <RecordSelect multiple testId={`activity-form-link-${kind}`} seed={seed(kind)} style={{ minWidth: 420 }} {...props} />
    </Form.Item>
  );

  return (
    <div data-testid="activity-form-links">
      {can('pairing:read') ? (
        <Form.Item label={linkKindLabel(t, 'agreement')} extra={pairingId ? t('activity.agreementHint') : t('activity.agreementNeedsPairing')}>
          {picker('agreement', {
            disabled: !pairingId,
            searchKey: `/pairings/${pairingId}/agreements#pick`,
            search: (text, signal) => api.get<Agreement[]>(`/pairings/${pairingId}/agreements`, undefined, signal).then((list) => filterChoices(list.map(agreementChoice), text)),
          })}
        </Form.Item>
      ) : null}
      <Form.Item label={linkKindLabel(t, 'donation')} extra={t('activity.donationHint')}>
        <Space wrap align="start">
          {picker('donation', {
            searchKey: `/donations#pick-${pairingId ?? ''}`,
            search: (text, signal) => searchDonations(t, text, pairingId, signal),
            resolve: (id, signal) => byId<Donation>(`/donations/${id}`, signal, (d) => donationChoice(t, d)),
          })}
          <Button icon={<PlusOutlined />} data-testid="activity-form-link-donation-new" onClick={() => setNewDonation(true)}>
            {t('activity.newDonation')}
          </Button>
        </Space>
      </Form.Item>
      <Form.Item label={linkKindLabel(t, 'training')} extra={t('activity.trainingHint')}>
        {picker('training', { searchKey: `/trainings#pick-${pairingId ?? ''}`, search: (text, signal) => searchTrainings(text, pairingId, signal), resolve: (id, signal) => byId(`/trainings/${id}`, signal, trainingChoice) })}
      </Form.Item>
      {can('project:read') ? (
        <Form.Item label={linkKindLabel(t, 'project')} extra={t('activity.projectHint')}>
          {picker('project', {
            searchKey: '/projects#pick',
            search: async (text, signal) => {
              const page = await api.get<Page<ProjectSummary>>('/projects', { q: /^\d+$/.test(text) ? undefined : text || undefined, pageSize: 30 }, signal);
              const one = /^\d+$/.test(text) ? await byId<ProjectSummary>(`/projects/${text}`, signal, projectChoice) : null;
              return [...(one ? [one] : []), ...page.items.filter((p) => p.id !== one?.id).map(projectChoice)];
            },
            resolve: (id, signal) => byId<ProjectSummary>(`/projects/${id}`, signal, projectChoice),
          })}
        </Form.Item>
      ) : null}
      <DonationFormModal
        open={newDonation}
        donation={null}
        defaults={{ pairingId, activityId: activity?.id ?? null, donatedOn: startDate ? dayjs(startDate).format('YYYY-MM-DD') : null }}
        onClose={() => setNewDonation(false)}
        onSaved={(d) => {
          setNewDonation(false);
          setAdded((prev) => [...prev, donationChoice(t, d)]);
          form.setFieldValue('donationIds', [...(form.getFieldValue('donationIds') ?? []), d.id]);
        }}
      />
    </div>
  );
}
