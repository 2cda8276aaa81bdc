import { useRef, type ReactNode } from 'react';
import { Button, Checkbox, Typography } from 'antd';
import { useT } from './i18n.tsx';

interface FileChooserProps {
  /** `{testId}-choose` (the button), `{testId}-file` (the hidden input, for setInputFiles), `{testId}-file-name`. */
  testId: string;
  accept: string;
  icon: ReactNode;
  label: string;
  /** Shown instead of a file name while none is chosen. */
  noFile: string;
  file: File | null;
  disabled?: boolean;
  onChoose: (file: File | null) => void;
}

/**
 * A button that opens the browser's file dialog, the hidden `<input type=file>` behind it and the chosen file's name —
 * a fragment, so the three sit in the caller's `Space`. The input is cleared after each choice, so the same file can be chosen again.
 */
export function FileChooser({ testId, accept, icon, label, noFile, file, disabled, onChoose }: FileChooserProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button icon={icon} data-testid={`${testId}-choose`} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        data-testid={`${testId}-file`}
        style={{ display: 'none' }}
        onChange={(e) => {
          onChoose(e.target.files?.[0] ?? null);
          e.target.value = '';
        }}
      />
      <Typography.Text data-testid={`${testId}-file-name`}>{file ? file.name : noFile}</Typography.Text>
    </>
  );
}

/** 跳过错误行 for an upload, with the hint saying what happens to the bad rows; the checkbox is `{testId}-skip-invalid`. */
export function SkipInvalidCheckbox({ testId, hint, checked, onChange }: { testId: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const t = useT();
  return (
    <>
      <Checkbox data-testid={`${testId}-skip-invalid`} checked={checked} onChange={(e) => onChange(e.target.checked)}>
        {t('import.skipInvalid')}
      </Checkbox>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Text>
    </>
  );
}
