import { useEffect, useState } from 'react';
import { App, Cascader, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { REFERRAL_CHANNELS, type ReferralChannel } from '@anxin/contracts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useCategories, useCategoryName, useRegions } from '../../customers/index.ts';
import { useCreateReferral } from '../api.ts';
import { CustomerSelect } from './CustomerSelect.tsx';

interface Values {
  referrerId: string;
  name: string;
  phone: string;
  region?: string[];
  interestCategory?: string;
  channel: ReferralChannel;
  note?: string;
  reward: boolean;
}

/** Records a referral: the referring customer (picker), the referred person, channel, reward. */
export function ReferralDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateReferral();
  const regions = useRegions();
  const categories = useCategories();
  const categoryName = useCategoryName();
  const [error, setError] = useState<unknown>(null);
  const k = 'community.referral';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await create.mutateAsync({
        referrerId: v.referrerId,
        name: v.name,
        phone: v.phone,
        regionCode: v.region?.length === 3 ? v.region[2]! : null,
        interestCategory: v.interestCategory ?? null,
        channel: v.channel,
        note: v.note ?? '',
        reward: v.reward,
      });
      message.success(t(`${k}.saved`));
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
      title={t(`${k}.drawerTitle`)}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="referral-save"
      cancelText={t(`${k}.cancel`)}
      saveText={t(`${k}.save`)}
    >
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'phone', reward: false }}
      >
        <Form.Item name="referrerId" label={t(`${k}.referrer`)} rules={[{ required: true }]}>
          <CustomerSelect placeholder={t(`${k}.referrerPlaceholder`)} testId="referral-referrer" />
        </Form.Item>
        <Form.Item name="name" label={t(`${k}.name`)} rules={[{ required: true }]}>
          <Input maxLength={50} data-testid="referral-name" />
        </Form.Item>
        <Form.Item name="phone" label={t(`${k}.phone`)} rules={[{ required: true }]}>
          <Input maxLength={12} data-testid="referral-phone" />
        </Form.Item>
        <Form.Item name="region" label={t(`${k}.region`)}>
          <Cascader options={regions.data} loading={regions.isPending} showSearch />
        </Form.Item>
        <Form.Item name="interestCategory" label={t(`${k}.interest`)}>
          <Select
            allowClear
            options={(categories.data?.items ?? []).map((c) => ({
              value: c.code,
              label: categoryName(c.code),
            }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t(`${k}.channel`)}>
          <Select
            options={REFERRAL_CHANNELS.map((c) => ({ value: c, label: t(`community.channel.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t(`${k}.note`)}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="reward" label={t(`${k}.reward`)} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
