import { Button, Descriptions, Modal, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Donation } from '../../../src/modules/donations/donations.contract.ts';
import { donationKindLabel, useDonation } from './donations.api.ts';
import { PairingName } from '../pairings/PairingName.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { formatFenAsWan, formatFenAsYuan } from '../../ui/money.ts';

interface Props {
  id: number | null;
  onClose: () => void;
  /** Given only to users with activity:write. */
  onEdit?: (d: Donation) => void;
}

/** One donation with its goods list; linked from activities (?open=ID). */
export function DonationDetailModal({ id, onClose, onEdit }: Props) {
  const t = useT();
  const q = useDonation(id);
  const d = q.data;
  return (
    <Modal
      open={id !== null}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      title={t('donation.detailTitle')}
      footer={[
        onEdit && d ? (
          <Button key="edit" data-testid="donation-detail-edit" onClick={() => onEdit(d)}>
            {t('common.edit')}
          </Button>
        ) : null,
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {d ? (
        <div data-testid="donation-detail">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('donation.donor')}>{d.donor}</Descriptions.Item>
            <Descriptions.Item label={t('donation.recipient')}>{d.recipient}</Descriptions.Item>
            <Descriptions.Item label={t('donation.kind')}>
              <Tag>{donationKindLabel(t, d.kind)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('donation.value')}>
              <span data-testid="donation-detail-value" data-fen={d.valueFen}>
                {formatFenAsWan(d.valueFen, t('money.wan'))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('donation.date')}>{d.donatedOn}</Descriptions.Item>
            <Descriptions.Item label={t('donation.pairing')}>{d.pairingId ? <PairingName id={d.pairingId} /> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('donation.purpose')} span={2}>
              {d.purpose ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('donation.activity')} span={2}>
              {d.activityId ? <Link to={`/activities?open=${d.activityId}`}>#{d.activityId}</Link> : '—'}
            </Descriptions.Item>
          </Descriptions>
          {d.items.length ? (
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.items}
              columns={[
                { key: 'item', title: t('donation.item'), render: (_, i) => i.item },
                { key: 'quantity', title: t('donation.quantity'), align: 'right', render: (_, i) => `${i.quantity} ${i.unit}` },
                { key: 'value', title: t('donation.itemValue'), align: 'right', render: (_, i) => (i.valueFen == null ? '—' : formatFenAsYuan(i.valueFen, t('money.yuan'))) },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
