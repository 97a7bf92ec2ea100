import { useEffect, useState } from 'react';
import { App, Cascader, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_EVENT_KINDS, type CommunityEventKind } from '@anxin/contracts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useRegions } from '../../customers/index.ts';
import { useCreateEvent } from '../api.ts';

interface Values {
  title: string;
  kind: CommunityEventKind;
  startsAt: Dayjs;
  place: string;
  region?: string[];
  capacity: number;
}

/** Creates a draft event: title, kind, time, place and region, capacity. */
export function EventDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvent();
  const regions = useRegions();
  const [error, setError] = useState<unknown>(null);
  const k = 'community.event';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await create.mutateAsync({
        title: v.title,
        kind: v.kind,
        startsAt: v.startsAt.toISOString(),
        place: v.place,
        regionCode: v.region?.length === 3 ? v.region[2]! : null,
        capacity: v.capacity,
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
      width={520}
      title={t(`${k}.drawerTitle`)}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="event-save"
      cancelText={t(`${k}.cancel`)}
      saveText={t(`${k}.save`)}
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'seminar', capacity: 30 }}>
        <Form.Item name="title" label={t(`${k}.title`)} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="event-title" />
        </Form.Item>
        <Form.Item name="kind" label={t(`${k}.kind`)}>
          <Select
            options={COMMUNITY_EVENT_KINDS.map((c) => ({ value: c, label: t(`community.eventKind.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="startsAt" label={t(`${k}.startsAt`)} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="event-starts" />
        </Form.Item>
        <Form.Item name="place" label={t(`${k}.place`)} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="event-place" />
        </Form.Item>
        <Form.Item name="region" label={t(`${k}.region`)}>
          <Cascader options={regions.data} loading={regions.isPending} showSearch />
        </Form.Item>
        <Form.Item name="capacity" label={t(`${k}.capacity`)} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} data-testid="event-capacity" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
