import { Alert, Flex, Space, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { AttachmentUploader, StatusTag } from '../../workorders/index.ts';
import type { OrderOutcome } from './OrderForm.tsx';

/** The order just registered: its number, open orders of the same product, a failed follow-up, uploads. */
export function OrderCreatedAlert({ outcome, onClose }: { outcome: OrderOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const { order } = outcome.result;
  return (
    <Alert
      type={outcome.followUpError ? 'warning' : 'success'}
      showIcon
      icon={<CheckCircleFilled />}
      closable
      onClose={onClose}
      data-testid="order-created"
      title={
        <Space wrap>
          {t('agent.created.title')}
          <Link
            to={`/workorders/${order.id}`}
            className="anxin-mono anxin-created-number"
            data-testid="order-created-number"
          >
            {order.number}
          </Link>
          <StatusTag status={order.status} />
          <Typography.Text type="secondary">{order.customer?.name}</Typography.Text>
        </Space>
      }
      description={
        <Flex vertical gap={8}>
          {outcome.result.warnings.length > 0 && (
            <Space size={[8, 2]} wrap data-testid="order-created-warnings">
              <Typography.Text type="warning">{t('agent.created.openWarning')}</Typography.Text>
              {outcome.result.warnings.map((w) => (
                <Link key={w.orderId} to={`/workorders/${w.orderId}`} className="anxin-mono">
                  {w.number}
                </Link>
              ))}
            </Space>
          )}
          {outcome.followUpError ? <ProblemAlert error={outcome.followUpError} /> : null}
          {/* Keyed: the next order starts with an empty list, not the previous call's uploads. */}
          <AttachmentUploader key={order.id} orderId={order.id} />
        </Flex>
      }
    />
  );
}
