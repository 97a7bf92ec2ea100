import { useTranslation } from 'react-i18next';
import type { WarrantyCard } from '@anxin/contracts';
import { productName } from '../../../components/productName.ts';
import { bj } from '../../workorders/index.ts';
import { verifyUrl } from '../api.ts';
import { CardQr } from './CardQr.tsx';
import '../cards.css';

const day = (iso: string) => bj(iso).format('YYYY-MM-DD');

/** The card the customer keeps: phone-width on screen, one A4 block on paper (class anxin-print-area). */
export function WarrantyCardSheet({ card }: { card: WarrantyCard }) {
  const { t } = useTranslation();
  const w = card.warranty;
  return (
    <div className="anxin-card-sheet anxin-print-area" data-testid="card-sheet">
      <div className="anxin-card-sheet__head">
        <span className="anxin-card-sheet__title">{t('cards.card.heading')}</span>
        <span className="anxin-card-sheet__no" data-testid="card-no">
          {card.cardNo}
        </span>
      </div>
      <div className="anxin-card-sheet__body">
        <dl className="anxin-card-sheet__facts">
          <dt>{t('cards.card.product')}</dt>
          <dd data-testid="card-product">{productName(card)}</dd>
          <dt>{t('cards.card.model')}</dt>
          <dd>{card.modelCode}</dd>
          <dt>{t('cards.card.serial')}</dt>
          <dd data-testid="card-serial">{card.serial}</dd>
          <dt>{t('cards.card.holder')}</dt>
          <dd>{card.holderName}</dd>
          <dt>{t('cards.card.purchaseDate')}</dt>
          <dd>{card.purchaseDate ?? '—'}</dd>
          <dt>{t('cards.card.activatedAt')}</dt>
          <dd>{day(card.activatedAt)}</dd>
          <dt>{t('cards.card.warrantyFrom')}</dt>
          <dd>{w.startsOn ?? '—'}</dd>
          <dt>{t('cards.card.unitUntil')}</dt>
          <dd>{w.unitUntil ?? '—'}</dd>
          <dt>{t('cards.card.mainPartsUntil')}</dt>
          <dd>{w.mainPartsUntil ?? '—'}</dd>
        </dl>
        <div className="anxin-card-sheet__qr">
          <CardQr url={verifyUrl(card.verifyToken)} alt={t('cards.card.qrHint')} />
          <div>{t('cards.card.qrHint')}</div>
        </div>
      </div>
      <div className="anxin-card-sheet__foot">
        <span>{t(`cards.warranty.${w.status}`)}</span>
        <span>
          {t('cards.card.hotline')} {card.hotline}
        </span>
      </div>
      <div className="anxin-card-sheet__foot">
        <span>{t('cards.card.notice')}</span>
      </div>
    </div>
  );
}
