import { useEffect, useState } from 'react';
import { App, Button, Cascader, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Outlet } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { regionPath, useCategories, useRegions } from '../../customers/index.ts';
import { networkApi, useNetworkMutation, useParentOutlets } from '../api.ts';

interface FormValues {
  code: string;
  name: string;
  type: 'self_built' | 'entrusted';
  kind: 'outlet' | 'dealer' | 'regional_agent';
  parentId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  region: string[];
  address: string;
  lat: number | null;
  lng: number | null;
  dailyCapacity: number;
  grade: 'A' | 'B' | 'C' | 'D';
  serviceAreas: string[][];
  categories: string[];
}

/** Create or edit an outlet: address by region cascader, service areas at any level, categories. */
export function OutletDrawer({
  outlet,
  open,
  onClose,
}: {
  outlet: Outlet | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const regions = useRegions();
  const categories = useCategories();
  const parents = useParentOutlets();
  const [error, setError] = useState<unknown>(null);
  const save = useNetworkMutation((body: Record<string, unknown>) =>
    outlet
      ? networkApi.updateOutlet(outlet.id, { ...body, version: outlet.version })
      : networkApi.createOutlet(body),
  );

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (outlet)
      form.setFieldsValue({
        ...outlet,
        region: [outlet.provinceCode, outlet.cityCode, outlet.districtCode],
        serviceAreas: outlet.serviceAreas.map((a) => regionPath(a.code)),
      });
    else
      form.setFieldsValue({
        type: 'entrusted',
        kind: 'outlet',
        grade: 'B',
        dailyCapacity: 20,
        serviceAreas: [],
        categories: [],
      });
  }, [open, outlet, form]);

  const submit = async (v: FormValues) => {
    setError(null);
    const [provinceCode, cityCode, districtCode] = v.region ?? [];
    const body: Record<string, unknown> = {
      name: v.name,
      type: v.type,
      kind: v.kind,
      parentId: v.parentId ?? null,
      contactName: v.contactName || null,
      contactPhone: v.contactPhone || null,
      provinceCode,
      cityCode,
      districtCode,
      address: v.address,
      lat: v.lat ?? null,
      lng: v.lng ?? null,
      dailyCapacity: v.dailyCapacity,
      grade: v.grade,
      serviceAreas: v.serviceAreas.map((p) => p[p.length - 1]!),
      categories: v.categories,
    };
    if (!outlet) body.code = v.code;
    try {
      await save.mutateAsync(body);
      message.success(t('network.outlets.saved'));
      onClose();
    } catch (e) {
      const { unmatched } = applyFieldErrors(form, e, {
        provinceCode: 'region',
        cityCode: 'region',
        districtCode: 'region',
      });
      if (unmatched || !(e as { errors?: unknown[] }).errors?.length) setError(e);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={outlet ? t('network.outlets.editTitle', { name: outlet.name }) : t('network.outlets.create')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('network.common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="outlet-save"
          >
            {t('network.common.save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert error={error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="outlet-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('network.outlets.code')}
              rules={[{ required: true, message: t('network.common.required') }]}
            >
              <Input disabled={!!outlet} autoFocus={!outlet} data-testid="outlet-code" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t('network.outlets.name')}
              rules={[{ required: true, message: t('network.common.required') }]}
            >
              <Input data-testid="outlet-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="type" label={t('network.outlets.type')}>
              <Select
                data-testid="outlet-type"
                options={(['self_built', 'entrusted'] as const).map((v) => ({
                  value: v,
                  label: t(`network.types.${v}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t('network.outlets.kind')}>
              <Select
                options={(['outlet', 'dealer', 'regional_agent'] as const).map((v) => ({
                  value: v,
                  label: t(`network.kinds.${v}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="grade" label={t('network.outlets.grade')}>
              <Select options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parentId" label={t('network.outlets.parent')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(parents.data ?? [])
                  .filter((p) => p.id !== outlet?.id)
                  .map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dailyCapacity" label={t('network.outlets.capacity')}>
              <InputNumber min={0} max={10000} style={{ width: '100%' }} data-testid="outlet-capacity" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactName" label={t('network.outlets.contactName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={t('network.outlets.contactPhone')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="region"
              label={t('network.outlets.region')}
              rules={[{ required: true, message: t('network.common.required') }]}
            >
              <Cascader options={regions.data} showSearch data-testid="outlet-region" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="address"
              label={t('network.outlets.address')}
              rules={[{ required: true, message: t('network.common.required') }]}
            >
              <Input data-testid="outlet-address" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lat" label={t('network.outlets.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lng" label={t('network.outlets.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="serviceAreas"
              label={t('network.outlets.serviceAreas')}
              extra={t('network.outlets.serviceAreasHint')}
              rules={[{ required: true, message: t('network.common.required') }]}
            >
              <Cascader
                options={regions.data}
                multiple
                changeOnSelect
                showSearch
                showCheckedStrategy={Cascader.SHOW_PARENT}
                data-testid="outlet-areas"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="categories"
              label={t('network.outlets.categories')}
              rules={[{ required: true, message: t('network.common.required') }]}
            >
              <Select
                mode="multiple"
                data-testid="outlet-categories"
                options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.nameZh }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
