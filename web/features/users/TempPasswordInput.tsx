import { useState } from 'react';
import { Button, Input, Space } from 'antd';
import { generateTempPassword } from './tempPassword.ts';
import { useT } from '../../ui/i18n.tsx';

/** A temporary-password field with a 生成 button; a generated password is shown so it can be handed over. */
export function TempPasswordInput({ value, onChange, testId }: { value?: string; onChange?: (value: string) => void; testId: string }) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password data-testid={testId} value={value} onChange={(e) => onChange?.(e.target.value)} autoComplete="new-password" visibilityToggle={{ visible, onVisibleChange: setVisible }} />
      <Button
        data-testid={`${testId}-generate`}
        onClick={() => {
          onChange?.(generateTempPassword());
          setVisible(true);
        }}
      >
        {t('password.generate')}
      </Button>
    </Space.Compact>
  );
}
