import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { RECALL_ORDER_TYPES, type Recall, type RecallCriteria, type RecallOrderType } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useCreateRecall, useModels, usePreview, useUpdateRecall } from '../api.ts';

interface Values {
  title: string;
  reason?: string;
  orderType: RecallOrderType;
  modelIds?: string[];
  serialRanges?: { from?: string; to?: string }[];
  batches?: string[];
}

const criteriaOf = (v: Values): RecallCriteria => ({
  modelIds: v.modelIds ?? [],
  serialRanges: (v.serialRanges ?? [])
    .filter((r) => r?.from?.trim() || r?.to?.trim())
    .map((r) => ({ from: (r.from ?? '').trim(), to: (r.to ?? '').trim() })),
  batches: (v.batches ?? []).map((b) => b.trim()).filter(Boolean),
});

/** The recall's terms: models, serial ranges, batches, with the affected count before saving. */
export function RecallDrawer({
  open,
  recall,
  onClose,
}: {
  open: boolean;
  recall: Recall | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const k = 'recalls.form';
  const [form] = Form.useForm<Values>();
  const models = useModels();
  const create = useCreateRecall();
  const update = useUpdateRecall();
  const preview = usePreview();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    preview.reset();
    form.setFieldsValue(
      recall
        ? {
            title: recall.title,
            reason: recall.reason,
            orderType: recall.orderType,
            modelIds: recall.criteria.modelIds,
            serialRanges: recall.criteria.serialRanges,
            batches: recall.criteria.batches,
          }
        : { title: '', reason: '', orderType: 'repair', modelIds: [], serialRanges: [{}], batches: [] },
    );
  }, [open, recall, form]);

  const runPreview = async () => {
    setError(null);
    try {
      await preview.mutateAsync(criteriaOf(form.getFieldsValue(true) as Values));
    } catch (e) {
      setError(e);
    }
  };

  const submit = async (v: Values) => {
    setError(null);
    const body = { title: v.title, reason: v.reason ?? '', orderType: v.orderType, criteria: criteriaOf(v) };
    try {
      if (recall) await update.mutateAsync({ id: recall.id, version: recall.version, ...body });
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
      width={560}
      title={recall ? t(`${k}.editTitle`) : t(`${k}.createTitle`)}
      saving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      saveTestId="recall-save"
      cancelText={t(`${k}.cancel`)}
      saveText={t(`${k}.save`)}
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label={t(`${k}.title`)} rules={[{ required: true }]}>
          <Input maxLength={120} data-testid="recall-title" />
        </Form.Item>
        <Form.Item name="reason" label={t(`${k}.reason`)}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="orderType" label={t(`${k}.orderType`)}>
          <Select
            style={{ width: 200 }}
            options={RECALL_ORDER_TYPES.map((o) => ({ value: o, label: t(`recalls.orderTypes.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="modelIds" label={t(`${k}.models`)} extra={t(`${k}.modelsHint`)}>
          <Select
            mode="multiple"
            loading={models.isPending}
            optionFilterProp="label"
            options={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.modelCode} · ${m.name}` }))}
            data-testid="recall-models"
          />
        </Form.Item>
        <Form.Item label={t(`${k}.ranges`)} extra={t(`${k}.rangeHint`)}>
          <Form.List name="serialRanges">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="center">
                    <Form.Item name={[f.name, 'from']} noStyle>
                      <Input placeholder={t(`${k}.from`)} data-testid={`recall-range-from-${f.name}`} />
                    </Form.Item>
                    <Typography.Text type="secondary">~</Typography.Text>
                    <Form.Item name={[f.name, 'to']} noStyle>
                      <Input placeholder={t(`${k}.to`)} data-testid={`recall-range-to-${f.name}`} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t(`${k}.addRange`)}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="batches" label={t(`${k}.batches`)}>
          <Select
            mode="tags"
            open={false}
            placeholder={t(`${k}.batchesPlaceholder`)}
            data-testid="recall-batches"
          />
        </Form.Item>
        <Flex vertical gap={8}>
          <Button onClick={() => void runPreview()} loading={preview.isPending} data-testid="recall-preview">
            {t(`${k}.preview`)}
          </Button>
          {preview.data && (
            <Alert
              type="info"
              data-testid="recall-preview-result"
              message={t(`${k}.previewResult`, { count: preview.data.count })}
              description={
                preview.data.sample.length
                  ? t(`${k}.previewSample`, { serials: preview.data.sample.map((s) => s.serial).join('、') })
                  : undefined
              }
            />
          )}
        </Flex>
      </Form>
    </FormDrawer>
  );
}
