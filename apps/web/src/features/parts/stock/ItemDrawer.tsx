import { useEffect } from 'react';
import { App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PART_KINDS, type PartItem, type PartKind, type ProductModel } from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCreateItem, usePatchItem } from '../api/stock.ts';
import { toFen } from './format.ts';

interface Values {
  code: string;
  nameZh: string;
  nameEn?: string;
  kind: PartKind;
  partClass?: string;
  unit: string;
  serialized: boolean;
  /** Prices typed in yuan with two decimals; sent in fen. */
  listPrice: number | null;
  costPrice: number | null;
  warrantyClaimable: boolean;
  universal: boolean;
  modelIds: string[];
  discontinueOn: string | null;
}

/** Server paths in fen → the yuan fields of the form. */
const PATHS = { listPriceFen: 'listPrice', costPriceFen: 'costPrice' };

const toValues = (i: PartItem | null): Values =>
  i
    ? {
        code: i.code,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        kind: i.kind,
        partClass: i.partClass,
        unit: i.unit,
        serialized: i.serialized,
        listPrice: i.listPriceFen / 100,
        costPrice: i.costPriceFen / 100,
        warrantyClaimable: i.warrantyClaimable,
        universal: i.universal,
        modelIds: i.modelIds,
        discontinueOn: i.discontinueOn,
      }
    : {
        code: '',
        nameZh: '',
        nameEn: '',
        kind: 'part',
        partClass: '',
        unit: '个',
        serialized: false,
        listPrice: null,
        costPrice: null,
        warrantyClaimable: true,
        universal: false,
        modelIds: [],
        discontinueOn: null,
      };

/** Creates an item, or edits one at its version (the code is the item's identity and stays). */
export function ItemDrawer({
  item,
  open,
  models,
  onClose,
}: {
  item: PartItem | null;
  open: boolean;
  models: ProductModel[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateItem();
  const patch = usePatchItem();
  const pending = create.isPending || patch.isPending;
  const error = item ? patch.error : create.error;
  const universal = Form.useWatch('universal', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toValues(item));
    create.reset();
    patch.reset();
  }, [open, item]);

  const submit = (v: Values) => {
    const body = {
      nameZh: v.nameZh.trim(),
      nameEn: (v.nameEn ?? '').trim(),
      kind: v.kind,
      partClass: (v.partClass ?? '').trim(),
      unit: v.unit.trim(),
      serialized: v.serialized,
      listPriceFen: toFen(v.listPrice ?? 0),
      costPriceFen: toFen(v.costPrice ?? 0),
      warrantyClaimable: v.warrantyClaimable,
      universal: v.universal,
      modelIds: v.universal ? [] : v.modelIds,
      discontinueOn: v.discontinueOn ?? null,
    };
    const done = {
      onSuccess: () => {
        message.success(t('parts.stock.catalog.saved'));
        onClose();
      },
      onError: (e: unknown) => applyFieldErrors(form, e, PATHS),
    };
    if (item) patch.mutate({ id: item.id, patch: { ...body, version: item.version } }, done);
    else create.mutate({ ...body, code: v.code.trim() }, done);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={
        item ? t('parts.stock.catalog.editTitle', { code: item.code }) : t('parts.stock.catalog.newTitle')
      }
      extra={
        <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="parts-item-save">
          {t('parts.stock.save')}
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={toValues(item)}>
        <Flex gap={12}>
          <Form.Item
            name="code"
            label={t('parts.fields.code')}
            style={{ flex: 1 }}
            rules={[{ required: true, max: 40, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/ }]}
          >
            <Input disabled={!!item} data-testid="parts-item-code" />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('parts.fields.kind')}
            style={{ width: 140 }}
            rules={[{ required: true }]}
          >
            <Select options={PART_KINDS.map((k) => ({ value: k, label: t(`parts.kinds.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="nameZh" label={t('parts.fields.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="parts-item-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('parts.fields.nameEn')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="partClass"
            label={t('parts.fields.partClass')}
            style={{ flex: 1 }}
            rules={[{ max: 40 }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="unit"
            label={t('parts.fields.unit')}
            style={{ width: 120 }}
            rules={[{ required: true, max: 10 }]}
          >
            <Input maxLength={10} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item
            name="listPrice"
            label={t('parts.stock.catalog.listPriceYuan')}
            style={{ flex: 1 }}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={0}
              max={10_000_000}
              precision={2}
              step={0.01}
              style={{ width: '100%' }}
              data-testid="parts-item-list-price"
            />
          </Form.Item>
          <Form.Item
            name="costPrice"
            label={t('parts.stock.catalog.costPriceYuan')}
            style={{ flex: 1 }}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={0}
              max={10_000_000}
              precision={2}
              step={0.01}
              style={{ width: '100%' }}
              data-testid="parts-item-cost-price"
            />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="warrantyClaimable" valuePropName="checked">
            <Checkbox>{t('parts.fields.warrantyClaimable')}</Checkbox>
          </Form.Item>
          <Form.Item name="serialized" valuePropName="checked">
            <Checkbox>{t('parts.fields.serialized')}</Checkbox>
          </Form.Item>
          <Form.Item name="universal" valuePropName="checked">
            <Checkbox data-testid="parts-item-universal">{t('parts.fields.universal')}</Checkbox>
          </Form.Item>
        </Flex>
        <Form.Item
          name="modelIds"
          label={t('parts.fields.models')}
          rules={[{ required: !universal, type: 'array', min: universal ? 0 : 1 }]}
        >
          <Select
            mode="multiple"
            allowClear
            disabled={!!universal}
            optionFilterProp="label"
            placeholder={universal ? t('parts.stock.catalog.universal') : undefined}
            options={models.map((m) => ({ value: m.id, label: `${m.modelCode} ${m.name}` }))}
            data-testid="parts-item-models"
          />
        </Form.Item>
        <Form.Item
          name="discontinueOn"
          label={t('parts.fields.discontinueOn')}
          getValueProps={(v: string | null) => ({ value: v ? dayjs(v) : null })}
          normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
        >
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
      {error && <ProblemAlert error={error} />}
    </Drawer>
  );
}
