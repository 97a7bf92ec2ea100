import { Button, Result, Skeleton } from 'antd';
import { LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { QuoteDocument } from '../../charges/index.ts';
import { useMyQuote } from '../charges.api.ts';

/** The customer's printable quote, or one receipt with `?receipt=<paymentId>` (A4). */
export default function PortalQuotePrintPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const quote = useMyQuote(id);
  const receiptId = search.get('receipt');
  const receipt = receiptId ? quote.data?.payments.find((p) => p.id === receiptId) : undefined;
  return (
    <div className="charges-print-page">
      <div className="charges-print-bar">
        {quote.data && (
          <Button
            icon={<LeftOutlined />}
            onClick={() => void navigate(`/portal/orders/${quote.data.orderId}`)}
          >
            {t('charges.portal.back')}
          </Button>
        )}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('charges.print.print')}
        </Button>
      </div>
      {quote.isPending && <Skeleton active />}
      {quote.error && <ProblemAlert error={quote.error} />}
      {quote.data &&
        (receiptId && !receipt ? (
          <Result status="404" title={t('charges.print.noReceipt')} />
        ) : (
          <QuoteDocument quote={quote.data} receipt={receipt} />
        ))}
    </div>
  );
}
