import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Typography, type ButtonProps } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Quote } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { yuan } from '../../../../components/money.ts';
import { QuoteStatusTag } from '../../../charges/index.ts';
import { useDecideQuote, useMyQuotes } from '../../charges.api.ts';

/** 维修报价 on the customer's order: the quote sent to them, approve or decline, print, receipts. */
export function QuotesPanel({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const quotes = useMyQuotes(orderId);
  const q = quotes.data?.items.find((x) => x.status !== 'superseded');
  if (!q) return null;
  return (
    <div className="portal-card" data-testid="portal-quote" data-status={q.status}>
      <Flex justify="space-between" align="center">
        <div className="portal-section-title">{t('charges.portal.title')}</div>
        <QuoteStatusTag status={q.status} />
      </Flex>
      {q.lines.map((l, i) => (
        <Flex key={i} justify="space-between" className="portal-muted-line">
          <span>
            {en && l.nameEn ? l.nameEn : l.nameZh} × {l.qty}
          </span>
          <span>¥{yuan(l.amountFen)}</span>
        </Flex>
      ))}
      {q.discountFen > 0 && (
        <Flex justify="space-between" className="portal-muted-line">
          <span>{t('charges.card.discount', { reason: q.discountReason })}</span>
          <span>-¥{yuan(q.discountFen)}</span>
        </Flex>
      )}
      <Typography.Title level={4} style={{ margin: '8px 0' }} data-testid="portal-quote-total">
        {t('charges.portal.total', { amount: yuan(q.totalFen) })}
      </Typography.Title>
      {q.status === 'sent' && q.validUntil && (
        <Typography.Text type="secondary">
          {t('charges.portal.validUntil', { date: q.validUntil })}
        </Typography.Text>
      )}
      {q.status === 'approved' && (
        <Typography.Paragraph data-testid="portal-quote-paid">
          {t('charges.portal.paid', { paid: yuan(q.paidFen), balance: yuan(q.balanceFen) })}
        </Typography.Paragraph>
      )}
      {q.status === 'sent' && <Decide q={q} />}
      <Flex vertical gap={4} style={{ marginTop: 8 }}>
        <Link to={`/portal/quotes/${q.id}/print`} data-testid="portal-quote-print">
          <FileTextOutlined /> {t('charges.portal.print')}
        </Link>
        {q.payments.map((p) => (
          <Link key={p.id} to={`/portal/quotes/${q.id}/print?receipt=${p.id}`} data-testid="portal-receipt">
            <FileTextOutlined /> {t('charges.portal.receipt', { no: p.receiptNo })} · ¥{yuan(p.amountFen)}
          </Link>
        ))}
      </Flex>
    </div>
  );
}

function Decide({ q }: { q: Quote }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const decide = useDecideQuote();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const approve = () =>
    modal.confirm({
      title: t('charges.portal.approve'),
      content: t('charges.portal.approveConfirm'),
      okText: t('charges.portal.approve'),
      cancelText: t('charges.cancel'),
      okButtonProps: { 'data-testid': 'portal-quote-approve-ok' } as ButtonProps,
      onOk: () =>
        decide.mutateAsync({ id: q.id, version: q.version, decision: 'approve' }).then(() => {
          message.success(t('charges.portal.approved'));
        }),
    });
  return (
    <>
      <Flex gap={8} style={{ marginTop: 12 }}>
        <Button type="primary" block onClick={approve} data-testid="portal-quote-approve">
          {t('charges.portal.approve')}
        </Button>
        <Button block danger onClick={() => setDeclining(true)} data-testid="portal-quote-decline">
          {t('charges.portal.decline')}
        </Button>
      </Flex>
      {decide.error && <ProblemAlert error={decide.error} />}
      <Modal
        open={declining}
        title={t('charges.portal.decline')}
        okText={t('charges.portal.decline')}
        cancelText={t('charges.cancel')}
        okButtonProps={{ danger: true }}
        confirmLoading={decide.isPending}
        onCancel={() => setDeclining(false)}
        onOk={() =>
          decide.mutate(
            { id: q.id, version: q.version, decision: 'decline', reason: reason.trim() },
            {
              onSuccess: () => {
                message.success(t('charges.portal.declined'));
                setDeclining(false);
              },
            },
          )
        }
      >
        <Input.TextArea
          rows={2}
          maxLength={200}
          placeholder={t('charges.portal.declineReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
