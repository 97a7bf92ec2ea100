import { Button, Flex, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { printArea, useMyCard, WarrantyCardSheet } from '../../cards/index.ts';

/** One card page the customer keeps: the card with its QR code, printable, and its transfers. */
export default function CardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const card = useMyCard(id);
  return (
    <div className="portal-page" data-testid="portal-card-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/portal/cards')}>
          {t('cards.card.back')}
        </Button>
        <Button icon={<PrinterOutlined />} className="portal-pill" onClick={printArea} disabled={!card.data}>
          {t('cards.card.print')}
        </Button>
      </Flex>
      {card.isPending && <Skeleton active />}
      {card.error && <ProblemAlert error={card.error} />}
      {card.data && (
        <>
          <WarrantyCardSheet card={card.data} />
          <div className="portal-card" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">
              {t('cards.card.channel')}：{t(`cards.channel.${card.data.channel}`)}
            </Typography.Text>
            {card.data.transfers.length > 0 && (
              <>
                <Typography.Title level={5}>{t('cards.card.transfers')}</Typography.Title>
                {card.data.transfers.map((x) => (
                  <div key={x.id}>
                    {t('cards.card.transferLine', {
                      date: bj(x.at).format('YYYY-MM-DD'),
                      from: x.fromName,
                      to: x.toName,
                      reason: x.reason,
                    })}
                  </div>
                ))}
              </>
            )}
          </div>
        </>
      )}
    </div>
  );
}
