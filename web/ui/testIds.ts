import type { HTMLAttributes } from 'react';
import type { ButtonProps } from 'antd';

/**
 * Props objects handed to antd (okButtonProps, onRow) are typed without data-* attributes;
 * these helpers add a stable data-testid for browser tests without scattering casts.
 */
export function buttonWithTestId(testId: string, props: ButtonProps = {}): ButtonProps {
  return { ...props, ...({ 'data-testid': testId } as ButtonProps) };
}

export function rowWithTestId(testId: string, extra: Record<string, string> = {}): HTMLAttributes<HTMLElement> {
  return { 'data-testid': testId, ...extra } as HTMLAttributes<HTMLElement>;
}
