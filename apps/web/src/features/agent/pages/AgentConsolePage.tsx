import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import { CheckCircleFilled, PhoneOutlined, ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerDetail, WorkOrderType } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import {
  QuickCreateCustomer,
  TierTag,
  useCustomer,
  useCustomerLookup,
  type LookupItem,
} from '../../customers/index.ts';
import { AttachmentUploader, StatusTag, WORK_ORDER_TYPES } from '../../workorders/index.ts';
import { CustomerPanel } from '../components/CustomerPanel.tsx';
import { OrderForm, type OrderFormHandle, type OrderOutcome } from '../components/OrderForm.tsx';

const DEBOUNCE_MS = 400;

/** A just-created customer shown like a lookup hit, so the rest of the console works the same. */
const asLookupItem = (c: CustomerDetail): LookupItem => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  companyName: c.companyName,
  tier: c.tier,
  version: c.version,
  matchedBy: 'phone',
  phones: c.phones,
  defaultAddress: c.addresses.find((a) => a.isDefault) ?? c.addresses[0] ?? null,
  products: c.products ?? [],
  orders: null,
});

/** 坐席受理: identify the caller by number, see their history, register one order, next call. */
export default function AgentConsolePage() {
  const { t } = useTranslation();
  const me = useSession();
  const canCreateCustomer = me.permissions.includes('customer:write');
  const inputRef = useRef<InputRef>(null);
  const formRef = useRef<OrderFormHandle>(null);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [created, setCreated] = useState<LookupItem | null>(null);
  const [creating, setCreating] = useState(false);
  const [outcome, setOutcome] = useState<OrderOutcome | null>(null);
  const lookup = useCustomerLookup(query);
  const items = query.length >= 2 && lookup.data ? lookup.data.items : [];
  const customer =
    created ?? items.find((c) => c.id === selectedId) ?? (items.length === 1 ? items[0] : undefined);
  const detail = useCustomer(customer?.id);

  // Debounced lookup while typing; Enter looks up at once.
  useEffect(() => {
    const q = text.trim();
    if (q === query) return;
    const h = setTimeout(() => setQuery(q.length >= 2 ? q : ''), DEBOUNCE_MS);
    return () => clearTimeout(h);
  }, [text]);

  useEffect(() => {
    setSelectedId(null);
    setCreated(null);
    setCreating(false);
  }, [query]);

  const newCall = () => {
    setText('');
    setQuery('');
    setSelectedId(null);
    setCreated(null);
    setCreating(false);
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  // Console shortcuts: F2 new call, Alt+1…6 order type, Ctrl+Enter submit (also inside fields).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        setOutcome(null);
        newCall();
      } else if (e.altKey && /^Digit[1-6]$/.test(e.code)) {
        e.preventDefault();
        formRef.current?.setType(WORK_ORDER_TYPES[Number(e.code.slice(5)) - 1] as WorkOrderType);
      } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        formRef.current?.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onInputKey = (e: React.KeyboardEvent) => {
    if (items.length < 2) return;
    const i = items.findIndex((c) => c.id === customer?.id);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? Math.min(items.length - 1, i + 1) : Math.max(0, i - 1);
      setSelectedId(items[next]!.id);
    }
  };

  const onCreated = (o: OrderOutcome) => {
    setOutcome(o);
    newCall();
  };

  const searched = query.length >= 2 && lookup.isSuccess && !lookup.isFetching;
  const noMatch = searched && items.length === 0 && !created;

  return (
    <Flex vertical gap={16} className="anxin-agent">
      <PageHeader
        title={t('nav.agentConsole')}
        description={t('agent.subtitle')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setOutcome(null);
              newCall();
            }}
            data-testid="agent-new-call"
          >
            {t('agent.newCall')} <kbd className="anxin-kbd">F2</kbd>
          </Button>
        }
      />
      {outcome && (
        <Alert
          type={outcome.followUpError ? 'warning' : 'success'}
          showIcon
          icon={<CheckCircleFilled />}
          closable
          onClose={() => setOutcome(null)}
          data-testid="order-created"
          title={
            <Space wrap>
              {t('agent.created.title')}
              <Link
                to={`/workorders/${outcome.result.order.id}`}
                className="anxin-mono anxin-created-number"
                data-testid="order-created-number"
              >
                {outcome.result.order.number}
              </Link>
              <StatusTag status={outcome.result.order.status} />
              <Typography.Text type="secondary">{outcome.result.order.customer?.name}</Typography.Text>
            </Space>
          }
          description={
            <Flex vertical gap={8}>
              {outcome.result.warnings.length > 0 && (
                <Space size={[8, 2]} wrap data-testid="order-created-warnings">
                  <Typography.Text type="warning">{t('agent.created.openWarning')}</Typography.Text>
                  {outcome.result.warnings.map((w) => (
                    <Link key={w.orderId} to={`/workorders/${w.orderId}`} className="anxin-mono">
                      {w.number}
                    </Link>
                  ))}
                </Space>
              )}
              {outcome.followUpError ? <ProblemAlert error={outcome.followUpError} /> : null}
              {/* Keyed: the next order starts with an empty list, not the previous call's uploads. */}
              <AttachmentUploader key={outcome.result.order.id} orderId={outcome.result.order.id} />
            </Flex>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12}>
            <Card size="small" className="anxin-caller-card">
              <label htmlFor="caller-number" className="anxin-section-label">
                {t('agent.caller.label')}
              </label>
              <Input
                id="caller-number"
                ref={inputRef}
                autoFocus
                size="large"
                allowClear
                inputMode="tel"
                autoComplete="off"
                prefix={<PhoneOutlined />}
                placeholder={t('agent.caller.placeholder')}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onPressEnter={() => setQuery(text.trim().length >= 2 ? text.trim() : '')}
                onKeyDown={onInputKey}
                data-testid="caller-number"
                suffix={
                  lookup.isFetching ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('agent.caller.searching')}
                    </Typography.Text>
                  ) : null
                }
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('agent.caller.hint')}
              </Typography.Text>
            </Card>

            <ProblemAlert error={lookup.error} />
            {items.length > 1 && !created && (
              <Card
                size="small"
                title={t('agent.caller.matches', { count: items.length })}
                data-testid="lookup-results"
              >
                <Flex
                  vertical
                  gap={6}
                  role="listbox"
                  aria-label={t('agent.caller.matches', { count: items.length })}
                >
                  {items.map((c) => (
                    <button
                      type="button"
                      key={c.id}
                      role="option"
                      aria-selected={c.id === customer?.id}
                      className={`anxin-lookup-item${c.id === customer?.id ? ' anxin-lookup-item--active' : ''}`}
                      onClick={() => setSelectedId(c.id)}
                      data-testid="lookup-result"
                    >
                      <Space wrap size={6}>
                        <Typography.Text strong>{c.name}</Typography.Text>
                        <TierTag tier={c.tier} />
                        <Tag>{t(`agent.matchedBy.${c.matchedBy}`)}</Tag>
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.phones.map((p) => p.phone).join(' · ')}
                        {c.defaultAddress ? ` · ${c.defaultAddress.regionName}` : ''}
                        {c.orders
                          ? ` · ${t('agent.caller.orderCounts', { open: c.orders.open, total: c.orders.total })}`
                          : ''}
                      </Typography.Text>
                    </button>
                  ))}
                </Flex>
              </Card>
            )}
            {query.length >= 2 && lookup.isFetching && !lookup.data && <Skeleton active />}
            {noMatch && !creating && (
              <Card size="small" data-testid="lookup-empty">
                <Empty
                  description={t('agent.caller.noMatch', { q: query })}
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                >
                  {canCreateCustomer && (
                    <Button
                      type="primary"
                      icon={<UserAddOutlined />}
                      onClick={() => setCreating(true)}
                      data-testid="quick-create-open"
                    >
                      {t('agent.caller.createCustomer')}
                    </Button>
                  )}
                </Empty>
              </Card>
            )}
            {creating && !created && (
              <Card size="small">
                <QuickCreateCustomer
                  initialQuery={query}
                  onCreated={(c) => {
                    setCreated(asLookupItem(c));
                    setCreating(false);
                  }}
                  onCancel={() => setCreating(false)}
                />
              </Card>
            )}
            {customer && <CustomerPanel customer={customer} detail={detail.data} />}
            {!customer && !noMatch && !creating && query.length < 2 && (
              <Card size="small">
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agent.caller.waiting')} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('agent.form.title')}
            className="anxin-order-card"
            extra={
              customer && (
                <Typography.Text type="secondary">
                  {t('agent.form.for', { name: customer.name })}
                </Typography.Text>
              )
            }
          >
            {customer ? (
              <OrderForm ref={formRef} customer={customer} detail={detail.data} onCreated={onCreated} />
            ) : (
              <Result
                status="info"
                icon={<PhoneOutlined />}
                title={t('agent.form.needCustomer')}
                subTitle={t('agent.form.needCustomerHint')}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
