import { Button, Result, Skeleton } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { PdfButton } from '../../../components/PdfButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useQuote } from '../api.ts';
import { QuoteDocument } from '../components/QuoteDocument.tsx';

/** The staff print page of a quote, or of one receipt with `?receipt=<paymentId>` (A4). */
export default function QuotePrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const quote = useQuote(id);
  const receiptId = search.get('receipt');
  const receipt = receiptId ? quote.data?.payments.find((p) => p.id === receiptId) : undefined;
  return (
    <div className="charges-print-page">
      <div className="charges-print-bar">
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-now"
        >
          {t('charges.print.print')}
        </Button>
        <PdfButton
          path={
            receiptId
              ? `/api/v1/charges/quotes/${id}/payments/${receiptId}/receipt.pdf`
              : `/api/v1/charges/quotes/${id}/quote.pdf`
          }
          label={t(receiptId ? 'charges.card.receiptPdf' : 'charges.card.pdf')}
          testId="print-pdf"
        />
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
