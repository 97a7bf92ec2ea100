import { Skeleton } from 'antd';
import { useFixedT } from '../../../i18n/useFixedT.ts';
import type { Payment, Quote } from '@anxin/contracts';
import { BrandMark } from '../../../components/BrandLogo.tsx';
import { yuan } from '../../../components/money.ts';
import { bj } from '../../workorders/index.ts';
import './print.css';

/**
 * The printable 报价单 or 收款收据 (A4, always in Chinese: it is handed to the customer and kept
 * with the paper records). A receipt is the quote plus one payment.
 */
export function QuoteDocument({ quote: q, receipt }: { quote: Quote; receipt?: Payment | undefined }) {
  const t = useFixedT('zh-CN');
  if (!t) return <Skeleton active />;
  const day = (iso: string) => bj(iso).format('YYYY-MM-DD');
  const paidBefore = receipt
    ? q.payments
        .filter(
          (p) =>
            p.receivedAt < receipt.receivedAt ||
            (p.receivedAt === receipt.receivedAt && p.receiptNo <= receipt.receiptNo),
        )
        .reduce((s, p) => s + p.amountFen, 0)
    : q.paidFen;
  return (
    <article className="charges-doc" data-testid={receipt ? 'receipt-doc' : 'quote-doc'}>
      <header className="charges-doc__brand">
        <BrandMark size={40} />
        <div>
          <div className="charges-doc__company">{t('brand.name')}</div>
          <div className="charges-doc__tagline">{t('charges.print.tagline')}</div>
        </div>
        <h1>{receipt ? t('charges.print.receiptTitle') : t('charges.print.quoteTitle')}</h1>
      </header>
      <dl className="charges-doc__facts">
        <dt>{receipt ? t('charges.print.receiptNo') : t('charges.print.quoteNo')}</dt>
        <dd data-testid="doc-number">
          {receipt ? receipt.receiptNo : `${q.number}（${t('charges.print.revision', { n: q.revision })}）`}
        </dd>
        <dt>{t('charges.print.orderNo')}</dt>
        <dd>{q.orderNumber}</dd>
        <dt>{t('charges.print.customer')}</dt>
        <dd>{q.customerName}</dd>
        <dt>{t('charges.print.address')}</dt>
        <dd>{q.address || '—'}</dd>
        <dt>{t('charges.print.coverage')}</dt>
        <dd>{t(`charges.coverage.${q.coverage}`)}</dd>
        <dt>{receipt ? t('charges.print.receivedAt') : t('charges.print.date')}</dt>
        <dd>{receipt ? bj(receipt.receivedAt).format('YYYY-MM-DD HH:mm') : day(q.sentAt ?? q.createdAt)}</dd>
      </dl>
      {!receipt && (
        <table className="charges-doc__lines">
          <thead>
            <tr>
              <th>{t('charges.print.no')}</th>
              <th>{t('charges.print.item')}</th>
              <th>{t('charges.print.kind')}</th>
              <th className="num">{t('charges.print.qty')}</th>
              <th className="num">{t('charges.print.unit')}</th>
              <th className="num">{t('charges.print.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {q.lines.map((l, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{l.nameZh}</td>
                <td>{t(`charges.lineKind.${l.kind}`)}</td>
                <td className="num">{l.qty}</td>
                <td className="num">{yuan(l.unitFen)}</td>
                <td className="num">{yuan(l.amountFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5}>{t('charges.print.subtotal')}</td>
              <td className="num">{yuan(q.subtotalFen)}</td>
            </tr>
            {q.discountFen > 0 && (
              <tr>
                <td colSpan={5}>{t('charges.print.discount', { reason: q.discountReason })}</td>
                <td className="num">-{yuan(q.discountFen)}</td>
              </tr>
            )}
            <tr className="total">
              <td colSpan={5}>{t('charges.print.total')}</td>
              <td className="num" data-testid="doc-total">
                ¥{yuan(q.totalFen)}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {receipt && (
        <table className="charges-doc__lines">
          <tbody>
            <tr>
              <th>{t('charges.print.forQuote')}</th>
              <td>{q.number}</td>
            </tr>
            <tr>
              <th>{t('charges.print.method')}</th>
              <td>
                {t(`charges.method.${receipt.method}`)}
                {receipt.reference && `（${receipt.reference}）`}
              </td>
            </tr>
            <tr className="total">
              <th>{t('charges.print.received')}</th>
              <td data-testid="doc-total">¥{yuan(receipt.amountFen)}</td>
            </tr>
            <tr>
              <th>{t('charges.print.quoteTotal')}</th>
              <td>¥{yuan(q.totalFen)}</td>
            </tr>
            <tr>
              <th>{t('charges.print.balance')}</th>
              <td>¥{yuan(q.totalFen - paidBefore)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {!receipt && (
        <section className="charges-doc__terms">
          {q.validUntil && <p>{t('charges.print.validUntil', { date: q.validUntil })}</p>}
          <p>{t('charges.print.terms')}</p>
          {q.consent && (
            <p data-testid="doc-consent">
              {t(`charges.print.consent.${q.consent.channel}`, {
                by: q.consent.by,
                at: bj(q.consent.at).format('YYYY-MM-DD HH:mm'),
                ref: q.consent.recordingRef || '—',
              })}
            </p>
          )}
        </section>
      )}
      <footer className="charges-doc__sign">
        <span>{t('charges.print.customerSign')}</span>
        <span>{t('charges.print.staffSign')}</span>
      </footer>
    </article>
  );
}
