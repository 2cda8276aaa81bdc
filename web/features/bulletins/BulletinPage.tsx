import { useEffect, useState } from 'react';
import { App, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import type { BulletinDetail, Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { useAcceptDraft, useBulletin } from './bulletins.api.ts';
import { BulletinHeader } from './BulletinHeader.tsx';
import { DraftList } from './DraftList.tsx';
import { DraftReview } from './DraftReview.tsx';
import { AcceptDraftModal } from './AcceptDraftModal.tsx';
import { RejectDraftModal } from './RejectDraftModal.tsx';
import { useCan } from '../auth/session.tsx';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['draft'] as const;

/** The pending item after `from` in document order (or before it), else `from` itself: review goes on where it left off. */
function nextPending(doc: BulletinDetail, from: Draft): Draft {
  const pending = doc.drafts.filter((d) => d.status === 'pending');
  return pending.find((d) => d.itemNo > from.itemNo) ?? pending[0] ?? from;
}

/** 简报审核 (/bulletins/:id, ?draft=ID): the items on the left, the chosen one's source text and decisions on the right. */
export function BulletinPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const id = toInt(useParams().id) ?? null;
  const q = useBulletin(id);
  const [params, setParams] = useUrlParams(PARAMS);
  const canWrite = useCan('activity:write');
  const accept = useAcceptDraft();
  const [accepting, setAccepting] = useState<Draft | null>(null);
  const [rejecting, setRejecting] = useState<Draft | null>(null);
  const [linking, setLinking] = useState<number | null>(null);
  /** The document as a decision answered it, until the reload brings it. */
  const [fresh, setFresh] = useState<BulletinDetail | null>(null);
  useEffect(() => setFresh(null), [q.data]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  const doc = fresh && fresh.id === id ? fresh : q.data;
  if (!doc || doc.id !== id) return <Skeleton active />;

  const selected = doc.drafts.find((d) => d.id === toInt(params.draft)) ?? doc.drafts.find((d) => d.status === 'pending') ?? doc.drafts[0] ?? null;
  const select = (d: Draft) => setParams({ draft: d.id });
  const decided = (from: Draft, next: BulletinDetail) => {
    setAccepting(null);
    setRejecting(null);
    setFresh(next);
    select(nextPending(next, from));
    q.reload();
  };
  const link = async (draft: Draft, activityId: number) => {
    setLinking(activityId);
    try {
      const next = await accept.run(draft.id, { linkActivityId: activityId });
      message.success(t('bulletin.linked', { title: draft.matches.find((m) => m.id === activityId)?.title ?? `#${activityId}` }));
      decided(draft, next);
    } catch (err) {
      report(err);
    } finally {
      setLinking(null);
    }
  };

  return (
    <div data-testid="bulletin-page">
      <BulletinHeader doc={doc} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('bulletin.drafts', { n: doc.drafts.length })}
          </Typography.Title>
          <DraftList drafts={doc.drafts} selectedId={selected?.id ?? null} onSelect={select} />
        </Col>
        <Col xs={24} lg={14}>
          <div style={{ position: 'sticky', top: 16 }}>
            {selected ? (
              <DraftReview
                doc={doc}
                draft={selected}
                actions={canWrite ? { onAccept: () => setAccepting(selected), onReject: () => setRejecting(selected), onLink: (activityId) => link(selected, activityId), linking } : undefined}
              />
            ) : (
              <Empty description={t('bulletin.pickDraft')} />
            )}
          </div>
        </Col>
      </Row>
      <AcceptDraftModal draft={accepting} onClose={() => setAccepting(null)} onDone={(next) => accepting && decided(accepting, next)} />
      <RejectDraftModal draft={rejecting} onClose={() => setRejecting(null)} onDone={(next) => rejecting && decided(rejecting, next)} />
    </div>
  );
}
