import { useState } from 'react';
import dayjs from 'dayjs';
import { Alert, App, Input, Modal, Segmented, Space, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { BULLETIN_ACCEPT, bulletinTypeOf, useImportBulletin } from './bulletins.api.ts';
import { errorText, useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId } from '../../ui/testIds.ts';
import { FileChooser } from '../../ui/UploadFields.tsx';

/**
 * 导入简报: one .txt or .docx file, or pasted text (sent as a .txt), as the raw body. A new document opens its review page (201); the same text
 * imported before (200, created: false) says so and opens the earlier import.
 */
export function BulletinImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useErrorReporter();
  const upload = useImportBulletin();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const type = mode === 'paste' ? (text.trim() ? 'text/plain; charset=utf-8' : null) : file ? bulletinTypeOf(file.name) : null;

  const submit = async () => {
    if (!type) return;
    const chosen = mode === 'paste' ? new File([text], t('bulletin.pastedName', { time: dayjs().format('YYYY-MM-DD HHmmss') }), { type }) : file;
    if (!chosen) return;
    setFailure(null);
    try {
      const { created, document } = await upload.run(chosen, type);
      if (created) message.success(t('bulletin.created', { name: document.fileName, n: document.drafts.length }));
      else message.info(t('bulletin.alreadyImported'));
      onClose();
      navigate(`/bulletins/${document.id}`);
    } catch (err) {
      if (report(err)) setFailure(errorText(t, err));
    }
  };

  return (
    <Modal
      open={open}
      title={t('bulletin.importTitle')}
      destroyOnHidden
      afterClose={() => {
        setFile(null);
        setText('');
        setMode('file');
        setFailure(null);
      }}
      onCancel={onClose}
      okText={t('bulletin.upload')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonWithTestId('bulletin-import-submit', { loading: upload.loading, disabled: !type })}
      onOk={submit}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="bulletin-import-modal">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('bulletin.importIntro')}
        </Typography.Paragraph>
        <Segmented
          data-testid="bulletin-import-mode"
          value={mode}
          onChange={(v) => {
            setMode(v as 'file' | 'paste');
            setFailure(null);
          }}
          options={[
            { value: 'file', label: t('bulletin.modeFile') },
            { value: 'paste', label: <span data-testid="bulletin-import-mode-paste">{t('bulletin.modePaste')}</span> },
          ]}
        />
        {mode === 'paste' ? (
          <Input.TextArea data-testid="bulletin-import-text" rows={12} value={text} placeholder={t('bulletin.pastePlaceholder')} onChange={(e) => setText(e.target.value)} maxLength={10 * 1024 * 1024} />
        ) : (
          <Space wrap>
            <FileChooser
              testId="bulletin-import"
              accept={BULLETIN_ACCEPT}
              icon={<FileAddOutlined />}
              label={t('bulletin.choose')}
              noFile={t('bulletin.noFile')}
              file={file}
              onChoose={(f) => {
                setFile(f);
                setFailure(null);
              }}
            />
          </Space>
        )}
        {mode === 'file' && file && !type ? <Alert type="error" showIcon data-testid="bulletin-import-wrong-type" title={t('bulletin.wrongType')} /> : null}
        {failure ? <Alert type="error" showIcon data-testid="bulletin-import-refusal" title={failure} /> : null}
      </Space>
    </Modal>
  );
}
