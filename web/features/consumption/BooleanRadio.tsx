import { Radio } from 'antd';

interface Props {
  value?: boolean;
  onChange?: (value: boolean) => void;
  yes: string;
  no: string;
  /** The group's data-testid; the options get `{testId}-true` and `{testId}-false`. */
  testId: string;
}

/** 同意/不同意, 通过/不通过, 成立/不成立: a yes-or-no choice as two buttons, for Form.Item. */
export function BooleanRadio({ value, onChange, yes, no, testId }: Props) {
  return (
    <Radio.Group
      data-testid={testId}
      optionType="button"
      value={value}
      onChange={(e) => onChange?.(e.target.value as boolean)}
      options={[
        { value: true, label: <span data-testid={`${testId}-true`}>{yes}</span> },
        { value: false, label: <span data-testid={`${testId}-false`}>{no}</span> },
      ]}
    />
  );
}
