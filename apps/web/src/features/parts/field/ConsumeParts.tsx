import { useState } from 'react';
import { Alert, Button, Card, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useConsumeParts, useOrderParts, type PartUsage } from '../api/field.ts';
import { yuan } from './money.ts';
import { PayerTag } from './PartTags.tsx';
import './field.css';

type Serials = Record<string, { newSerial: string; oldSerial: string }>;

const missingSerials = (u: PartUsage, s: Serials) =>
  u.serialized && (!s[u.id]?.newSerial.trim() || !s[u.id]?.oldSerial.trim());

/**
 * 确认用件 before completion: every reserved part is confirmed used (with the new and the old
 * part's serials when the item is serialized), or returned from the parts panel. Customer-paid
 * parts show their price so the technician can tell the customer.
 */
export function ConsumeParts({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const parts = useOrderParts(orderId);
  const consume = useConsumeParts(orderId);
  const [serials, setSerials] = useState<Serials>({});
  const reserved = parts.data?.usages.filter((u) => u.status === 'reserved') ?? [];
  if (reserved.length === 0) return null;
  const set = (id: string, field: 'newSerial' | 'oldSerial', v: string) =>
    setSerials({ ...serials, [id]: { newSerial: '', oldSerial: '', ...serials[id], [field]: v } });
  const incomplete = reserved.some((u) => missingSerials(u, serials));
  const customerFen = reserved
    .filter((u) => u.paidBy === 'customer')
    .reduce((sum, u) => sum + u.unitPriceFen * u.qty, 0);
  return (
    <Card
      className="field-card parts-field-panel"
      size="small"
      title={t('parts.field.consume.title')}
      data-testid="job-consume"
    >
      <Alert type="info" showIcon style={{ marginBottom: 10 }} message={t('parts.field.consume.hint')} />
      {reserved.map((u) => (
        <div className="parts-consume-row" key={u.id} data-testid={`consume-${u.id}`}>
          <div className="parts-job-main">
            <strong>
              {u.itemName} × {u.qty}
            </strong>
            <span>
              <PayerTag payer={u.paidBy} />
              {u.paidBy === 'customer' && (
                <span className="parts-price" data-testid={`consume-price-${u.id}`}>
                  {t('parts.field.amount', { amount: yuan(u.unitPriceFen * u.qty) })}
                </span>
              )}
            </span>
          </div>
          {u.serialized && (
            <>
              <Input
                size="large"
                maxLength={80}
                value={serials[u.id]?.newSerial ?? ''}
                status={serials[u.id]?.newSerial.trim() ? undefined : 'warning'}
                placeholder={`${t('parts.fields.newSerial')} (${t('parts.field.consume.required')})`}
                aria-label={t('parts.fields.newSerial')}
                data-testid={`consume-new-${u.id}`}
                onChange={(e) => set(u.id, 'newSerial', e.target.value)}
              />
              <Input
                size="large"
                maxLength={80}
                value={serials[u.id]?.oldSerial ?? ''}
                status={serials[u.id]?.oldSerial.trim() ? undefined : 'warning'}
                placeholder={`${t('parts.fields.oldSerial')} (${t('parts.field.consume.required')})`}
                aria-label={t('parts.fields.oldSerial')}
                data-testid={`consume-old-${u.id}`}
                onChange={(e) => set(u.id, 'oldSerial', e.target.value)}
              />
            </>
          )}
        </div>
      ))}
      {customerFen > 0 && (
        <Typography.Paragraph strong className="parts-price" data-testid="consume-customer-total">
          {t('parts.field.customerPays', { amount: yuan(customerFen) })}
        </Typography.Paragraph>
      )}
      {incomplete && (
        <Typography.Paragraph type="warning" data-testid="consume-serials-missing">
          {t('parts.field.consume.serialsMissing')}
        </Typography.Paragraph>
      )}
      {consume.error && <ProblemAlert error={consume.error} style={{ marginBottom: 8 }} />}
      <Button
        className="field-big"
        type="primary"
        block
        disabled={incomplete}
        loading={consume.isPending}
        data-testid="consume-submit"
        onClick={() =>
          consume.mutate(
            {
              lines: reserved.map((u) => {
                const s = serials[u.id];
                const newSerial = s?.newSerial.trim();
                const oldSerial = s?.oldSerial.trim();
                return {
                  usageId: u.id,
                  ...(newSerial ? { newSerial } : {}),
                  ...(oldSerial ? { oldSerial } : {}),
                };
              }),
            },
            { onSuccess: () => setSerials({}) },
          )
        }
      >
        {t('parts.field.consume.submit')}
      </Button>
    </Card>
  );
}
