import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldErrorWire } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { toFen } from '../../../components/money.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useCreateContract, useSalesPolicy, useStoreOptions } from '../api.ts';
import { contractLabels } from './labels.ts';

interface LineValues {
  model?: string;
  productName?: string;
  category?: string;
  quantity?: number;
  unitPrice?: number;
  needsInstallation?: boolean;
}
interface Values {
  contractNo?: string;
  storeOutletId?: string;
  salesperson?: string;
  customerName?: string;
  phones?: string[];
  regionCode?: string;
  addressDetail?: string;
  orderDate?: Dayjs;
  requestedDate?: Dayjs;
  specialRequests?: string;
  lines?: LineValues[];
}

/** The input a server path belongs to: money is typed in yuan, a missing phone list at its first box. */
export const formPath = (path: string): string =>
  path === 'phones' ? 'phones.0' : path.replace(/^(lines\.\d+)\.unitPriceFen$/, '$1.unitPrice');

const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/** The form's values as the API takes them (money in fen); empty fields are left out, so the server names them. */
export function contractBody(v: Values): Record<string, unknown> {
  return {
    contractNo: blank(v.contractNo),
    storeOutletId: v.storeOutletId || undefined,
    salesperson: blank(v.salesperson),
    customerName: blank(v.customerName),
    phones: (v.phones ?? []).map((p) => p?.trim() ?? '').filter(Boolean),
    regionCode: blank(v.regionCode),
    addressDetail: blank(v.addressDetail),
    orderDate: day(v.orderDate),
    requestedDate: day(v.requestedDate),
    specialRequests: blank(v.specialRequests),
    lines: (v.lines ?? []).map((l) => ({
      model: blank(l.model),
      productName: blank(l.productName),
      category: blank(l.category),
      quantity: l.quantity,
      unitPriceFen: typeof l.unitPrice === 'number' ? toFen(l.unitPrice) : undefined,
      needsInstallation: l.needsInstallation ?? true,
    })),
  };
}

/**
 * 导购's contract entry. The server checks every field at once; each problem is shown at its input
 * (lines and phones included) and any that belong to no input are listed above the buttons.
 */
