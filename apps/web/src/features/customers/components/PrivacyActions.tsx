import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '@anxin/contracts';
import { problemMessage } from '../../../i18n/problem.ts';
import { useSession } from '../../auth/index.ts';
import { useEraseCustomer, useExportPersonalData } from '../api.ts';

/**
 * A customer's personal-information requests (PIPL), for staff holding `customer:privacy`: export a
 * copy of their data, or erase it. Erasure is refused by the server while orders are open.
 */
export function PrivacyActions({ customer }: { customer: CustomerDetail | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const exportData = useExportPersonalData();
  const erase = useEraseCustomer();
  if (!customer) return null;
  if (customer.erasedAt)
    return (
      <Tag color="default" data-testid="customer-erased">
        {t('customers.privacy.erased')}
      </Tag>
    );
  if (!me.permissions.includes('customer:privacy')) return null;
  return (
    <Space size={4}>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={exportData.isPending}
        data-testid="customer-export-personal-data"
        onClick={() =>
          exportData.mutate(customer.id, {
            onSuccess: () => void message.success(t('customers.privacy.exported')),
            onError: (e) => void message.error(problemMessage(t, e)),
          })
        }
      >
        {t('customers.privacy.export')}
      </Button>
      <Popconfirm
        title={t('customers.privacy.eraseTitle')}
        description={t('customers.privacy.eraseConfirm')}
        okText={t('customers.privacy.eraseOk')}
        okButtonProps={{ danger: true, loading: erase.isPending }}
        onConfirm={() =>
          erase.mutateAsync({ id: customer.id, version: customer.version }).then(
            (r) => void message.success(t('customers.privacy.erasedDone', { orders: r.ordersAnonymised })),
            (e: unknown) => void message.error(problemMessage(t, e)),
          )
        }
      >
        <Button size="small" danger icon={<DeleteOutlined />} data-testid="customer-erase">
          {t('customers.privacy.erase')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
