import { useState } from 'react';
import { Button, Drawer, Skeleton } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useProductWarranty } from '../api.ts';
import { WarrantyPanel } from './WarrantyPanel.tsx';

/** A customer's product: a link that opens today's 三包 evaluation in a drawer. */
export function ProductWarrantyButton({ productId, name }: { productId: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useProductWarranty(productId, open);
  return (
    <>
      <Button
        size="small"
        type="link"
        icon={<SafetyCertificateOutlined />}
        onClick={() => setOpen(true)}
        data-testid="product-warranty-open"
      >
        {t('warranty.panel.open')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('warranty.panel.drawerTitle', { name })}
        size="large"
        destroyOnHidden
      >
        {q.isPending ? (
          <Skeleton active />
        ) : q.isError ? (
          <ProblemAlert error={q.error} />
        ) : (
          <WarrantyPanel evaluation={q.data} />
        )}
      </Drawer>
    </>
  );
}
