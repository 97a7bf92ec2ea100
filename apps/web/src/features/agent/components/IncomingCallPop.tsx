import { Button, Card, Flex, Tag, Typography } from 'antd';
import { CloseOutlined, FileAddOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IncomingCall } from '@anxin/contracts';

/**
 * 来电弹屏: one card per call ringing or in talk for this agent, with the caller's number and
 * matched customer (or 新来电，未建档); one click takes the call into the console's order form.
 */
export function IncomingCallPop({
  calls,
  onTake,
  onDismiss,
}: {
  calls: readonly IncomingCall[];
  onTake: (call: IncomingCall) => void;
  onDismiss: (callId: string) => void;
}) {
  const { t } = useTranslation();
  if (!calls.length) return null;
  return (
    <Flex vertical gap={8} role="alert" aria-live="assertive" data-testid="incoming-calls">
      {calls.map((c) => (
        <Card
          key={c.callId}
          size="small"
          className="anxin-incoming-call"
          data-testid="incoming-call"
          styles={{ body: { padding: '10px 14px' } }}
        >
          <Flex align="center" gap={12} wrap>
            <PhoneOutlined style={{ fontSize: 22, color: '#1677ff' }} />
            <Flex vertical style={{ flex: 1, minWidth: 200 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(c.state === 'ringing' ? 'agent.incoming.ringing' : 'agent.incoming.answered')}
              </Typography.Text>
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="incoming-number">
                {c.fromNumber}
              </Typography.Text>
              {c.customer ? (
                <Typography.Text data-testid="incoming-customer">{c.customer.name}</Typography.Text>
              ) : (
                <Tag color="orange" style={{ width: 'fit-content' }} data-testid="incoming-unknown">
                  {t('agent.incoming.unknown')}
                </Tag>
              )}
            </Flex>
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => onTake(c)}
              data-testid="incoming-take"
            >
              {t('agent.incoming.take')}
            </Button>
            <Button
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('agent.incoming.dismiss')}
              onClick={() => onDismiss(c.callId)}
              data-testid="incoming-dismiss"
            />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
