import { useDeferredValue, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Empty,
  Input,
  InputNumber,
  Popconfirm,
  Segmented,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PartPayer } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { usePickList, useRequestParts, useReserveParts, type PartPickOption } from '../api/field.ts';
import { yuan } from './money.ts';

/**
 * Picks a part for the order: van stock first with what is available, then what HQ holds. The
 * chosen part is reserved from the van when the van has enough, else requested from HQ (the
 * order then waits for parts and its SLA clock pauses).
 */
export function PartPicker({
  orderId,
  defaultPayer,
  onRequested,
}: {
  orderId: string;
  defaultPayer: PartPayer;
  onRequested: (number: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const list = usePickList(orderId, query);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div data-testid="parts-picker">
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined />}
        value={q}
        placeholder={t('parts.field.pick.search')}
        aria-label={t('parts.field.pick.search')}
        data-testid="parts-pick-search"
        onChange={(e) => setQ(e.target.value)}
      />
      {list.isPending ? (
        <Skeleton active style={{ marginTop: 12 }} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} style={{ marginTop: 12 }} />
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parts.field.pick.empty')} />
      ) : (
        <div className="parts-pick-list">
          {list.data.items.map((o) => (
            <PickRow
              key={o.item.id}
              option={o}
              open={chosen === o.item.id}
              onToggle={() => setChosen(chosen === o.item.id ? null : o.item.id)}
              orderId={orderId}
              defaultPayer={o.item.warrantyClaimable ? defaultPayer : 'customer'}
              onDone={() => setChosen(null)}
              onRequested={onRequested}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function PickRow({
  option: o,
  open,
  onToggle,
  orderId,
  defaultPayer,
  onDone,
  onRequested,
}: {
  option: PartPickOption;
  open: boolean;
  onToggle: () => void;
  orderId: string;
  defaultPayer: PartPayer;
  onDone: () => void;
  onRequested: (number: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [qty, setQty] = useState(1);
  const [payer, setPayer] = useState<PartPayer>(defaultPayer);
  const reserve = useReserveParts(orderId);
  const request = useRequestParts(orderId);
  const item = o.item;
  const name = i18n.language.startsWith('en') && item.nameEn ? item.nameEn : item.nameZh;
  const inVan = o.vanAvailable > 0 && !!o.vanLocationId;
  const vanEnough = inVan && o.vanAvailable >= qty;
  const lines = [{ itemId: item.id, qty, paidBy: payer }];
  const error = reserve.error ?? request.error;
  return (
    <div className={`parts-pick-row${open ? ' is-open' : ''}`} data-testid={`parts-pick-${item.code}`}>
      <button type="button" className="parts-pick-head" onClick={onToggle} aria-expanded={open}>
        <span className="parts-pick-name">
          <strong>{name}</strong>
          <span className="parts-muted">
            {item.code}
            {item.serialized && ` · ${t('parts.field.pick.serialized')}`}
          </span>
        </span>
        <span className="parts-pick-stock">
          {inVan ? (
            <Tag color="green" data-testid="pick-van">
              {t('parts.field.pick.van', { n: o.vanAvailable })}
            </Tag>
          ) : (
            <Tag color={o.hqAvailable > 0 ? 'blue' : 'default'} data-testid="pick-hq">
              {t('parts.field.pick.hq', { n: o.hqAvailable })}
            </Tag>
          )}
        </span>
      </button>
      {open && (
        <div className="parts-pick-form">
          <div className="parts-pick-controls">
            <InputNumber
              size="large"
              min={1}
              max={999}
              precision={0}
              inputMode="numeric"
              value={qty}
              aria-label={t('parts.fields.qty')}
              data-testid="pick-qty"
              onChange={(v) => setQty(Math.max(1, Number(v ?? 1)))}
            />
            <Segmented<PartPayer>
              size="large"
              block
              value={payer}
              onChange={setPayer}
              data-testid="pick-payer"
              options={[
                {
                  value: 'warranty',
                  label: t('parts.field.pick.warranty'),
                  disabled: !item.warrantyClaimable,
                },
                { value: 'customer', label: t('parts.field.pick.customer') },
              ]}
            />
          </div>
          {payer === 'customer' && (
            <Typography.Text className="parts-price" data-testid="pick-price">
              {t('parts.field.customerPays', { amount: yuan(item.listPriceFen * qty) })}
            </Typography.Text>
          )}
          {inVan && !vanEnough && (
            <Typography.Text type="warning" style={{ display: 'block' }}>
              {t('parts.field.pick.vanShort', { n: o.vanAvailable })}
            </Typography.Text>
          )}
          {error && <ProblemAlert error={error} style={{ marginTop: 8 }} />}
          <div className="parts-pick-actions">
            <Button
              type="primary"
              size="large"
              block
              disabled={!vanEnough}
              loading={reserve.isPending}
              data-testid="pick-reserve"
              onClick={() =>
                reserve.mutate(
                  { locationId: o.vanLocationId!, lines },
                  {
                    onSuccess: () => {
                      void message.success(t('parts.field.pick.reserved', { name, qty }));
                      onDone();
                    },
                  },
                )
              }
            >
              {t('parts.field.pick.reserve')}
            </Button>
            <Popconfirm
              title={t('parts.field.pick.requestConfirm')}
              description={t('parts.field.pick.requestConfirmHint')}
              okText={t('parts.field.pick.request')}
              cancelText={t('parts.field.cancel')}
              onConfirm={() =>
                request.mutate(
                  { orderId, lines, deliverTo: 'van' },
                  {
                    onSuccess: (r) => {
                      onRequested(r.number);
                      onDone();
                    },
                  },
                )
              }
            >
              <Button
                size="large"
                block
                type={vanEnough ? 'default' : 'primary'}
                ghost={!vanEnough}
                loading={request.isPending}
                data-testid="pick-request"
              >
                {t('parts.field.pick.request')}
              </Button>
            </Popconfirm>
          </div>
        </div>
      )}
    </div>
  );
}

/** A short notice after a request: the order waits for parts (待件) and its SLA clock pauses. */
export function RequestedNotice({ number, onClose }: { number: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 12 }}
      data-testid="parts-requested"
      message={t('parts.field.requested.title', { number })}
      description={t('parts.field.requested.body')}
    />
  );
}
