import { useState } from 'react';
import { App, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useProduct, useRules, useWithdrawProduct } from './products.api.ts';
import { isStepModalAction, type Objection } from './productTypes.ts';
import { ProductStatusTag } from './ProductStatusTag.tsx';
import { ProductActionButtons } from './ProductActionButtons.tsx';
import { ProductDetails } from './ProductDetails.tsx';
import { OpinionsCard } from './OpinionsCard.tsx';
import { ObjectionsCard } from './ObjectionsCard.tsx';
import { ProductHistory } from './ProductHistory.tsx';
import { ProductStepModal } from './ProductStepModal.tsx';
import { OpinionModal } from './OpinionModal.tsx';
import { ObjectionModal, ResolveObjectionModal } from './ObjectionModals.tsx';
import { ProductFormDrawer } from './ProductFormDrawer.tsx';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { toInt } from '../../ui/useUrlParams.ts';

/** One product (/certification/:id): its application, 初审意见, 公示异议, the steps taken, and buttons for exactly its nextActions. */
export function ProductPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const id = toInt(useParams().id) ?? null;
  const q = useProduct(id);
  const rules = useRules();
  const withdraw = useWithdrawProduct();
  const [action, setAction] = useState<string | null>(null);
  const [resolving, setResolving] = useState<Objection | null>(null);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  const p = q.data;
  if (!p || p.id !== id) return <Skeleton active />;

  const done = () => {
    setAction(null);
    setResolving(null);
    q.reload();
  };
  const firstOpen = p.objections.find((o) => o.upheld === null) ?? null;
  const onAction = (a: string) => (a === 'resolve_objection' ? setResolving(firstOpen) : setAction(a));
  const onWithdraw = async () => {
    try {
      await withdraw.run(p.id);
      message.success(t('product.withdrawn', { name: p.name }));
      navigate('/certification');
    } catch (err) {
      report(err);
    }
  };
  const canResolve = p.nextActions.includes('resolve_objection');
  const modalProps = { product: p, onClose: () => setAction(null), onDone: done };

  return (
    <div data-testid="product-page">
      <Link to="/certification">{t('product.backToList')}</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '8px 0 16px' }} wrap align="start">
        <Space orientation="vertical" size={2}>
          <Typography.Text type="secondary">{p.supplierName}</Typography.Text>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="product-name">
              {p.name}
            </Typography.Title>
            <ProductStatusTag status={p.status} testId="product-status" />
            {p.isDemo ? <Tag color="orange">{t('common.demo')}</Tag> : null}
          </Space>
        </Space>
        <ProductActionButtons product={p} onAction={onAction} onWithdraw={onWithdraw} withdrawing={withdraw.loading} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ProductDetails product={p} />
            <OpinionsCard product={p} rules={rules.data} />
            {p.objections.length || p.status === 'notice' ? <ObjectionsCard product={p} onResolve={canResolve ? setResolving : undefined} /> : null}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <ProductHistory product={p} />
        </Col>
      </Row>
      <ProductStepModal {...modalProps} rules={rules.data} action={action && isStepModalAction(action) ? action : null} />
      <OpinionModal {...modalProps} open={action === 'opinion'} />
      <ObjectionModal {...modalProps} open={action === 'objection'} />
      <ResolveObjectionModal {...modalProps} objection={resolving} onClose={() => setResolving(null)} />
      <ProductFormDrawer open={action === 'edit'} product={p} onClose={() => setAction(null)} onSaved={done} />
    </div>
  );
}
