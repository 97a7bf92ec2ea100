import { useEffect, useImperativeHandle, useMemo, useState, type Ref } from 'react';
import {
  Alert,
  Button,
  Cascader,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Tooltip,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { CustomerDetail, WorkOrderType } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { WarrantyBadge, useFaultTree, type LookupItem } from '../../customers/index.ts';
import {
  StatusTag,
  URGENCIES,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_TYPES,
  useAppointment,
  useCreateWorkOrder,
  useOpenForProduct,
  useSlotOptions,
  useTransition,
  type CreateResult,
} from '../../workorders/index.ts';
import {
  addressesOf,
  followUpOf,
  orderDefaults,
  toCreateRequest,
  type OrderValues,
  type WindowValue,
} from '../orderRequest.ts';
import { productName } from '../../../components/productName.ts';

export type { OrderValues } from '../orderRequest.ts';

export interface OrderFormHandle {
  submit(): void;
  setType(type: WorkOrderType): void;
}

export interface OrderOutcome {
  result: CreateResult;
  /** A follow-up step (remote resolution, appointment) that failed after the order was created. */
  followUpError: unknown;
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
  const [form] = Form.useForm<OrderValues>();
  const visitSlots = useSlotOptions();
  const create = useCreateWorkOrder();
  const transition = useTransition();
  const appointment = useAppointment();
  const [busy, setBusy] = useState(false);
  const products = detail?.products ?? customer.products;
  const productId = Form.useWatch('productId', form);
  const remote = Form.useWatch('remoteResolved', form);
  const windows = Form.useWatch('windows', form) as WindowValue[] | undefined;
  const product = products.find((p) => p.id === productId);
  const faultTree = useFaultTree(product?.categoryCode);
  const openOrders = useOpenForProduct(productId);
  const zh = currentLocale() === 'zh-CN';
  const primary = customer.phones.find((p) => p.isPrimary) ?? customer.phones[0];
  const addresses = addressesOf(customer, detail);

  useImperativeHandle(ref, () => ({
    submit: () => form.submit(),
    setType: (type) => form.setFieldValue('type', type),
  }));

  // A new caller: fresh defaults from their record.
  useEffect(() => {
    form.resetFields();
    create.reset();
    form.setFieldsValue(orderDefaults(customer, detail));
  }, [customer.id, detail?.id]);

  const faultOptions = useMemo(
    () =>
      (faultTree.data?.faults ?? []).map((f) => ({
        value: f.id,
        label: zh ? f.nameZh : f.nameEn,
        children: f.symptoms
          .filter((s) => s.active)
          .map((s) => ({ value: s.id, label: zh ? s.nameZh : s.nameEn })),
      })),
    [faultTree.data, zh],
  );

  const submit = async (v: OrderValues) => {
    const request = toCreateRequest(v, customer.id, addresses);
    setBusy(true);
    let result: CreateResult;
    try {
      result = await create.mutateAsync(request);
    } catch (e) {
      setBusy(false);
      applyFieldErrors(form, e, {
        faultCodeId: 'fault',
        symptomCodes: 'fault',
        'address.detail': 'addressId',
        address: 'addressId',
      });
      return;
    }
    let followUpError: unknown = null;
    try {
      let { version } = result.order;
      const next = followUpOf(v);
      if (next?.kind === 'remote') {
        const accepted = await transition.mutateAsync({ id: result.order.id, to: 'accepted', version });
        version = accepted.version;
        const resolved = await transition.mutateAsync({
          id: result.order.id,
          to: 'remote_resolved',
          version,
          data: { guidance: next.guidance },
        });
        result = { ...result, order: resolved };
      } else if (next?.kind === 'appointment') {
        const scheduled = await appointment.mutateAsync({ id: result.order.id, version, ...next.window });
        result = { ...result, order: scheduled };
      }
    } catch (e) {
      followUpError = e;
    }
    setBusy(false);
    onCreated({ result, followUpError });
  };

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
      {openOrders.data && openOrders.data.items.length > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 16 }}
          data-testid="open-order-warning"
          title={t('agent.form.openOrderWarning', { count: openOrders.data.items.length })}
          description={
            <Space size={[12, 4]} wrap>
              {openOrders.data.items.slice(0, 4).map((o) => (
                <Space key={o.id} size={4}>
                  <Link to={`/workorders/${o.id}`} className="anxin-mono" target="_blank">
                    {o.number}
                  </Link>
                  <StatusTag status={o.status} />
                </Space>
              ))}
              {openOrders.data.items.length > 4 && (
                <Typography.Text type="secondary">
                  {t('agent.form.moreOpen', { count: openOrders.data.items.length - 4 })}
                </Typography.Text>
              )}
            </Space>
          }
        />
      )}

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
              loading={faultTree.isFetching}
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
                primary ? t('agent.form.contactPhoneDefault', { phone: primary.phone }) : undefined
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
      <Form.Item name="remoteResolved" valuePropName="checked" style={{ marginBottom: remote ? 8 : 16 }}>
        <Switch
          data-testid="order-remote-resolved"
          checkedChildren={t('agent.form.remoteOn')}
          unCheckedChildren={t('agent.form.remoteOff')}
        />
      </Form.Item>
      {remote ? (
        <Form.Item
          name="guidance"
          label={t('agent.form.guidance')}
          rules={[
            { required: true, whitespace: true, message: t('agent.form.guidanceRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('agent.form.guidancePlaceholder')}
            data-testid="order-guidance"
          />
        </Form.Item>
      ) : (
        <Form.Item label={t('agent.form.windows')} extra={t('agent.form.windowsHint')}>
          <Form.List name="windows">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} data-testid="order-windows">
                {fields.map((field, i) => (
                  <Space key={field.key} wrap align="start">
                    <Form.Item
                      name={[field.name, 'date']}
                      noStyle
                      rules={[{ required: true, message: t('agent.form.dateRequired') }]}
                    >
                      <DatePicker
                        disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                        placeholder={t('agent.form.date')}
                        data-testid={`order-window-date-${i}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'slot']}
                      noStyle
                      rules={[{ required: true, message: t('agent.form.slotRequired') }]}
                    >
                      <Radio.Group
                        optionType="button"
                        data-testid={`order-window-slot-${i}`}
                        options={visitSlots.options}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('agent.form.removeWindow')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                {fields.length < 5 && (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => {
                      // Each new slot starts the day after the last one: callers usually offer a few days.
                      const last = (form.getFieldValue('windows') as WindowValue[] | undefined)?.at(-1)?.date;
                      add({ date: (last ?? dayjs()).add(1, 'day'), slot: visitSlots.options[0]?.value });
                    }}
                    data-testid="order-add-window"
                  >
                    {t('agent.form.addWindow')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      )}
      {!remote && (windows?.length ?? 0) > 0 && (
        <Space style={{ marginBottom: 16 }}>
          <Form.Item name="agreeFirstWindow" valuePropName="checked" noStyle>
            <Switch
              size="small"
              data-testid="order-agree-window"
              aria-label={t('agent.form.agreeFirstWindow')}
            />
          </Form.Item>
          <Typography.Text>{t('agent.form.agreeFirstWindow')}</Typography.Text>
        </Space>
      )}

      <ProblemAlert error={create.error} style={{ marginBottom: 12 }} />
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
