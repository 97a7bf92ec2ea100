import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Quote, QuoteDraft, QuoteLine } from '@anxin/contracts';
import { PdfButton } from '../../../components/PdfButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { yuan } from '../../../components/money.ts';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { usePriceList, useOrderQuotes, useQuoteActions } from '../api.ts';
import { ConsentDialog } from './ConsentDialog.tsx';
import { PaymentDialog } from './PaymentDialog.tsx';
import { QuoteDraftDialog, type DraftTarget } from './QuoteDraftDialog.tsx';
import { CoverageTag, QuoteStatusTag } from './tags.tsx';

/** 报价与收费 on the work-order page; needs charges:read. */
export function QuoteCard({ orderId }: { orderId: string }) {
  const me = useSession();
  if (!me.permissions.includes('charges:read')) return null;
  return (
    <Quotes
      orderId={orderId}
      canQuote={me.permissions.includes('charges:quote')}
      canCollect={me.permissions.includes('charges:collect')}
    />
  );
}

/** What a quote's priced draft was built from, to prefill an edit or a revision. */
const draftOf = (q: Quote, prices: ReturnType<typeof usePriceList>['data']): QuoteDraft => ({
  labour: q.lines.filter((l) => l.kind === 'labour').map((l) => ({ code: l.ref, qty: l.qty })),
  calloutKm: q.calloutKm,
  parts: q.lines
    .filter((l) => l.kind === 'part')
    .flatMap((l) => {
      const p = prices?.parts.find((x) => x.code === l.ref);
      return p ? [{ itemId: p.itemId, qty: l.qty }] : [];
    }),
  discountFen: q.discountFen,
  discountReason: q.discountReason,
});

