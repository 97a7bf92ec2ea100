import { useEffect } from 'react';
import { Alert, Button, Cascader, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useCreateCustomer } from '../api.ts';
import { useRegions } from '../regions.ts';

interface Values {
  name: string;
  phone: string;
  tier: 'standard' | 'vip' | 'key_account';
  region?: string[];
  detail?: string;
}

/** Registers a caller nobody matched: name and phone, optionally the service address. */
export function QuickCreateCustomer({
  initialQuery,
  onCreated,
  onCancel,
}: {
  initialQuery: string;
  onCreated: (c: CustomerDetail) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCustomer();
  const regions = useRegions();
  const looksLikePhone = /^[\d+\- ]{5,}$/.test(initialQuery.trim());

  useEffect(() => {
    form.setFieldsValue(
      looksLikePhone
        ? { phone: initialQuery.trim(), name: undefined }
        : { name: initialQuery.trim(), phone: undefined },
    );
  }, [initialQuery]);

  const submit = async (v: Values) => {
    const region = v.region ?? [];
    try {
      const res = await create.mutateAsync({
        name: v.name,
        tier: v.tier,
        phones: [{ phone: v.phone, label: 'mobile', isPrimary: true }],
        addresses:
          region.length === 3 && v.detail
            ? [
                {
                  label: 'home',
                  provinceCode: region[0]!,
                  cityCode: region[1]!,
                  districtCode: region[2]!,
                  detail: v.detail,
                  lat: null,
                  lng: null,
                  isDefault: true,
                },
              ]
            : [],
      });
      onCreated({ ...res.customer, products: res.customer.products ?? [] });
    } catch (e) {
      applyFieldErrors(form, e, {
        'phones.0.phone': 'phone',
        'addresses.0.detail': 'detail',
        'addresses.0.districtCode': 'region',
        'addresses.0.cityCode': 'region',
        'addresses.0.provinceCode': 'region',
      });
    }
  };

  return (
    <div className="anxin-quick-customer" data-testid="quick-create-customer">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <UserAddOutlined /> {t('customers.create.title')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ tier: 'standard' }}
        requiredMark="optional"
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('customers.create.name')}
              rules={[
                { required: true, whitespace: true, message: t('customers.create.nameRequired') },
                { max: 80 },
              ]}
            >
              <Input autoFocus={looksLikePhone} data-testid="quick-customer-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('customers.create.phone')}
              rules={[{ required: true, whitespace: true, message: t('customers.create.phoneRequired') }]}
            >
              <Input autoFocus={!looksLikePhone} inputMode="tel" data-testid="quick-customer-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tier" label={t('customers.create.tier')}>
          <Radio.Group
            optionType="button"
            options={(['standard', 'vip', 'key_account'] as const).map((v) => ({
              value: v,
              label: t(`customers.tiers.${v}`),
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="region" label={t('customers.create.region')}>
              <Cascader
                options={regions.data}
                loading={regions.isPending}
                showSearch
                placeholder={t('customers.create.regionPlaceholder')}
                data-testid="quick-customer-region"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="detail"
              label={t('customers.create.detail')}
              dependencies={['region']}
              rules={[
                ({ getFieldValue }) => ({
                  required: (getFieldValue('region') ?? []).length > 0,
                  message: t('customers.create.detailRequired'),
                }),
              ]}
            >
              <Input
                placeholder={t('customers.create.detailPlaceholder')}
                data-testid="quick-customer-detail"
              />
            </Form.Item>
          </Col>
        </Row>
        {create.data?.duplicates.length ? (
          <Alert type="warning" showIcon title={t('customers.create.duplicates')} />
        ) : null}
        <ProblemAlert error={create.error} style={{ marginBottom: 12 }} />
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            data-testid="quick-customer-submit"
          >
            {t('customers.create.submit')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('settings.actions.cancel')}</Button>}
        </Space>
      </Form>
    </div>
  );
}
