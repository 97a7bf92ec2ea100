import { useState } from 'react';
import { Button, Empty, Skeleton, Typography } from 'antd';
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { productName } from '../../../components/productName.ts';
import { ActivateCardDrawer, useActivateMyCard, useMyCards } from '../../cards/index.ts';
import { useModels } from '../api.ts';
import { WarrantyTag } from '../components/WarrantyTag.tsx';

/** 我的保修卡: the customer's activated cards and activation by serial. */
export default function CardsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cards = useMyCards();
  const [open, setOpen] = useState(false);
  const models = useModels(open);
  const activate = useActivateMyCard();

  return (
    <div className="portal-page">
      <div className="portal-page__head">
        <Typography.Title level={3}>{t('cards.mine.heading')}</Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          className="portal-pill"
          data-testid="portal-card-activate-open"
        >
          {t('cards.mine.activate')}
        </Button>
      </div>
      {cards.error && <ProblemAlert error={cards.error} />}
      {cards.isPending && <Skeleton active />}
      {cards.data?.length === 0 && (
        <div className="portal-card portal-empty">
          <Empty
            description={
              <>
                <div>{t('cards.mine.empty')}</div>
                <Typography.Text type="secondary">{t('cards.mine.emptyHint')}</Typography.Text>
              </>
            }
          />
        </div>
      )}
      <div className="portal-list">
        {cards.data?.map((c) => (
          <div key={c.id} className="portal-card portal-product" data-testid="portal-card-item">
            <div className="portal-product__main">
              <div className="portal-product__title">
                <span>{productName(c)}</span>
                <WarrantyTag warranty={c.warranty} />
              </div>
              <Typography.Text type="secondary" className="portal-mono">
                {t('cards.card.cardNo')} {c.cardNo}
              </Typography.Text>
              <Typography.Text type="secondary" className="portal-mono">
                {t('cards.card.serial')} {c.serial}
              </Typography.Text>
            </div>
            <Button
              icon={<SafetyCertificateOutlined />}
              className="portal-pill"
              onClick={() => void navigate(`/portal/cards/${encodeURIComponent(c.id)}`)}
              data-testid="portal-card-open"
            >
              {t('cards.mine.open')}
            </Button>
          </div>
        ))}
      </div>
      <ActivateCardDrawer
        open={open}
        onClose={() => setOpen(false)}
        onActivated={(card) => {
          setOpen(false);
          void navigate(`/portal/cards/${encodeURIComponent(card.id)}`);
        }}
        models={models.data?.map((m) => ({
          value: m.id,
          label: `${productName({ brand: m.brand, modelName: m.name })} ${m.modelCode}`,
        }))}
        activate={(body, cb) => activate.mutate(body, cb)}
        pending={activate.isPending}
        error={activate.error}
        reset={() => activate.reset()}
      />
    </div>
  );
}
