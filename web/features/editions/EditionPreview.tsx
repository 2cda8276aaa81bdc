import { Button, Card } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { editionHtmlUrl } from './editions.api.ts';
import { useT } from '../../ui/i18n.tsx';

/** The printable HTML page in a frame (as saved: unsaved item changes are not in it); `version` reloads it after a change. */
export function EditionPreview({ id, version }: { id: number; version: number }) {
  const t = useT();
  const url = editionHtmlUrl(id);
  return (
    <Card
      title={t('edition.preview')}
      extra={
        <Button size="small" icon={<ExportOutlined />} href={url} target="_blank" rel="noopener" data-testid="edition-html-open">
          {t('edition.openInNewTab')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <iframe key={version} data-testid="edition-preview" title={t('edition.preview')} src={`${url}?v=${version}`} style={{ display: 'block', width: '100%', height: 900, border: 0, background: '#f0f0f0' }} />
    </Card>
  );
}
