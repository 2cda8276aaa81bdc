import { useState } from 'react';
import { DatePicker, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCandidates, type CandidateItem, type Edition } from './editions.api.ts';
import { lastMonth } from './editionForm.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  open: boolean;
  edition: Edition;
  /** Activities already among the items: shown, not offered again. */
  present: Set<number>;
  onClose: () => void;
  onPick: (picked: CandidateItem[]) => void;
}

type Range = [Dayjs | null, Dayjs | null];

/** 从工作动态添加: items drafted from the publisher's recorded activities of a period (the edition's, changeable here). */
export function CandidatesModal({ open, edition, present, onClose, onPick }: Props) {
  const t = useT();
  const [range, setRange] = useState<Range>(() => (edition.periodFrom && edition.periodTo ? [fromIsoDate(edition.periodFrom), fromIsoDate(edition.periodTo)] : lastMonth()));
  const [selected, setSelected] = useState<number[]>([]);
  const from = toIsoDate(range[0]);
  const to = toIsoDate(range[1]);
  const q = useCandidates(open && from && to ? { from, to, publisher: edition.publisherOrgId, pairing: edition.pairingId, county: edition.countyCode } : null);
  const rows = q.data ?? [];
  const picked = rows.filter((c) => c.activityId !== null && selected.includes(c.activityId));
  const close = () => {
    setSelected([]);
    onClose();
  };

  return (
    <Modal
      open={open}
      width={960}
      title={t('edition.candidatesTitle')}
      onCancel={close}
      destroyOnHidden
      okText={t('edition.addPicked', { n: picked.length })}
      cancelText={t('common.cancel')}
      okButtonProps={buttonWithTestId('candidates-submit', { disabled: !picked.length })}
      onOk={() => {
        onPick(picked);
        setSelected([]);
      }}
    >
      <div data-testid="candidates-modal">
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('edition.candidatesPeriod')}</Typography.Text>
          <DatePicker.RangePicker data-testid="candidates-period" value={range} allowClear={false} onChange={(r) => r && setRange(r as Range)} />
          <Typography.Text type="secondary">{t('edition.candidatesHint', { publisher: edition.publisherName })}</Typography.Text>
        </Space>
        <ErrorAlert error={q.error} onRetry={q.reload} />
        <Table<CandidateItem>
          data-testid="candidates-table"
          rowKey={(c) => c.activityId ?? c.title}
          size="small"
          loading={q.loading}
          dataSource={rows}
          pagination={false}
          scroll={{ y: 420 }}
          locale={{ emptyText: t('edition.noCandidates') }}
          onRow={(c) => rowWithTestId(`candidate-row-${c.activityId}`, { 'data-present': String(c.activityId !== null && present.has(c.activityId)) })}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(Number)),
            getCheckboxProps: (c) => ({ disabled: c.activityId === null || present.has(c.activityId) }),
          }}
          columns={[
            { key: 'date', title: t('edition.candidateDate'), width: 110, render: (_, c) => c.date },
            { key: 'section', title: t('edition.section'), width: 100, render: (_, c) => c.section ?? '—' },
            {
              key: 'title',
              title: t('edition.itemTitle'),
              render: (_, c) => (
                <>
                  <Typography.Text strong>{c.title}</Typography.Text>
                  {c.activityId !== null && present.has(c.activityId) ? <Tag style={{ marginInlineStart: 8 }}>{t('edition.alreadyIn')}</Tag> : null}
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                    {c.body}
                  </Typography.Paragraph>
                </>
              ),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
