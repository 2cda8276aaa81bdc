import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { CheckOutlined, DeleteOutlined, EditOutlined, FilePdfOutlined, FileWordOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { editionFilePath, type Edition, type EditionStep } from './editions.api.ts';
import { useCan } from '../auth/session.tsx';
import { useDownload } from '../../ui/download.ts';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId } from '../../ui/testIds.ts';

interface Props {
  edition: Edition;
  /** Unsaved item changes: 送审 waits for 保存. */
  dirty: boolean;
  busy: EditionStep | 'delete' | null;
  onStep: (step: 'submit' | 'issue') => void;
  onReturn: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/**
 * The workflow for the edition's status and the user's actions — 草稿: 修改报头, 送审, 删除 (bulletin:write);
 * 待审核: 退回, 印发 (bulletin:issue) — and the downloads, for every status.
 */
export function EditionActions({ edition: e, dirty, busy, onStep, onReturn, onEdit, onDelete }: Props) {
  const t = useT();
  const canWrite = useCan('bulletin:write');
  const canIssue = useCan('bulletin:issue');
  const { download, busy: downloading } = useDownload();
  const file = (ext: 'docx' | 'pdf') => download(editionFilePath(e.id, ext), undefined, `${e.title}${e.numberLabel}.${ext}`);
  const submitBlocked = dirty ? t('edition.saveFirst') : !e.items.length ? t('edition.noItemsToSubmit') : null;

  return (
    <div data-testid="edition-actions">
      <Space wrap>
        {e.status === 'draft' && canWrite ? (
          <>
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edition-edit">
              {t('edition.editHeader')}
            </Button>
            <Popconfirm title={t('edition.deleteConfirm', { name: `${e.title}${e.numberLabel}` })} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId('edition-delete-confirm', { danger: true })} onConfirm={onDelete}>
              <Button danger icon={<DeleteOutlined />} loading={busy === 'delete'} data-testid="edition-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
            <Tooltip title={submitBlocked}>
              <Button type="primary" icon={<SendOutlined />} disabled={!!submitBlocked} loading={busy === 'submit'} onClick={() => onStep('submit')} data-testid="edition-submit">
                {t('edition.submit')}
              </Button>
            </Tooltip>
          </>
        ) : null}
        {e.status === 'review' && canIssue ? (
          <>
            <Button icon={<RollbackOutlined />} loading={busy === 'return'} onClick={onReturn} data-testid="edition-return">
              {t('edition.return')}
            </Button>
            <Popconfirm title={t('edition.issueConfirm')} description={t('edition.issueConfirmText')} okText={t('edition.issue')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId('edition-issue-confirm')} onConfirm={() => onStep('issue')}>
              <Button type="primary" icon={<CheckOutlined />} loading={busy === 'issue'} data-testid="edition-issue">
                {t('edition.issue')}
              </Button>
            </Popconfirm>
          </>
        ) : null}
        <Button icon={<FileWordOutlined />} loading={downloading === editionFilePath(e.id, 'docx')} onClick={() => file('docx')} data-testid="edition-download-docx">
          {t('edition.downloadDocx')}
        </Button>
        <Button icon={<FilePdfOutlined />} loading={downloading === editionFilePath(e.id, 'pdf')} onClick={() => file('pdf')} data-testid="edition-download-pdf">
          {t('edition.downloadPdf')}
        </Button>
      </Space>
    </div>
  );
}
