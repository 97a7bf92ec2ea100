import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Input, Result, Row, Skeleton, Typography } from 'antd';
import { ImportOutlined, PhoneOutlined, ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { CallButton } from '../../telephony/index.ts';
import { CustomerImportDialog, QuickCreateCustomer } from '../../customers/index.ts';
import { CallerMatches } from '../components/CallerMatches.tsx';
import { CustomerPanel } from '../components/CustomerPanel.tsx';
import { IncomingCallPop } from '../components/IncomingCallPop.tsx';
import { OrderCreatedAlert } from '../components/OrderCreatedAlert.tsx';
import { OrderForm, type OrderOutcome } from '../components/OrderForm.tsx';
import { useCallerLookup } from '../console/useCallerLookup.ts';
import { useConsoleShortcuts } from '../console/useConsoleShortcuts.ts';
import { useIncomingCalls } from '../console/useIncomingCalls.ts';

/** 坐席受理: identify the caller by number, see their history, register one order, next call. */
export default function AgentConsolePage() {
  const { t } = useTranslation();
  const me = useSession();
  const canCreateCustomer = me.permissions.includes('customer:write');
  const caller = useCallerLookup();
  const incoming = useIncomingCalls(me.permissions.includes('telephony:answer'));
  const { query, lookup, items, customer, noMatch, creating, created } = caller;
  const [outcome, setOutcome] = useState<OrderOutcome | null>(null);
  const [importing, setImporting] = useState(false);
  const nextCall = () => {
    setOutcome(null);
    caller.newCall();
  };
  const formRef = useConsoleShortcuts(nextCall);

  const onCreated = (o: OrderOutcome) => {
    setOutcome(o);
    caller.newCall();
  };

  return (
    <Flex vertical gap={16} className="anxin-agent">
      <PageHeader
        title={t('nav.agentConsole')}
        description={t('agent.subtitle')}
        extra={
          <Flex gap={8}>
            {canCreateCustomer && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => setImporting(true)}
                data-testid="customer-import-open"
              >
                {t('customers.import.open')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={nextCall} data-testid="agent-new-call">
              {t('agent.newCall')} <kbd className="anxin-kbd">F2</kbd>
            </Button>
          </Flex>
        }
      />
      <IncomingCallPop
        calls={incoming.calls}
        onTake={(c) => {
          setOutcome(null);
          caller.takeCall(c.fromNumber);
        }}
        onDismiss={incoming.dismiss}
      />
      <CustomerImportDialog open={importing} onClose={() => setImporting(false)} />
      {outcome && <OrderCreatedAlert outcome={outcome} onClose={() => setOutcome(null)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12}>
            <Card size="small" className="anxin-caller-card">
              <label htmlFor="caller-number" className="anxin-section-label">
                {t('agent.caller.label')}
              </label>
              <Input
                id="caller-number"
                ref={caller.inputRef}
                autoFocus
                size="large"
                allowClear
                inputMode="tel"
                autoComplete="off"
                prefix={<PhoneOutlined />}
                placeholder={t('agent.caller.placeholder')}
                value={caller.text}
                onChange={(e) => caller.setText(e.target.value)}
                onPressEnter={caller.searchNow}
                onKeyDown={caller.onInputKey}
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
              <CallerMatches items={items} activeId={customer?.id} onPick={caller.select} />
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
                      onClick={() => caller.setCreating(true)}
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
                  onCreated={caller.onCustomerCreated}
                  onCancel={() => caller.setCreating(false)}
                />
              </Card>
            )}
            {customer && <CustomerPanel customer={customer} detail={caller.detail} />}
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
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary">
                    {t('agent.form.for', { name: customer.name })}
                  </Typography.Text>
                  <CallButton
                    number={(customer.phones.find((p) => p.isPrimary) ?? customer.phones[0])?.phone ?? ''}
                  />
                </Flex>
              )
            }
          >
            {customer ? (
              <OrderForm ref={formRef} customer={customer} detail={caller.detail} onCreated={onCreated} />
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