function Quotes({
  orderId,
  canQuote,
  canCollect,
}: {
  orderId: string;
  canQuote: boolean;
  canCollect: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const en = i18n.language === 'en-US';
  const data = useOrderQuotes(orderId);
  const prices = usePriceList(canQuote);
  const a = useQuoteActions(orderId);
  const [draft, setDraft] = useState<(DraftTarget & { quote?: Quote }) | null>(null);
  const [consenting, setConsenting] = useState(false);
  const [paying, setPaying] = useState(false);

  const items = data.data?.items ?? [];
  const live = items.find((q) => q.status !== 'superseded');
  const older = items.filter((q) => q !== live);
  const writer = draft?.mode === 'edit' ? a.edit : draft?.mode === 'revise' ? a.revise : a.create;
  const ok = (text: string) => () => message.success(text);

  const submitDraft = (d: QuoteDraft) => {
    const done = {
      onSuccess: () => {
        message.success(t('charges.draft.saved'));
        setDraft(null);
      },
    };
    if (draft?.mode === 'create') a.create.mutate(d, done);
    else if (draft?.quote) {
      const v = { id: draft.quote.id, version: draft.quote.version, draft: d };
      (draft.mode === 'edit' ? a.edit : a.revise).mutate(v, done);
    }
  };
  const openDraft = (mode: DraftTarget['mode'], q?: Quote) => {
    a.create.reset();
    a.edit.reset();
    a.revise.reset();
    setDraft({ mode, initial: q ? draftOf(q, prices.data) : undefined, quote: q });
  };
  const canRevise = (q: Quote) =>
    ['sent', 'declined', 'expired'].includes(q.status) || (q.status === 'approved' && q.paidFen === 0);

  return (
    <Card
      size="small"
      title={t('charges.card.title')}
      data-testid="order-quotes"
      extra={data.data && <CoverageTag coverage={data.data.coverage} />}
    >
      {data.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : data.isError ? (
        <ProblemAlert error={data.error} />
      ) : (
        <Flex vertical gap={12}>
          {data.data.quoteRequired && live?.status !== 'approved' && (
            <Alert type="warning" showIcon title={t('charges.card.required')} data-testid="quote-required" />
          )}
          {!live && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('charges.card.empty')}>
              {canQuote && data.data.coverage !== 'in_warranty' && (
                <Button type="primary" onClick={() => openDraft('create')} data-testid="quote-create">
                  {t('charges.card.create')}
                </Button>
              )}
            </Empty>
          )}
          {live && (
            <div data-testid="quote-live" data-status={live.status}>
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t('charges.fields.number')}>
                  {live.number}
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {t('charges.card.revision', { n: live.revision })}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('charges.fields.status')}>
                  <QuoteStatusTag status={live.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t('charges.fields.validUntil')}>
                  {live.validUntil ?? '—'}
                </Descriptions.Item>
              </Descriptions>
              <Table<QuoteLine>
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={live.lines}
                data-testid="quote-lines"
                columns={[
                  {
                    title: t('charges.fields.item'),
                    key: 'n',
                    render: (_, l) => (en && l.nameEn ? l.nameEn : l.nameZh),
                  },
                  {
                    title: t('charges.fields.kind'),
                    key: 'k',
                    width: 90,
                    render: (_, l) => t(`charges.lineKind.${l.kind}`),
                  },
                  { title: t('charges.fields.qty'), dataIndex: 'qty', width: 60, align: 'right' },
                  {
                    title: t('charges.fields.unitPrice'),
                    key: 'u',
                    width: 100,
                    align: 'right',
                    render: (_, l) => yuan(l.unitFen),
                  },
                  {
                    title: t('charges.fields.amount'),
                    key: 'a',
                    width: 110,
                    align: 'right',
                    render: (_, l) => yuan(l.amountFen),
                  },
                ]}
                summary={() => (
                  <>
                    {live.discountFen > 0 && (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0} colSpan={4}>
                          {t('charges.card.discount', { reason: live.discountReason })}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          -{yuan(live.discountFen)}
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    )}
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} colSpan={4}>
                        <strong>{t('charges.card.total')}</strong>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        <strong data-testid="quote-total">¥{yuan(live.totalFen)}</strong>
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  </>
                )}
              />
              {live.consent && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="quote-consent">
                  {t(`charges.card.consent.${live.consent.channel}`, {
                    by: live.consent.by,
                    at: bj(live.consent.at).format('YYYY-MM-DD HH:mm'),
                    ref: live.consent.recordingRef || '—',
                  })}
                </Typography.Paragraph>
              )}
              {live.status === 'approved' && (
                <Typography.Paragraph data-testid="quote-balance">
                  {t('charges.card.paid', { paid: yuan(live.paidFen), balance: yuan(live.balanceFen) })}
                </Typography.Paragraph>
              )}
              {live.payments.length > 0 && (
                <Flex vertical gap={4} data-testid="quote-payments">
                  {live.payments.map((p) => (
                    <Flex key={p.id} gap={8} align="center" wrap>
                      <Tag>{p.receiptNo}</Tag>
                      <span>
                        {t(`charges.method.${p.method}`)} ¥{yuan(p.amountFen)} ·{' '}
                        {bj(p.receivedAt).format('MM-DD HH:mm')}
                      </span>
                      <Button
                        size="small"
                        type="link"
                        icon={<PrinterOutlined />}
                        href={`/print/quotes/${live.id}?receipt=${p.id}`}
                        target="_blank"
                      >
                        {t('charges.card.printReceipt')}
                      </Button>
                      <PdfButton
                        size="small"
                        path={`/api/v1/charges/quotes/${live.id}/payments/${p.id}/receipt.pdf`}
                        label={t('charges.card.receiptPdf')}
                        testId={`receipt-pdf-${p.receiptNo}`}
                      />
                    </Flex>
                  ))}
                </Flex>
              )}
              <Flex gap={8} wrap style={{ marginTop: 12 }}>
                {canQuote && live.status === 'draft' && (
                  <>
                    <Button onClick={() => openDraft('edit', live)} data-testid="quote-edit">
                      {t('charges.card.edit')}
                    </Button>
                    <Button
                      type="primary"
                      loading={a.send.isPending}
                      data-testid="quote-send"
                      onClick={() =>
                        a.send.mutate(
                          { id: live.id, version: live.version },
                          { onSuccess: ok(t('charges.card.sent')) },
                        )
                      }
                    >
                      {t('charges.card.send')}
                    </Button>
                  </>
                )}
                {canQuote && live.status === 'sent' && (
                  <Button
                    type="primary"
                    data-testid="quote-consent-open"
                    onClick={() => {
                      a.consent.reset();
                      setConsenting(true);
                    }}
                  >
                    {t('charges.card.recordConsent')}
                  </Button>
                )}
                {canCollect && live.status === 'approved' && live.balanceFen > 0 && (
                  <Button
                    type="primary"
                    data-testid="quote-pay"
                    onClick={() => {
                      a.pay.reset();
                      setPaying(true);
                    }}
                  >
                    {t('charges.card.recordPayment')}
                  </Button>
                )}
                {canQuote && canRevise(live) && (
                  <Button onClick={() => openDraft('revise', live)} data-testid="quote-revise">
                    {t('charges.card.revise')}
                  </Button>
                )}
                {live.status !== 'draft' && (
                  <Button
                    icon={<PrinterOutlined />}
                    href={`/print/quotes/${live.id}`}
                    target="_blank"
                    data-testid="quote-print"
                  >
                    {t('charges.card.print')}
                  </Button>
                )}
                {live.status !== 'draft' && (
                  <PdfButton
                    path={`/api/v1/charges/quotes/${live.id}/quote.pdf`}
                    label={t('charges.card.pdf')}
                    testId="quote-pdf"
                  />
                )}
              </Flex>
              {a.send.error && <ProblemAlert error={a.send.error} />}
            </div>
          )}
          {older.length > 0 && (
            <Typography.Text type="secondary" data-testid="quote-older">
              {t('charges.card.older', {
                list: older.map((q) => `${q.number}（${t(`charges.status.${q.status}`)}）`).join('、'),
              })}
            </Typography.Text>
          )}
        </Flex>
      )}
      <QuoteDraftDialog
        target={draft}
        prices={prices.data}
        pending={writer.isPending}
        error={writer.error}
        onSubmit={submitDraft}
        onClose={() => setDraft(null)}
      />
      {live && (
        <>
          <ConsentDialog
            open={consenting}
            version={live.version}
            customerName={live.customerName}
            pending={a.consent.isPending}
            error={a.consent.error}
            onSubmit={(body) =>
              a.consent.mutate(
                { id: live.id, body },
                {
                  onSuccess: () => {
                    message.success(t('charges.consent.saved'));
                    setConsenting(false);
                  },
                },
              )
            }
            onClose={() => setConsenting(false)}
          />
          <PaymentDialog
            open={paying}
            balanceFen={live.balanceFen}
            pending={a.pay.isPending}
            error={a.pay.error}
            onSubmit={(body) =>
              a.pay.mutate(
                { id: live.id, body },
                {
                  onSuccess: () => {
                    message.success(t('charges.payment.saved'));
                    setPaying(false);
                  },
                },
              )
            }
            onClose={() => setPaying(false)}
          />
        </>
      )}
    </Card>
  );
}
