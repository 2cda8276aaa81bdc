import { useState } from 'react';
import { Button, Descriptions, Drawer, Input, Radio, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { sampleExportPath, useCheckItem, useSample, type SampleItem } from './assessment.api.ts';
import { formatFigurePct, unitLabel, useApiName } from '../indicators/indicatorFormat.ts';
import { useCan } from '../auth/session.tsx';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { useDownload } from '../../ui/download.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

type Row = SampleItem & { index: number };

interface Props {
  /** The sample shown (null = the drawer is closed). */
  id: number | null;
  onClose: () => void;
  /** A verdict was saved: the sample list's counts changed. */
  onChecked?: () => void;
}

/**
 * A sample's checklist: every drawn record with what it showed for which indicator, 核实 or 存疑 per record with a note
 * (indicator:write), how many records each indicator's pool held, and the Excel of it all.
 */
export function SampleChecklist({ id, onClose, onChecked }: Props) {
  const t = useT();
  const nameOf = useApiName();
  const report = useErrorReporter();
  const canWrite = useCan('indicator:write');
  const sample = useSample(id);
  const check = useCheckItem();
  const { download, busy } = useDownload();
  /** Notes typed but not saved yet, by item index (a note is saved with a verdict). */
  const [notes, setNotes] = useState<Map<number, string>>(new Map());
  const [saving, setSaving] = useState<number | null>(null);
  const s = sample.data && sample.data.id === id ? sample.data : undefined;
  const rows: Row[] = (s?.items ?? []).map((x, index) => ({ ...x, index }));

  const noteOf = (r: Row) => notes.get(r.index) ?? r.note ?? '';
  const save = async (r: Row, verified: boolean) => {
    if (!s) return;
    setSaving(r.index);
    try {
      const note = noteOf(r).trim();
      await check.run(s.id, r.index, { verified, note: note || null });
      setNotes((m) => {
        const next = new Map(m);
        next.delete(r.index);
        return next;
      });
      sample.reload();
      onChecked?.();
    } catch (err) {
      report(err);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Drawer
      open={id !== null}
      onClose={() => {
        setNotes(new Map());
        onClose();
      }}
      size={1180}
      destroyOnHidden
      title={s ? t('asmt.checklistTitle', { scope: s.scope.name, year: s.year }) : t('asmt.checklist')}
      extra={
        s ? (
          <Button icon={<DownloadOutlined />} loading={busy !== null} onClick={() => download(sampleExportPath(s.id), undefined, t('asmt.sampleFile', { id: s.id }))} data-testid="assessment-checklist-export">
            {t('asmt.exportExcel')}
          </Button>
        ) : null
      }
    >
      <div data-testid="assessment-checklist" data-sample={id ?? ''}>
        <ErrorAlert error={sample.error} onRetry={sample.reload} />
        {!s && sample.loading ? <Skeleton active /> : null}
        {s ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
              <Descriptions.Item label={t('asmt.seed')}>
                <Typography.Text code copyable>
                  {String(s.seed)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('asmt.perIndicator')}>{s.perIndicator}</Descriptions.Item>
              <Descriptions.Item label={t('asmt.checked')}>
                <span data-testid="assessment-checklist-progress" data-checked={s.checked} data-count={s.count}>
                  {t('asmt.checkedOf', { checked: s.checked, count: s.count })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('asmt.drawnBy')}>{s.createdBy}</Descriptions.Item>
              <Descriptions.Item label={t('asmt.drawnAt')} span={2}>
                {formatDateTime(s.createdAt)}
              </Descriptions.Item>
            </Descriptions>
            <div data-testid="assessment-checklist-pools">
              <Typography.Text type="secondary">{t('asmt.pools')}</Typography.Text>{' '}
              {s.pools.map((p) => (
                <Tag key={p.indicator} data-testid={`assessment-pool-${p.indicator}`} data-total={p.total} data-drawn={p.drawn} style={{ marginBottom: 4 }}>
                  {t('asmt.pool', { name: nameOf('indicatorName', p.indicator, p.indicatorName), drawn: p.drawn, total: p.total })}
                </Tag>
              ))}
            </div>
            <Table<Row>
              data-testid="assessment-checklist-table"
              rowKey="index"
              size="small"
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t('asmt.noItems') }}
              onRow={(r) => rowWithTestId(`assessment-check-item-${r.index}`, { 'data-verified': r.verified === null ? '' : String(r.verified), 'data-indicator': r.indicator })}
              scroll={{ x: 1050 }}
              columns={[
                { key: 'n', title: '#', width: 48, render: (_, r) => r.index + 1 },
                { key: 'indicator', title: t('ind.indicator'), width: 170, render: (_, r) => nameOf('indicatorName', r.indicator, r.indicatorName) },
                {
                  key: 'record',
                  title: t('asmt.record'),
                  render: (_, r) => (
                    <>
                      <div>
                        <Tag style={{ marginInlineEnd: 4 }}>{nameOf('evidenceKind', r.kind, r.kindLabel)}</Tag>
                        {r.label}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[r.date, r.placeName, r.orgName].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  key: 'value',
                  title: t('ev.value'),
                  width: 130,
                  align: 'right',
                  render: (_, r) => `${formatFigurePct(r.value, r.unit)}${r.unit === '%' ? '' : ` ${unitLabel(t, r.unit)}`}`,
                },
                {
                  key: 'verdict',
                  title: t('asmt.verdict'),
                  width: 170,
                  render: (_, r) =>
                    canWrite ? (
                      <Radio.Group
                        size="small"
                        optionType="button"
                        buttonStyle="solid"
                        disabled={saving !== null}
                        value={r.verified === null ? undefined : r.verified}
                        onChange={(e) => save(r, e.target.value as boolean)}
                        data-testid={`assessment-check-${r.index}`}
                        options={[
                          { value: true, label: <span data-testid={`assessment-check-${r.index}-verified`}>{t('asmt.verified')}</span> },
                          { value: false, label: <span data-testid={`assessment-check-${r.index}-doubt`}>{t('asmt.doubt')}</span> },
                        ]}
                      />
                    ) : (
                      <VerdictTag verified={r.verified} />
                    ),
                },
                {
                  key: 'note',
                  title: t('asmt.note'),
                  width: 230,
                  render: (_, r) =>
                    canWrite ? (
                      <Tooltip title={r.verified === null ? t('asmt.noteNeedsVerdict') : undefined}>
                        <Input.TextArea
                          data-testid={`assessment-check-note-${r.index}`}
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          maxLength={1000}
                          value={noteOf(r)}
                          onChange={(e) => setNotes((m) => new Map(m).set(r.index, e.target.value))}
                          onBlur={() => {
                            if (r.verified !== null && notes.has(r.index) && noteOf(r).trim() !== (r.note ?? '')) void save(r, r.verified);
                          }}
                        />
                      </Tooltip>
                    ) : (
                      r.note ?? '—'
                    ),
                },
                {
                  key: 'checked',
                  title: t('asmt.checkedBy'),
                  width: 150,
                  render: (_, r) =>
                    r.checkedBy ? (
                      <>
                        <div>{r.checkedBy}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(r.checkedAt)}
                        </Typography.Text>
                      </>
                    ) : (
                      <Typography.Text type="secondary">{t('asmt.unchecked')}</Typography.Text>
                    ),
                },
              ]}
            />
          </Space>
        ) : null}
      </div>
    </Drawer>
  );
}

function VerdictTag({ verified }: { verified: boolean | null }) {
  const t = useT();
  if (verified === null) return <Tag>{t('asmt.unchecked')}</Tag>;
  return verified ? <Tag color="success">{t('asmt.verified')}</Tag> : <Tag color="warning">{t('asmt.doubt')}</Tag>;
}
