import { useEffect, useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import type { MaintenancePlan } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useCategories } from '../../customers/index.ts';
import { useCreatePlan, useModels, useUpdatePlan } from '../api.ts';

interface Values {
  name: string;
  targetKind: 'model' | 'category';
  modelId?: string;
  categoryCode?: string;
  intervalMonths?: number | null;
  intervalHours?: number | null;
  leadDays?: number | null;
  checklist: string[];
  partsKit: { partCode: string; quantity: number }[];
  active: boolean;
}

/** Creates or edits a plan: a model or a category, the interval in months, lead days, checklist, kit. */
export function PlanDrawer({
  open,
  plan,
  defaultLead,
  onClose,
}: {
  open: boolean;
  plan: MaintenancePlan | null;
  defaultLead: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const models = useModels();
  const categories = useCategories();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('targetKind', form) ?? 'model';
  const en = i18n.language === 'en-US';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      plan
        ? {
            name: plan.name,
            targetKind: plan.modelId ? 'model' : 'category',
            modelId: plan.modelId ?? undefined,
            categoryCode: plan.categoryCode ?? undefined,
            intervalMonths: plan.intervalMonths,
            intervalHours: plan.intervalHours,
            leadDays: plan.leadDays,
            checklist: plan.checklist,
            partsKit: plan.partsKit,
            active: plan.active,
          }
        : {
            name: '',
            targetKind: 'model',
            intervalMonths: 12,
            intervalHours: null,
            leadDays: null,
            checklist: [''],
            partsKit: [],
            active: true,
          },
    );
  }, [open, plan, form]);

  const submit = async (v: Values) => {
    setError(null);
    const body = {
      name: v.name,
      modelId: v.targetKind === 'model' ? (v.modelId ?? null) : null,
      categoryCode: v.targetKind === 'category' ? (v.categoryCode ?? null) : null,
      intervalMonths: v.intervalMonths ?? null,
      intervalHours: v.intervalHours ?? null,
      leadDays: v.leadDays ?? null,
      checklist: v.checklist,
      partsKit: v.partsKit,
      active: v.active,
    };
    try {
      if (plan) await update.mutateAsync({ id: plan.id, version: plan.version, ...body });
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
      title={plan ? t('maintenance.editor.editTitle') : t('maintenance.editor.createTitle')}
      saving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      saveTestId="maintenance-save"
      cancelText={t('maintenance.editor.cancel')}
      saveText={t('maintenance.editor.save')}
    >
      <Flex vertical gap={12}>
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={t('maintenance.editor.name')} rules={[{ required: true }]}>
            <Input maxLength={80} data-testid="maintenance-name" />
          </Form.Item>
          <Form.Item name="targetKind" label={t('maintenance.editor.targetKind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'model', label: t('maintenance.editor.byModel') },
                { value: 'category', label: t('maintenance.editor.byCategory') },
              ]}
            />
          </Form.Item>
          {kind === 'model' ? (
            <Form.Item name="modelId" label={t('maintenance.editor.model')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={models.isPending}
                data-testid="maintenance-model"
                options={(models.data ?? []).map((m) => ({
                  value: m.id,
                  label: `${m.modelCode} · ${m.name}`,
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="categoryCode"
              label={t('maintenance.editor.category')}
              rules={[{ required: true }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={categories.isPending}
                options={(categories.data?.items ?? []).map((c) => ({
                  value: c.code,
                  label: en ? c.nameEn : c.nameZh,
                }))}
              />
            </Form.Item>
          )}
          <Flex gap={12}>
            <Form.Item
              name="intervalMonths"
              label={t('maintenance.editor.intervalMonths')}
              dependencies={['intervalHours']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    v || getFieldValue('intervalHours')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('maintenance.editor.intervalRequired'))),
                }),
              ]}
              style={{ flex: 1 }}
            >
              <InputNumber min={1} max={120} style={{ width: '100%' }} data-testid="maintenance-interval" />
            </Form.Item>
            <Form.Item
              name="intervalHours"
              label={t('maintenance.editor.intervalHours')}
              extra={t('maintenance.editor.hoursNote')}
              style={{ flex: 1 }}
            >
              <InputNumber min={1} max={100000} style={{ width: '100%' }} data-testid="maintenance-hours" />
            </Form.Item>
            <Form.Item name="leadDays" label={t('maintenance.editor.leadDays')} style={{ flex: 1 }}>
              <InputNumber
                min={0}
                max={180}
                style={{ width: '100%' }}
                placeholder={t('maintenance.editor.leadPlaceholder', { n: defaultLead })}
              />
            </Form.Item>
          </Flex>
          <Typography.Text strong>{t('maintenance.editor.checklist')}</Typography.Text>
          <Form.List name="checklist">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4} style={{ marginTop: 8, marginBottom: 16 }}>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item
                      name={f.name}
                      rules={[{ required: true }]}
                      style={{ flex: 1, marginBottom: 8 }}
                    >
                      <Input
                        maxLength={200}
                        placeholder={t('maintenance.editor.checklistItem', { n: i + 1 })}
                        data-testid={`maintenance-check-${i}`}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('maintenance.editor.remove')}
                      onClick={() => remove(f.name)}
                    />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('maintenance.editor.addItem')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Typography.Text strong>{t('maintenance.editor.kit')}</Typography.Text>
          <Form.List name="partsKit">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4} style={{ marginTop: 8, marginBottom: 16 }}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item
                      name={[f.name, 'partCode']}
                      rules={[{ required: true }]}
                      style={{ flex: 2, marginBottom: 8 }}
                    >
                      <Input maxLength={40} placeholder={t('maintenance.editor.partCode')} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'quantity']}
                      rules={[{ required: true }]}
                      style={{ flex: 1, marginBottom: 8 }}
                    >
                      <InputNumber
                        min={1}
                        max={999}
                        placeholder={t('maintenance.editor.quantity')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('maintenance.editor.remove')}
                      onClick={() => remove(f.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ partCode: '', quantity: 1 })}
                >
                  {t('maintenance.editor.addPart')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Form.Item name="active" label={t('maintenance.editor.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Flex>
    </FormDrawer>
  );
}
