import { Button, Skeleton, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { BrandMark } from '../../../components/BrandLogo.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { PriceTables } from '../../charges/index.ts';
import { usePublicPriceList } from '../charges.api.ts';
import { PortalLocaleToggle } from '../components/PortalLocaleToggle.tsx';

/** 服务收费标准: the published price list, public (no sign-in), phone layout. */
export default function PortalPriceListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view = usePublicPriceList();
  const current = view.data?.current;
  return (
    <div className="portal-shell" data-testid="portal-price-list">
      <header className="portal-header">
        <Button
          type="text"
          icon={<LeftOutlined />}
          onClick={() => void navigate(-1)}
          aria-label={t('charges.portal.back')}
        />
        <BrandMark size={26} />
        <PortalLocaleToggle />
      </header>
      <main className="portal-main">
        <div className="portal-page">
          <div className="portal-card">
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('charges.portal.priceListTitle')}
            </Typography.Title>
            {current && (
              <Typography.Paragraph type="secondary">
                {t('charges.priceList.version', { n: current.versionNo })} ·{' '}
                {t('charges.priceList.effective', { date: current.effectiveFrom })}
              </Typography.Paragraph>
            )}
            {view.isPending && <Skeleton active />}
            {view.error && <ProblemAlert error={view.error} />}
            {view.data && <PriceTables view={view.data} compact />}
          </div>
        </div>
      </main>
    </div>
  );
}
