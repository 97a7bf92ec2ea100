import { Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@anxin/contracts';
import type { useOutlets } from '../../api.ts';
import { PROVINCES } from './useTechnicianForm.ts';

/** The technician's own fields: name, phone, outlet or province, tier and start location. */
export function ProfileFields({
  tech,
  hq,
  canPickOutlet,
  outlets,
}: {
  tech: Technician | null;
  hq: boolean;
  canPickOutlet: boolean;
  outlets: ReturnType<typeof useOutlets>;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item
          name="name"
          label={t('network.technicians.name')}
          rules={[{ required: true, message: t('network.common.required') }]}
        >
          <Input autoFocus data-testid="technician-name" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="phone" label={t('network.technicians.phone')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="active" label={t('network.technicians.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      {!hq && (
        <Col span={12}>
          <Form.Item
            name="outletId"
            label={t('network.technicians.outlet')}
            rules={[{ required: true, message: t('network.common.required') }]}
          >
            <Select
              disabled={!canPickOutlet && !!tech}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="technician-outlet"
              options={(outlets.data?.items ?? []).map((o) => ({
                value: o.id,
                label: `${o.code} ${o.name}`,
              }))}
            />
          </Form.Item>
        </Col>
      )}
      <Col span={hq ? 8 : 6}>
        <Form.Item name="tier" label={t('network.technicians.tier')}>
          <Select
            data-testid="technician-tier"
            options={(hq ? [3, 4] : [1, 2]).map((n) => ({
              value: n,
              label: t(`network.tiers.${n}` as 'network.tiers.1'),
            }))}
          />
        </Form.Item>
      </Col>
      {hq && (
        <Col span={8}>
          <Form.Item name="provinceCode" label={t('network.technicians.province')}>
            <Select
              allowClear
              options={PROVINCES.map(([value, label]) => ({ value, label }))}
              data-testid="technician-province"
            />
          </Form.Item>
        </Col>
      )}
      <Col span={hq ? 8 : 6}>
        <Form.Item label={t('network.technicians.startLocation')}>
          <Space.Compact>
            <Form.Item name="startLat" noStyle>
              <InputNumber min={-90} max={90} step={0.001} placeholder="lat" />
            </Form.Item>
            <Form.Item name="startLng" noStyle>
              <InputNumber min={-180} max={180} step={0.001} placeholder="lng" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
    </Row>
  );
}
