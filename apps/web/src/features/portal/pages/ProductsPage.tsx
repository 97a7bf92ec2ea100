import { useState } from 'react';
import { Button, Empty, Skeleton, Typography } from 'antd';
import { PlusOutlined, ToolOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useProducts } from '../api.ts';
import { RegisterProductDrawer } from '../components/RegisterProductDrawer.tsx';
import { RmaRequestDrawer } from '../components/RmaRequestDrawer.tsx';
import { WarrantyTag } from '../components/WarrantyTag.tsx';
import { productName } from '../../../components/productName.ts';

export default function ProductsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const products = useProducts();
  const [open, setOpen] = useState(false);
  const [rma, setRma] = useState<string | null>(null);
  const date = (d: string) => dayjs(d).format(t('portal.fmt.date'));

  return (
    <div className="portal-page">
      <div className="portal-page__head">
        <Typography.Title level={3}>{t('portal.products.heading')}</Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          className="portal-pill"
          data-testid="portal-register-open"
        >
          {t('portal.products.register')}
        </Button>
      </div>
      {products.error && <ProblemAlert error={products.error} />}
      {products.isPending && <Skeleton active />}
      {products.data?.length === 0 && (
        <div className="portal-card portal-empty">
          <Empty
            description={
              <>
                <div>{t('portal.products.empty')}</div>
                <Typography.Text type="secondary">{t('portal.products.emptyHint')}</Typography.Text>
              </>
            }
          />
        </div>
      )}
      <div className="portal-list">
        {products.data?.map((p) => (
          <div key={p.id} className="portal-card portal-product" data-testid="portal-product-item">
            <div className="portal-product__main">
              <div className="portal-product__title">
                <span>{productName(p)}</span>
                <WarrantyTag warranty={p.warranty} />
              </div>
              <Typography.Text type="secondary" className="portal-mono">
                {t('portal.products.serial')} {p.serial}
              </Typography.Text>
              <div className="portal-product__meta">
                {p.purchaseDate && (
                  <span>{t('portal.products.purchased', { date: date(p.purchaseDate) })}</span>
                )}
                {p.warranty.unitUntil && (
                  <span>{t('portal.warranty.until', { date: date(p.warranty.unitUntil) })}</span>
                )}
                {p.warranty.status === 'main_parts_only' && p.warranty.mainPartsUntil && (
                  <span>
                    {t('portal.warranty.mainPartsUntil', { date: date(p.warranty.mainPartsUntil) })}
                  </span>
                )}
              </div>
            </div>
            <Button
              icon={<ToolOutlined />}
              className="portal-pill"
              onClick={() => void navigate(`/portal/new?product=${encodeURIComponent(p.id)}`)}
              data-testid="portal-product-repair"
            >
              {t('portal.products.repair')}
            </Button>
            <Button className="portal-pill" onClick={() => setRma(p.id)} data-testid="portal-product-rma">
              {t('rma.portal.open')}
            </Button>
          </div>
        ))}
      </div>
      <RegisterProductDrawer open={open} onClose={() => setOpen(false)} />
      <RmaRequestDrawer productId={rma} onClose={() => setRma(null)} />
    </div>
  );
}
