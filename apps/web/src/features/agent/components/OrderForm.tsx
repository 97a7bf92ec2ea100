import {
  Alert,
  Button,
  Cascader,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import { SendOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Ref } from 'react';
import type { CustomerDetail } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { productName } from '../../../components/productName.ts';
import { WarrantyBadge, type LookupItem } from '../../customers/index.ts';
import { StatusTag, URGENCIES, WORK_ORDER_CHANNELS, WORK_ORDER_TYPES } from '../../workorders/index.ts';
import type { OrderValues } from '../orderRequest.ts';
import { OrderHandling } from './OrderHandling.tsx';
import { KnowledgeSuggestions } from '../../knowledge/index.ts';
import { EntitlementCard } from '../../servicecontracts/index.ts';
import { useOrderForm, type OrderFormHandle, type OrderOutcome } from './useOrderForm.ts';

export type { OrderValues } from '../orderRequest.ts';
export type { OrderFormHandle, OrderOutcome } from './useOrderForm.ts';

type OpenOrder = ReturnType<typeof useOrderForm>['openOrders'][number];

/** The chosen product already has open orders: the agent checks it is not the same fault twice. */
function OpenOrderWarning({ orders }: { orders: readonly OpenOrder[] }) {
  const { t } = useTranslation();
  if (!orders.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="open-order-warning"
      title={t('agent.form.openOrderWarning', { count: orders.length })}
      description={
        <Space size={[12, 4]} wrap>
          {orders.slice(0, 4).map((o) => (
            <Space key={o.id} size={4}>
              <Link to={`/workorders/${o.id}`} className="anxin-mono" target="_blank">
                {o.number}
              </Link>
              <StatusTag status={o.status} />
            </Space>
          ))}
          {orders.length > 4 && (
            <Typography.Text type="secondary">
              {t('agent.form.moreOpen', { count: orders.length - 4 })}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}

/** The one order form of the agent console; Alt+1…6 pick the type and Ctrl+Enter submits. */
export function OrderForm({
  customer,
  detail,
  onCreated,
  ref,
}: {
  customer: LookupItem;
  detail: CustomerDetail | undefined;
  onCreated: (o: OrderOutcome) => void;
  ref?: Ref<OrderFormHandle>;
}) {
  const { t } = useTranslation();
  const {
    form,
    submit,
    busy,
    createError,
    products,
    product,
    addresses,
    primaryPhone,
    faultOptions,
    faultsLoading,
    openOrders,
    slotOptions,
  } = useOrderForm({ customer, detail, onCreated, ref });
  const remote = Form.useWatch('remoteResolved', form);
  const description = Form.useWatch('faultDescription', form) as string | undefined;

  return (
    <Form<OrderValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="order-form"
      className="anxin-order-form"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          form.submit();
        }
      }}
    >
      <Form.Item name="type" label={t('agent.form.type')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="anxin-type-radio"
          data-testid="order-type"
        >
          {WORK_ORDER_TYPES.map((type, i) => (
            <Radio.Button key={type} value={type}>
              <span data-testid={`order-type-${type}`}>
                {t(`workorders.types.${type}`)}
                <kbd className="anxin-kbd" aria-label={`Alt+${i + 1}`}>
                  {i + 1}
                </kbd>
              </span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>

      <Form.Item name="productId" label={t('agent.form.product')}>
        <Select
          allowClear
          placeholder={products.length ? t('agent.form.productPlaceholder') : t('agent.form.noProducts')}
          data-testid="order-product"
          onChange={() => form.setFieldValue('fault', undefined)}
          options={products.map((p) => ({
            value: p.id,
            label: (
              <Flex justify="space-between" align="center" gap={8}>
                <span className="anxin-ellipsis">
                  {productName(p)} <Typography.Text type="secondary">· {p.serial}</Typography.Text>
                </span>
                <WarrantyBadge warranty={p.warranty} />
              </Flex>
            ),
          }))}
        />
      </Form.Item>
      <OpenOrderWarning orders={openOrders} />
      <EntitlementCard customerId={customer.id} productId={product?.id} />

      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="fault"
            label={t('agent.form.fault')}
            extra={product ? undefined : t('agent.form.faultNeedsProduct')}
          >
            <Cascader
              multiple
              showCheckedStrategy={Cascader.SHOW_CHILD}
              maxTagCount="responsive"
              options={faultOptions}
              disabled={!product}
              loading={faultsLoading}
              placeholder={t('agent.form.faultPlaceholder')}
              showSearch
              data-testid="order-fault"
              onChange={(v) => {
                // Symptoms belong to one fault category: keep the most recently touched one.
                const paths = (v ?? []) as string[][];
                const last = paths[paths.length - 1]?.[0];
                form.setFieldValue(
                  'fault',
                  paths.filter((p) => p[0] === last),
                );
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="urgency" label={t('agent.form.urgency')}>
            <Radio.Group
              optionType="button"
              data-testid="order-urgency"
              options={URGENCIES.map((u) => ({ value: u, label: t(`workorders.urgency.${u}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item name="faultDescription" label={t('agent.form.description')} rules={[{ max: 2000 }]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          showCount
          maxLength={2000}
          placeholder={t('agent.form.descriptionPlaceholder')}
          data-testid="order-description"
        />
      </Form.Item>
      <KnowledgeSuggestions
        channel="agent"
        compact
        text={description ?? ''}
        categoryCode={product?.categoryCode}
        onUse={(a) => {
          // Resolving on the phone with the article: its fix is the guidance unless the agent wrote one.
          form.setFieldsValue({
            remoteResolved: true,
            knowledgeArticleId: a.id,
            knowledgeArticleTitle: a.title,
            ...(form.getFieldValue('guidance') ? {} : { guidance: a.fix ?? a.title }),
          });
        }}
      />
      <div style={{ height: 12 }} />

      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name="channel" label={t('agent.form.channel')}>
            <Select
              data-testid="order-channel"
              options={WORK_ORDER_CHANNELS.map((c) => ({ value: c, label: t(`workorders.channels.${c}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="contactName" label={t('agent.form.contactName')} rules={[{ max: 60 }]}>
            <Input data-testid="order-contact-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactPhone"
            label={t('agent.form.contactPhone')}
            rules={[{ pattern: /^[\d+\- ]{5,20}$/, message: t('agent.form.phoneInvalid') }]}
          >
            <Input
              inputMode="tel"
              placeholder={
                primaryPhone ? t('agent.form.contactPhoneDefault', { phone: primaryPhone.phone }) : undefined
              }
              data-testid="order-contact-phone"
            />
          </Form.Item>
        </Col>
      </Row>
      {addresses.length > 0 && (
        <Form.Item name="addressId" label={t('agent.form.address')}>
          <Select
            data-testid="order-address"
            options={addresses.map((a) => ({ value: a.id, label: `${a.regionName} ${a.detail}` }))}
          />
        </Form.Item>
      )}

      <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
        {t('agent.form.handling')}
      </Divider>
      <OrderHandling slotOptions={slotOptions} />

      <ProblemAlert error={createError} style={{ marginBottom: 12 }} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('agent.form.shortcuts')}
        </Typography.Text>
        <Tooltip title="Ctrl + Enter">
          <Button
            type="primary"
            size="large"
            htmlType="submit"
            icon={<SendOutlined />}
            loading={busy}
            data-testid="order-submit"
          >
            {remote ? t('agent.form.submitResolved') : t('agent.form.submit')}
          </Button>
        </Tooltip>
      </Flex>
    </Form>
  );
}
