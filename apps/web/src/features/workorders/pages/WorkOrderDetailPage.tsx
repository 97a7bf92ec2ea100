import { Button, Card, Col, Flex, Result, Row, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { EscalateDialog } from '../../outlet/index.ts';
import { ProofPanel } from '../../fieldwork/index.ts';
import { OrderPartsCard } from '../../parts/index.ts';
import { ProductCardPanel, WorkshopReceiptsCard } from '../../cards/index.ts';
import { QuoteCard } from '../../charges/index.ts';
import { OrderWarrantyCard } from '../../warranty/index.ts';
import { EntitlementCard } from '../../servicecontracts/index.ts';
import { RequestRmaButton } from '../../rma/index.ts';
import { AttachmentUploader } from '../components/AttachmentUploader.tsx';
import { OrderTimeline } from '../components/OrderTimeline.tsx';
import { SlaClocks } from '../components/SlaClocks.tsx';
import { TransitionDialog } from '../components/TransitionDialog.tsx';
import { VisitWindowDialog } from '../components/VisitWindowDialog.tsx';
import { WorkOrderFacts } from '../components/WorkOrderFacts.tsx';
import { WorkOrderHeader } from '../components/WorkOrderHeader.tsx';
import { RedoBanner } from '../components/RedoBanner.tsx';
import { useWorkOrderDetail } from '../detail/useWorkOrderDetail.ts';

/** 工单详情: everything about one order and the next steps this user may take. */
export default function WorkOrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const d = useWorkOrderDetail(id);
  const { order } = d;

  if (order.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (order.error) {
    return isApiError(order.error) && order.error.status === 404 ? (
      <Result
        status="404"
        title={t('workorders.detail.notFound')}
        extra={<Link to="/workorders">{t('workorders.detail.backToList')}</Link>}
      />
    ) : (
      <ProblemAlert
        error={order.error}
        action={<Button onClick={() => order.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const o = order.data;

  return (
    <Flex vertical gap={16} data-testid="wo-detail">
      <div>
        <Link to="/workorders" className="anxin-back-link">
          <ArrowLeftOutlined /> {t('workorders.detail.backToList')}
        </Link>
      </div>
      <WorkOrderHeader
        o={o}
        open={d.open}
        canTransition={d.canTransition}
        canUpdate={d.canUpdate}
        reloading={order.isRefetching}
        onReload={d.reload}
        onAppoint={() => d.setAppointing(true)}
        onEscalate={() => d.setEscalating(true)}
        onTransition={d.setTo}
      />
      <RedoBanner redo={o.redo} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <WorkOrderFacts o={o} product={d.product} regions={d.regions} codes={d.codes} />
            {/* What the customer is entitled to comes first: the 三包 judgement, then any paid quote. */}
            {o.product && <OrderWarrantyCard orderId={o.id} />}
            {/* The service contract covering the product today (服务合同), if any. */}
            {o.product && <EntitlementCard customerId={o.customer?.id} productId={o.product.id} inline />}
            {o.product && (
              <Flex justify="flex-end">
                <RequestRmaButton installedProductId={o.product.id} orderId={o.id} />
              </Flex>
            )}
            <QuoteCard orderId={o.id} />
            <Card size="small" title={t('workorders.detail.attachments', { count: o.attachments.length })}>
              <AttachmentUploader
                key={o.id}
                orderId={o.id}
                attachments={o.attachments}
                canUpload={d.canUpdate}
              />
            </Card>
            <ProofPanel orderId={o.id} />
            <OrderPartsCard orderId={o.id} />
            <WorkshopReceiptsCard orderId={o.id} hasProduct={!!o.product} />
            {o.product && d.product && (
              <ProductCardPanel
                productId={o.product.id}
                customerId={d.product.customerId}
                serial={o.product.serial}
              />
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <SlaClocks clocks={o.sla} />
            <OrderTimeline entries={o.timeline} meId={d.me.id} names={d.names} />
          </Flex>
        </Col>
      </Row>
      <TransitionDialog order={o} to={d.to} onClose={() => d.setTo(null)} onReload={d.reload} />
      <VisitWindowDialog
        order={d.appointing ? o : null}
        save={d.appointment}
        requireReason={!!o.appointment}
        title={o.appointment ? t('workorders.appointment.move') : t('workorders.appointment.set')}
        testId="appointment"
        onClose={() => d.setAppointing(false)}
        onReload={d.reload}
      />
      <EscalateDialog
        order={o}
        open={d.escalating}
        onClose={() => d.setEscalating(false)}
        onReload={d.reload}
      />
    </Flex>
  );
}
