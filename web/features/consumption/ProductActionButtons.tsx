import { Button, Popconfirm, Space } from 'antd';
import type { Product } from '../../../src/modules/products/products.contract.ts';
import { useT, type MessageKey } from '../../ui/i18n.tsx';
import { buttonWithTestId } from '../../ui/testIds.ts';

/** Steps that end or take back a certification are red. */
const DANGER = new Set(['delist', 'revoke', 'withdraw']);
/** Side actions are plain buttons; the steps that move the product on are primary. */
const PLAIN = new Set(['edit', 'objection', 'resolve_objection']);

interface Props {
  product: Product;
  onAction: (action: string) => void;
  onWithdraw: () => void;
  withdrawing: boolean;
}

/**
 * One button per action the server lists in nextActions (`step-{action}`); 撤回申请 asks for confirmation first.
 * 处理异议 is listed for the whole 公示 stage: its button shows only while an objection is open.
 */
export function ProductActionButtons({ product: p, onAction, onWithdraw, withdrawing }: Props) {
  const t = useT();
  const hasOpenObjection = p.objections.some((o) => o.upheld === null);
  const shown = p.nextActions.filter((a) => a !== 'resolve_objection' || hasOpenObjection);
  return (
    <div data-testid="product-actions">
      <Space wrap>
        {shown.map((a) => {
          const text = t(`productAction.${a}` as MessageKey);
          if (a === 'withdraw') {
            return (
              <Popconfirm key={a} title={t('product.withdrawConfirm')} okText={text} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId('step-withdraw-confirm', { danger: true, loading: withdrawing })} onConfirm={onWithdraw}>
                <Button danger data-testid="step-withdraw">
                  {text}
                </Button>
              </Popconfirm>
            );
          }
          return (
            <Button key={a} type={PLAIN.has(a) || DANGER.has(a) ? 'default' : 'primary'} danger={DANGER.has(a)} data-testid={`step-${a}`} onClick={() => onAction(a)}>
              {text}
            </Button>
          );
        })}
      </Space>
    </div>
  );
}
