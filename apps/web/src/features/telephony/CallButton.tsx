import { App, Button, Tooltip } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OutboundCall, OutboundCallResult } from '@anxin/contracts';
import { api } from '../../api/client.ts';
import { useSession } from '../auth/index.ts';

/**
 * 一键外呼: asks the call platform to ring the agent's phone and then dial `number`. Shown only to
 * users with `telephony:call`, and never for a masked number (nothing to dial).
 */
export function CallButton({ number, workOrderId = null }: { number: string; workOrderId?: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const call = useMutation({
    mutationFn: (body: OutboundCall) => api.post<OutboundCallResult>('/api/v1/telephony/calls', body),
  });
  if (!me.permissions.includes('telephony:call') || !number || number.includes('*')) return null;
  return (
    <Tooltip title={t('telephony.callHint')}>
      <Button
        size="small"
        icon={<PhoneOutlined />}
        loading={call.isPending}
        aria-label={t('telephony.call', { number })}
        data-testid="click-to-call"
        onClick={() =>
          call.mutateAsync({ number, workOrderId }).then(
            () => message.success(t('telephony.requested')),
            () => message.error(t('telephony.failed')),
          )
        }
      >
        {t('telephony.callShort')}
      </Button>
    </Tooltip>
  );
}
