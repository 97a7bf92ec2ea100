import { Alert as Notice, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceWithToken } from '@anxin/contracts';

/** The one-time reveal: the token is in this answer only; the server keeps its hash. */
export function TokenDialog({ issued, onClose }: { issued: DeviceWithToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!issued}
      title={t('telemetry.token.title', { serial: issued?.device.serial ?? '' })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('telemetry.token.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      <Notice type="warning" showIcon message={t('telemetry.token.once')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable={{ text: issued?.token ?? '' }} code data-testid="telemetry-token">
        {issued?.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('telemetry.token.usage')}</Typography.Text>
    </Modal>
  );
}
