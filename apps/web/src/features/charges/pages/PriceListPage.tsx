import { useState } from 'react';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { usePriceList } from '../api.ts';
import { PriceTables } from '../components/PriceTables.tsx';
import { PublishDrawer } from '../components/PublishDrawer.tsx';

/** 价格公示: the price list in force (labour, call-out, parts), later versions, and publishing. */
export default function PriceListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const view = usePriceList();
  const [publishing, setPublishing] = useState(false);
  const canPrice = me.permissions.includes('charges:price');
  const current = view.data?.current;

  return (
    <Flex vertical gap={16} data-testid="price-list-page">
      <PageHeader
        title={t('charges.priceList.title')}
        description={t('charges.priceList.description')}
        extra={
          canPrice && (
            <Button type="primary" onClick={() => setPublishing(true)} data-testid="price-publish">
              {t('charges.priceList.publish')}
            </Button>
          )
        }
      />
      {view.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : view.isError ? (
        <ProblemAlert error={view.error} />
      ) : (
        <>
          <Card size="small">
            <Flex gap={12} wrap align="center">
              {current ? (
                <>
                  <Tag color="green" data-testid="price-version">
                    {t('charges.priceList.version', { n: current.versionNo })}
                  </Tag>
                  <span>{t('charges.priceList.effective', { date: current.effectiveFrom })}</span>
                  {current.note && <Typography.Text type="secondary">{current.note}</Typography.Text>}
                </>
              ) : (
                <span>{t('charges.priceList.none')}</span>
              )}
              {view.data.upcoming.map((u) => (
                <Tag key={u.id} color="blue">
                  {t('charges.priceList.upcoming', { n: u.versionNo, date: u.effectiveFrom })}
                </Tag>
              ))}
            </Flex>
          </Card>
          <Card size="small">
            <PriceTables view={view.data} />
          </Card>
        </>
      )}
      <PublishDrawer
        open={publishing}
        base={view.data?.upcoming.at(-1) ?? current ?? null}
        onClose={() => setPublishing(false)}
      />
    </Flex>
  );
}
