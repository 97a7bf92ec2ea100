import { useEffect, useMemo, useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import {
  SERVICE_BILLING_SCHEDULES,
  SERVICE_CONTRACT_KINDS,
  SERVICE_SLA_TIERS,
  type ServiceBillingSchedule,
  type ServiceContract,
  type ServiceContractKind,
  type ServiceSlaTier,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { toFen } from '../../../components/money.ts';
import { useCustomer, useCustomerLookup } from '../../customers/index.ts';
import { useCreateContract, useUpdateContract } from '../api.ts';

interface Values {
  customerId: string;
  kind: ServiceContractKind;
  term: [Dayjs, Dayjs];
  slaTier: ServiceSlaTier;
  visitQuota: number | null;
  modelIds: string[];
  serials: string[];
  addressIds: string[];
  partsCovered: boolean;
  labourCovered: boolean;
  priceYuan: number;
  billing: ServiceBillingSchedule;
  note?: string;
}

/** The customer picker: a lookup by phone, name or serial (the chosen one stays listed). */
function CustomerSelect({
  value,
  onChange,
  known,
}: {
  value?: string;
  onChange?: (v: string) => void;
  known: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const lookup = useCustomerLookup(q);
  const options = [
    ...(known ? [{ value: known.id, label: known.name }] : []),
    ...(lookup.data?.items ?? [])
      .filter((c) => c.id !== known?.id)
      .map((c) => ({ value: c.id, label: `${c.name} · ${c.phones[0]?.phone ?? ''}` })),
  ];
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      loading={lookup.isFetching}
      options={options}
      placeholder={t('servicecontracts.editor.customerPlaceholder')}
      data-testid="contract-customer"
    />
  );
}

/** Creates or edits a draft contract: customer, kind, coverage, term, SLA, quota, price, schedule. */
export function ContractDrawer({
  open,
  contract,
  onClose,
}: {
  open: boolean;
  contract: ServiceContract | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateContract();
  const update = useUpdateContract();
  const [error, setError] = useState<unknown>(null);
  const customerId = Form.useWatch('customerId', form);
  const customer = useCustomer(customerId);
  const [known, setKnown] = useState<{ id: string; name: string } | null>(null);
  const k = 'servicecontracts.editor';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    setKnown(
      contract ? { id: contract.customerId, name: contract.customerName ?? contract.customerId } : null,
    );
    form.setFieldsValue(
      contract
        ? {
            customerId: contract.customerId,
            kind: contract.kind,
            term: [dayjs(contract.startsOn), dayjs(contract.endsOn)],
            slaTier: contract.slaTier,
            visitQuota: contract.visitQuota,
            modelIds: contract.coverage.modelIds,
            serials: contract.coverage.serials,
            addressIds: contract.coverage.addressIds,
            partsCovered: contract.partsCovered,
            labourCovered: contract.labourCovered,
            priceYuan: contract.priceFen / 100,
            billing: contract.billing,
            note: contract.note ?? undefined,
          }
        : {
            kind: 'all_inclusive',
            slaTier: 'standard',
            visitQuota: 4,
            modelIds: [],
            serials: [],
            addressIds: [],
            partsCovered: false,
            labourCovered: true,
            billing: 'one_off',
          },
    );
  }, [open, contract, form]);

  const products = useMemo(() => customer.data?.products ?? [], [customer.data]);
  const modelOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of products) seen.set(p.modelId, `${p.modelCode} · ${p.modelName}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [products]);

  const submit = async (v: Values) => {
    setError(null);
    const body = {
      customerId: v.customerId,
      kind: v.kind,
      coverage: { modelIds: v.modelIds ?? [], serials: v.serials ?? [], addressIds: v.addressIds ?? [] },
      startsOn: v.term[0].format('YYYY-MM-DD'),
      endsOn: v.term[1].format('YYYY-MM-DD'),
      slaTier: v.slaTier,
      visitQuota: v.visitQuota ?? null,
      partsCovered: v.partsCovered,
      labourCovered: v.labourCovered,
      priceFen: toFen(v.priceYuan ?? 0),
      billing: v.billing,
      note: v.note?.trim() || null,
    };
    try {
      if (contract) await update.mutateAsync({ id: contract.id, version: contract.version, ...body });
      else await create.mutateAsync(body);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      width={600}
      title={contract ? t(`${k}.editTitle`, { number: contract.number }) : t(`${k}.createTitle`)}
      saving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      saveTestId="contract-save"
      cancelText={t(`${k}.cancel`)}
      saveText={t(`${k}.save`)}
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="customerId" label={t(`${k}.customer`)} rules={[{ required: true }]}>
          <CustomerSelect known={known} />
        </Form.Item>
        <Form.Item name="kind" label={t(`${k}.kind`)} rules={[{ required: true }]}>
          <Select
            data-testid="contract-kind"
            options={SERVICE_CONTRACT_KINDS.map((x) => ({
              value: x,
              label: t(`servicecontracts.kinds.${x}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="term" label={t(`${k}.term`)} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="contract-term" />
        </Form.Item>
        <Space size={16} wrap style={{ display: 'flex' }}>
          <Form.Item name="slaTier" label={t(`${k}.sla`)}>
            <Select
              style={{ width: 160 }}
              options={SERVICE_SLA_TIERS.map((x) => ({ value: x, label: t(`servicecontracts.tiers.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="visitQuota" label={t(`${k}.quota`)}>
            <InputNumber
              min={0}
              max={10000}
              style={{ width: 200 }}
              placeholder={t(`${k}.quotaPlaceholder`)}
            />
          </Form.Item>
        </Space>
        <Form.Item name="modelIds" label={t(`${k}.models`)}>
          <Select mode="multiple" options={modelOptions} data-testid="contract-models" />
        </Form.Item>
        <Form.Item name="serials" label={t(`${k}.serials`)}>
          <Select
            mode="tags"
            placeholder={t(`${k}.serialsPlaceholder`)}
            options={products.map((p) => ({ value: p.serial, label: `${p.serial} · ${p.modelName}` }))}
            data-testid="contract-serials"
          />
        </Form.Item>
        <Form.Item name="addressIds" label={t(`${k}.sites`)} extra={t(`${k}.coverageHint`)}>
          <Select
            mode="multiple"
            options={(customer.data?.addresses ?? []).map((a) => ({
              value: a.id,
              label: `${a.label} · ${a.detail}`,
            }))}
          />
        </Form.Item>
        <Space size={32} style={{ display: 'flex' }}>
          <Form.Item name="partsCovered" label={t(`${k}.parts`)} valuePropName="checked">
            <Switch data-testid="contract-parts" />
          </Form.Item>
          <Form.Item name="labourCovered" label={t(`${k}.labour`)} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space size={16} wrap style={{ display: 'flex' }}>
          <Form.Item name="priceYuan" label={t(`${k}.price`)} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="contract-price" />
          </Form.Item>
          <Form.Item name="billing" label={t(`${k}.billing`)}>
            <Select
              style={{ width: 160 }}
              options={SERVICE_BILLING_SCHEDULES.map((x) => ({
                value: x,
                label: t(`servicecontracts.billing.${x}`),
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t(`${k}.note`)}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
