import { useCallback, useEffect, useState } from 'react';
import { App, Skeleton, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useDeleteEdition, useEdition, useEditionStep, type Edition, type EditionStep } from './editions.api.ts';
import { EditionHeader } from './EditionHeader.tsx';
import { EditionActions } from './EditionActions.tsx';
import { ItemsEditor } from './ItemsEditor.tsx';
import { EditionPreview } from './EditionPreview.tsx';
import { EditionFormDrawer } from './EditionFormDrawer.tsx';
import { ReturnEditionModal } from './ReturnEditionModal.tsx';
import { useCan } from '../auth/session.tsx';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { toInt } from '../../ui/useUrlParams.ts';

/** One edition (/bulletin-editions/:id): its header and workflow, the item editor (drafts) or the items as printed, the print preview. */
export function EditionPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const id = toInt(useParams().id) ?? null;
  const q = useEdition(id);
  const step = useEditionStep();
  const remove = useDeleteEdition();
  const canWrite = useCan('bulletin:write');
  /** The edition as the last change answered it, until the reload brings it. */
  const [fresh, setFresh] = useState<Edition | null>(null);
  const [version, setVersion] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<EditionStep | 'delete' | null>(null);
  const [editing, setEditing] = useState(false);
  const [returning, setReturning] = useState(false);
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  useEffect(() => setFresh(null), [q.data]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  const e = fresh && fresh.id === id ? fresh : q.data;
  if (!e || e.id !== id) return <Skeleton active />;

  const changed = (next: Edition) => {
    setFresh(next);
    setVersion((v) => v + 1);
    q.reload();
  };
  const run = async (s: EditionStep, reason?: string) => {
    setBusy(s);
    try {
      const next = await step.run(e.id, s, reason);
      message.success(t(`edition.done.${s}`, { name: `${next.title}${next.numberLabel}` }));
      changed(next);
    } finally {
      setBusy(null);
    }
  };
  const onStep = (s: 'submit' | 'issue') => run(s).catch(report);
  const onDelete = async () => {
    setBusy('delete');
    try {
      await remove.run(e.id);
      message.success(t('common.deleted', { name: `${e.title}${e.numberLabel}` }));
      navigate('/bulletin-editions');
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };
  // A new list of saved items remounts the editor; a header change leaves unsaved item edits alone.
  const itemsKey = `${e.status}:${e.items.map((i) => i.id).join(',')}`;

  return (
    <div data-testid="edition-page" data-status={e.status}>
      <EditionHeader
        edition={e}
        actions={<EditionActions edition={e} dirty={dirty} busy={busy} onStep={onStep} onReturn={() => setReturning(true)} onEdit={() => setEditing(true)} onDelete={onDelete} />}
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ItemsEditor key={itemsKey} edition={e} editable={e.status === 'draft' && canWrite} onSaved={changed} onDirtyChange={onDirtyChange} />
        <EditionPreview id={e.id} version={version} />
      </Space>
      <EditionFormDrawer
        open={editing}
        edition={e}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          setEditing(false);
          changed(next);
        }}
      />
      <ReturnEditionModal
        open={returning}
        onClose={() => setReturning(false)}
        onReturn={async (reason) => {
          await run('return', reason);
          setReturning(false);
        }}
      />
    </div>
  );
}
