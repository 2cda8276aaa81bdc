import { SheetImportModal } from '../../ui/SheetImportModal.tsx';
import { useT } from '../../ui/i18n.tsx';

/** Excel 导入 of projects (the shared sheet import modal with the project wording). */
export function ProjectImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const t = useT();
  return <SheetImportModal open={open} path="/projects" title={t('import.title')} intro={t('import.intro')} templateName="项目导入模板.xlsx" onClose={onClose} onImported={onImported} />;
}
