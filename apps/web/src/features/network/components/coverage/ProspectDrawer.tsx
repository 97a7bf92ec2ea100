import { useEffect, useState } from 'react';
import { Button, Cascader, Drawer, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../../components/fieldErrors.ts';
import { regionPath, useCategories, useRegions } from '../../../customers/index.ts';
import { networkApi, useNetworkMutation } from '../../api.ts';
import type { ProspectDraft } from './stages.ts';

/** Creates or edits a prospect: region, name, contact, categories, notes. */
export function ProspectDrawer({ state, onClose }: { state: ProspectDraft | null; onClose: () => void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const categories = useCategories();
  const [form] = Form.useForm<{
    region: string[];
    name: string;
    contactName?: string;
    contactPhone?: string;
    categories: string[];
    notes?: string;
  }>();
  const [error, setError] = useState<unknown>(null);
  const p = state?.prospect ?? null;
  const save = useNetworkMutation((body: Record<string, unknown>) =>
    p ? networkApi.updateProspect(p.id, { ...body, version: p.version }) : networkApi.createProspect(body),
  );
  useEffect(() => {
    if (!state) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      p
        ? {
            ...p,
            region: regionPath(p.regionCode),
            contactName: p.contactName ?? '',
            contactPhone: p.contactPhone ?? '',
            notes: p.notes ?? '',
          }
        : {
            region: state.regionCode ? regionPath(state.regionCode) : [],
            categories: state.category ? [state.category] : [],
          },
    );
  }, [state, p, form]);
  return (
    <Drawer
      open={!!state}
      onClose={onClose}
      title={p ? t('network.coverage.editProspect') : t('network.coverage.newProspect')}
      size="default"
      destroyOnHidden
      extra={
        <Button
          type="primary"
          onClick={() => form.submit()}
          loading={save.isPending}
          data-testid="prospect-save"
        >
          {t('network.common.save')}
        </Button>
      }
    >
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        data-testid="prospect-form"
        onFinish={async (v) => {
          setError(null);
          try {
            await save.mutateAsync({
              regionCode: v.region[v.region.length - 1],
              name: v.name,
              contactName: v.contactName || null,
              contactPhone: v.contactPhone || null,
              categories: v.categories ?? [],
              notes: v.notes || null,
            });
            onClose();
          } catch (e) {
            const { unmatched } = applyFieldErrors(form, e, { regionCode: 'region' });
            if (unmatched || !(e as { errors?: unknown[] }).errors?.length) setError(e);
          }
        }}
      >
        <Form.Item
          name="name"
          label={t('network.coverage.prospectName')}
          rules={[{ required: true, message: t('network.common.required') }]}
        >
          <Input autoFocus data-testid="prospect-name" />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('network.coverage.prospectRegion')}
          rules={[{ required: true, message: t('network.common.required') }]}
        >
          <Cascader options={regions.data} changeOnSelect showSearch data-testid="prospect-region" />
        </Form.Item>
        <Form.Item name="categories" label={t('network.coverage.category')}>
          <Select
            mode="multiple"
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.nameZh }))}
          />
        </Form.Item>
        <Form.Item name="contactName" label={t('network.outlets.contactName')}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('network.outlets.contactPhone')}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label={t('network.coverage.notes')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
