import { Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { BrandLogo } from '../../../components/BrandLogo.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { productName } from '../../../components/productName.ts';
import { PortalLocaleToggle } from '../components/PortalLocaleToggle.tsx';
import { useVerification } from '../../cards/index.ts';
import '../portal.css';

/**
 * `/cards/verify/:token`, opened from the card's QR code without signing in: whether the card is
 * genuine and in warranty, with nothing that names the customer.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const v = useVerification(token);
  const missing = isApiError(v.error) && (v.error.status === 404 || v.error.status === 400);

  return (
    <div className="portal-root">
      <div className="portal-shell">
        <header className="portal-header">
          <BrandLogo size={26} />
          <PortalLocaleToggle />
        </header>
        <main className="portal-main" data-testid="card-verify">
          <Typography.Title level={3}>{t('cards.verify.title')}</Typography.Title>
          {v.isPending && (
            <Flex justify="center">
              <Spin />
            </Flex>
          )}
          {missing && <Result status="warning" title={t('cards.verify.notFound')} />}
          {v.error && !missing && <ProblemAlert error={v.error} />}
          {v.data && (
            <Card className="portal-card">
              <Result
                status={v.data.valid ? 'success' : 'info'}
                title={
                  <span data-testid="card-verify-state">
                    {v.data.valid
                      ? t('cards.verify.valid')
                      : v.data.warrantyStatus === 'unknown'
                        ? t('cards.verify.unknown')
                        : t('cards.verify.invalid')}
                  </span>
                }
                subTitle={t('cards.verify.asOf', { date: v.data.asOf })}
              />
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('cards.card.cardNo')}>{v.data.cardNo}</Descriptions.Item>
                <Descriptions.Item label={t('cards.card.product')}>
                  <span data-testid="card-verify-product">{productName(v.data)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('cards.card.model')}>{v.data.modelCode}</Descriptions.Item>
                <Descriptions.Item label={t('cards.card.serial')}>
                  <span data-testid="card-verify-serial">{v.data.maskedSerial}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('cards.verify.activatedOn')}>
                  {v.data.activatedOn}
                </Descriptions.Item>
                <Descriptions.Item label={t('cards.verify.validUntil')}>
                  {v.data.unitUntil ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('cards.verify.status')}>
                  {t(`cards.warranty.${v.data.warrantyStatus}`)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        </main>
      </div>
    </div>
  );
}
