import { useEffect } from 'react';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PriceListView, QuoteDraft } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { toFen, yuan } from '../../../components/money.ts';

interface Values {
  labour: { code?: string; qty: number }[];
  noCallout: boolean;
  calloutKm?: number | null;
  parts: { itemId?: string; qty: number }[];
  discountYuan?: number | null;
  discountReason?: string;
}

export interface DraftTarget {
  mode: 'create' | 'edit' | 'revise';
  initial?: QuoteDraft | undefined;
}

/**
 * Builds a quote from the published price list: service items, distance for the call-out fee,
 * parts and quantities, a discount with its reason. Prices are the server's (明码标价).
 */
export function QuoteDraftDialog({
  target,
  prices,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  target: DraftTarget | null;
  prices: PriceListView | undefined;
  pending: boolean;
  error: unknown;
  onSubmit: (d: QuoteDraft) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const [form] = Form.useForm<Values>();
  const noCallout = Form.useWatch('noCallout', form);

  useEffect(() => {
    if (!target) return;
    const d = target.initial;
    form.resetFields();
    form.setFieldsValue({
      labour: d?.labour.length ? d.labour : [{ code: undefined, qty: 1 }],
      noCallout: d ? d.calloutKm === null : false,
      calloutKm: d?.calloutKm ?? null,
      parts: d?.parts ?? [],
      discountYuan: d && d.discountFen ? d.discountFen / 100 : null,
      discountReason: d?.discountReason ?? '',
    });
  }, [target]);

  useEffect(() => {
    if (error) applyFieldErrors(form, error, { discountFen: 'discountYuan' });
  }, [error]);

  const services = new Map<string, string>();
  for (const l of prices?.current?.labour ?? [])
    if (!services.has(l.code) || l.categoryCode === null)
      services.set(l.code, en && l.nameEn ? l.nameEn : l.nameZh);

  const submit = (v: Values) =>
    onSubmit({
      labour: v.labour.filter((l) => l.code).map((l) => ({ code: l.code!, qty: l.qty })),
      calloutKm: v.noCallout ? null : (v.calloutKm ?? 0),
      parts: v.parts.filter((p) => p.itemId).map((p) => ({ itemId: p.itemId!, qty: p.qty })),
      discountFen: toFen(v.discountYuan ?? 0),
      discountReason: v.discountReason?.trim() ?? '',
    });

  return (
    <Modal
      open={!!target}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={640}
      title={t(`charges.draft.title.${target?.mode ?? 'create'}`)}
      okText={t('charges.draft.save')}
      cancelText={t('charges.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'quote-draft-ok' } as ButtonProps}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="quote-draft-form">
        <Form.List name="labour">
          {(fields, { add, remove }) => (
            <Form.Item label={t('charges.draft.labour')}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'code']} style={{ flex: 1 }}>
                    <Select
                      data-testid={`quote-labour-${f.name}`}
                      placeholder={t('charges.draft.pickService')}
                      options={[...services].map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'qty']} initialValue={1}>
                    <InputNumber min={1} max={99} precision={0} style={{ width: 80 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('charges.remove')}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ qty: 1 })} size="small">
                {t('charges.draft.addService')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Flex gap={16} align="center">
          <Form.Item name="calloutKm" label={t('charges.draft.distance')}>
            <InputNumber
              min={0}
              max={10_000}
              precision={0}
              disabled={!!noCallout}
              addonAfter={t('charges.km')}
              data-testid="quote-km"
            />
          </Form.Item>
          <Form.Item name="noCallout" valuePropName="checked" style={{ marginTop: 30 }}>
            <Checkbox>{t('charges.draft.noCallout')}</Checkbox>
          </Form.Item>
        </Flex>
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <Form.Item label={t('charges.draft.parts')}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'itemId']} style={{ flex: 1 }}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      data-testid={`quote-part-${f.name}`}
                      placeholder={t('charges.draft.pickPart')}
                      options={(prices?.parts ?? []).map((p) => ({
                        value: p.itemId,
                        label: `${p.code} ${en && p.nameEn ? p.nameEn : p.nameZh} ¥${yuan(p.listPriceFen)}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'qty']} initialValue={1}>
                    <InputNumber min={1} max={999} precision={0} style={{ width: 80 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('charges.remove')}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ qty: 1 })}
                size="small"
                data-testid="quote-add-part"
              >
                {t('charges.draft.addPart')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Flex gap={16}>
          <Form.Item name="discountYuan" label={t('charges.draft.discount')}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="discountReason" label={t('charges.draft.discountReason')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
      </Form>
      {!!error && <ProblemAlert error={error} />}
    </Modal>
  );
}
