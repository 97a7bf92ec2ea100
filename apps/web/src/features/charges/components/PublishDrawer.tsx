import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PriceList } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { toFen } from '../../../components/money.ts';
import { usePublishPriceList } from '../api.ts';

interface Values {
  effectiveFrom: Dayjs;
  note?: string;
  labour: { code: string; nameZh: string; nameEn?: string; categoryCode?: string; amountYuan: number }[];
  callout: { minKm: number; maxKm?: number | null; amountYuan: number }[];
}

/** Publishes a new price-list version, prefilled from the latest one; older versions stay as they were. */
export function PublishDrawer({
  open,
  base,
  onClose,
}: {
  open: boolean;
  base: PriceList | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const publish = usePublishPriceList();

  useEffect(() => {
    if (!open) return;
    publish.reset();
    form.setFieldsValue({
      effectiveFrom: dayjs().add(1, 'day'),
      note: '',
      labour: (base?.labour ?? []).map((l) => ({
        code: l.code,
        nameZh: l.nameZh,
        nameEn: l.nameEn,
        categoryCode: l.categoryCode ?? '',
        amountYuan: l.amountFen / 100,
      })),
      callout: (base?.callout ?? []).map((b) => ({
        minKm: b.minKm,
        maxKm: b.maxKm,
        amountYuan: b.amountFen / 100,
      })),
    });
  }, [open]);

  const submit = (v: Values) =>
    publish.mutate(
      {
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        note: v.note?.trim() ?? '',
        labour: v.labour.map((l) => ({
          code: l.code.trim(),
          nameZh: l.nameZh.trim(),
          nameEn: l.nameEn?.trim() ?? '',
          categoryCode: l.categoryCode?.trim() || null,
          amountFen: toFen(l.amountYuan),
        })),
        callout: v.callout.map((b) => ({
          minKm: b.minKm,
          maxKm: b.maxKm ?? null,
          amountFen: toFen(b.amountYuan),
        })),
      },
      {
        onSuccess: () => {
          message.success(t('charges.publish.done'));
          onClose();
        },
      },
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={t('charges.publish.title')}
      extra={
        <Button
          type="primary"
          loading={publish.isPending}
          onClick={() => form.submit()}
          data-testid="price-publish-ok"
        >
          {t('charges.publish.save')}
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Flex gap={16}>
          <Form.Item
            name="effectiveFrom"
            label={t('charges.publish.effectiveFrom')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('charges.publish.note')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('charges.priceList.labour')}</Typography.Title>
        <Form.List name="labour">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={6} align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('charges.publish.code')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'nameZh']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('charges.publish.nameZh')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'nameEn']}>
                    <Input placeholder={t('charges.publish.nameEn')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'categoryCode']}>
                    <Input placeholder={t('charges.publish.category')} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountYuan']} rules={[{ required: true }]}>
                    <InputNumber min={0} precision={2} prefix="¥" style={{ width: 110 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('charges.remove')}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} size="small" onClick={() => add({ amountYuan: 0 })}>
                {t('charges.publish.addLabour')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('charges.priceList.callout')}
        </Typography.Title>
        <Form.List name="callout">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'minKm']} rules={[{ required: true }]}>
                    <InputNumber
                      min={0}
                      precision={0}
                      addonBefore={t('charges.publish.fromKm')}
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxKm']}>
                    <InputNumber
                      min={1}
                      precision={0}
                      addonBefore={t('charges.publish.toKm')}
                      placeholder="∞"
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountYuan']} rules={[{ required: true }]}>
                    <InputNumber min={0} precision={2} prefix="¥" style={{ width: 110 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('charges.remove')}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} size="small" onClick={() => add({ amountYuan: 0 })}>
                {t('charges.publish.addBand')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {publish.error && <ProblemAlert error={publish.error} />}
    </Drawer>
  );
}