export function ContractForm({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<FieldErrorWire[]>([]);
  const create = useCreateContract();
  const ownStore = me.scope.outletId;
  const stores = useStoreOptions(open && !ownStore && me.permissions.includes('outlet:read'));
  const policy = useSalesPolicy();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setUnplaced([]);
    create.reset();
  }, [open]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    setUnplaced([]);
    try {
      const c = await create.mutateAsync(contractBody(v));
      message.success(t('sales.contracts.created', { contractNo: c.contractNo, batchDate: c.batchDate }));
      onClose(c.id);
    } catch (err) {
      if (!isApiError(err)) return;
      const paths = Object.fromEntries(err.errors.map((e) => [e.path, formPath(e.path)]));
      applyFieldErrors(form, err, paths);
      const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
      // A list's own error (no items) has no input of its own: it goes to the list above the buttons.
      const placed = (p: string) => registered.has(p) && p !== 'lines' && p !== 'phones';
      setUnplaced(err.errors.filter((e) => !placed(paths[e.path]!)));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={() => onClose()}
      width={860}
      destroyOnHidden
      title={t('sales.contracts.new')}
      extra={
        <Button type="primary" loading={create.isPending} onClick={submit} data-testid="sales-contract-save">
          {t('sales.contracts.create')}
        </Button>
      }
    >
      {policy.data && (
        <Typography.Paragraph type="secondary">
          {t('sales.contracts.cutoffHint', { cutoff: policy.data.value.cutoffTime })}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          phones: [''],
          orderDate: dayjs(),
          lines: [{ quantity: 1, needsInstallation: true }],
        }}
        data-testid="sales-contract-form"
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="contractNo" label={t('sales.field.contractNo')} required>
              <Input maxLength={40} data-testid="sales-f-contractNo" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="salesperson" label={t('sales.field.salesperson')} required>
              <Input maxLength={50} data-testid="sales-f-salesperson" />
            </Form.Item>
          </Col>
          <Col span={8}>
            {!ownStore && (
              <Form.Item name="storeOutletId" label={t('sales.field.store')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  loading={stores.isPending && stores.fetchStatus !== 'idle'}
                  options={(stores.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
                  data-testid="sales-f-store"
                />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item name="customerName" label={t('sales.field.customerName')} required>
              <Input maxLength={100} data-testid="sales-f-customerName" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label={t('sales.field.phones')} required extra={t('sales.contracts.phoneHint')}>
              <Form.List name="phones">
                {(fields, { add, remove }) => (
                  <Flex gap={8} wrap>
                    {fields.map((f) => (
                      <Flex key={f.key} gap={4}>
                        <Form.Item name={f.name} noStyle={false} style={{ marginBottom: 0 }}>
                          <Input
                            style={{ width: 160 }}
                            maxLength={30}
                            data-testid={`sales-f-phone-${f.name}`}
                          />
                        </Form.Item>
                        {fields.length > 1 && (
                          <Button
                            icon={<DeleteOutlined />}
                            onClick={() => remove(f.name)}
                            aria-label={t('sales.contracts.removeLine')}
                          />
                        )}
                      </Flex>
                    ))}
                    {fields.length < 3 && <Button icon={<PlusOutlined />} onClick={() => add('')} />}
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="regionCode" label={t('sales.field.regionCode')} required>
              <Input maxLength={6} placeholder="440106" data-testid="sales-f-regionCode" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="addressDetail" label={t('sales.field.addressDetail')} required>
              <Input maxLength={200} data-testid="sales-f-address" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="orderDate" label={t('sales.field.orderDate')} required>
              <DatePicker style={{ width: '100%' }} data-testid="sales-f-orderDate" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="requestedDate" label={t('sales.field.requestedDate')} required>
              <DatePicker style={{ width: '100%' }} data-testid="sales-f-requestedDate" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="specialRequests" label={t('sales.field.specialRequests')}>
              <Input maxLength={500} data-testid="sales-f-special" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('sales.field.lines')}</Typography.Title>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col span={4}>
                    <Form.Item
                      name={[f.name, 'model']}
                      label={f.name === 0 ? t('sales.field.model') : undefined}
                    >
                      <Input maxLength={64} data-testid={`sales-f-line-${f.name}-model`} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item
                      name={[f.name, 'productName']}
                      label={f.name === 0 ? t('sales.field.productName') : undefined}
                    >
                      <Input maxLength={100} data-testid={`sales-f-line-${f.name}-name`} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item
                      name={[f.name, 'category']}
                      label={f.name === 0 ? t('sales.field.category') : undefined}
                    >
                      <Input maxLength={64} data-testid={`sales-f-line-${f.name}-category`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item
                      name={[f.name, 'quantity']}
                      label={f.name === 0 ? t('sales.field.quantity') : undefined}
                    >
                      <InputNumber
                        min={1}
                        max={999}
                        precision={0}
                        style={{ width: '100%' }}
                        data-testid={`sales-f-line-${f.name}-qty`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item
                      name={[f.name, 'unitPrice']}
                      label={f.name === 0 ? t('sales.field.unitPrice') : undefined}
                    >
                      <InputNumber
                        min={0}
                        precision={2}
                        style={{ width: '100%' }}
                        data-testid={`sales-f-line-${f.name}-price`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Form.Item
                      name={[f.name, 'needsInstallation']}
                      valuePropName="checked"
                      label={f.name === 0 ? t('sales.field.needsInstallation') : undefined}
                    >
                      <Switch size="small" />
                    </Form.Item>
                  </Col>
                  <Col span={2} style={{ paddingTop: f.name === 0 ? 30 : 0 }}>
                    {fields.length > 1 && (
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('sales.contracts.removeLine')}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ quantity: 1, needsInstallation: true })}
                disabled={fields.length >= 50}
                data-testid="sales-f-add-line"
              >
                {t('sales.contracts.addLine')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {create.error && (
        <ProblemAlert
          style={{ marginTop: 16 }}
          error={create.error}
          labels={contractLabels(t)}
          fieldErrors={unplaced}
        />
      )}
    </Drawer>
  );
}
