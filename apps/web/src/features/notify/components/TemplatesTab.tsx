import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  NOTIFY_CHANNELS,
  NOTIFY_LOCALES,
  type NotifyChannel,
  type NotifyLocale,
  type NotifyTemplate,
} from '@anxin/contracts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useNotifyTemplates, usePreviewTemplate, useSaveTemplate } from '../api.ts';
import { eventLabel } from './labels.ts';

interface EventRow {
  event: string;
  customized: number;
}

/** One row per event; the drawer edits one channel × locale at a time with a rendered preview. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const list = useNotifyTemplates();
  const [editing, setEditing] = useState<string | null>(null);
  const rows = useMemo(() => {
    const by = new Map<string, EventRow>();
    for (const x of list.data?.items ?? []) {
      const r = by.get(x.event) ?? { event: x.event, customized: 0 };
      if (x.customized) r.customized++;
      by.set(x.event, r);
    }
    return [...by.values()];
  }, [list.data]);
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<EventRow>
        rowKey="event"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        data-testid="notify-templates"
        columns={[
          { title: t('notify.templates.event'), dataIndex: 'event', render: (e: string) => eventLabel(t, e) },
          {
            title: '',
            dataIndex: 'customized',
            render: (n: number) =>
              n ? (
                <Tag color="blue">{t('notify.templates.customized')}</Tag>
              ) : (
                <Tag>{t('notify.templates.default')}</Tag>
              ),
          },
          {
            title: '',
            key: 'edit',
            align: 'right',
            render: (_, r) => (
              <Button
                size="small"
                onClick={() => setEditing(r.event)}
                data-testid={`notify-template-edit-${r.event}`}
              >
                {t('notify.templates.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing ? (
        <TemplateDrawer
          event={editing}
          templates={(list.data?.items ?? []).filter((x) => x.event === editing)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function TemplateDrawer({
  event,
  templates,
  onClose,
}: {
  event: string;
  templates: NotifyTemplate[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [channel, setChannel] = useState<NotifyChannel>('sms');
  const [locale, setLocale] = useState<NotifyLocale>('zh-CN');
  const current = templates.find((x) => x.channel === channel && x.locale === locale);
  const [form] = Form.useForm<{ subject: string; body: string }>();
  const save = useSaveTemplate();
  const preview = usePreviewTemplate();
  const subject = Form.useWatch('subject', form);
  const body = Form.useWatch('body', form);

  useEffect(() => {
    if (current) form.setFieldsValue({ subject: current.subject, body: current.body });
    save.reset();
  }, [channel, locale, current?.version]);

  useEffect(() => {
    if (!body) return;
    const h = setTimeout(() => preview.mutate({ event, channel, locale, subject: subject ?? '', body }), 300);
    return () => clearTimeout(h);
  }, [event, channel, locale, subject, body]);

  const onSave = async () => {
    const v = await form.validateFields();
    await save.mutateAsync({ event, channel, locale, ...v, version: current?.version ?? 0 });
    message.success(t('notify.saved'));
  };

  return (
    <FormDrawer
      open
      onClose={onClose}
      width={640}
      title={t('notify.templates.editTitle', { event: eventLabel(t, event) })}
      saving={save.isPending}
      onSave={() => void onSave().catch(() => undefined)}
      saveTestId="notify-template-save"
      cancelText={t('notify.cancel')}
      saveText={t('notify.save')}
    >
      <Segmented
        block
        value={channel}
        onChange={(v) => setChannel(v as NotifyChannel)}
        options={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`notify.channels.${c}`) }))}
        data-testid="notify-template-channel"
      />
      <Tabs
        activeKey={locale}
        onChange={(k) => setLocale(k as NotifyLocale)}
        items={NOTIFY_LOCALES.map((l) => ({ key: l, label: t(`notify.locales.${l}`) }))}
      />
      {save.error ? <ProblemAlert error={save.error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="subject" label={t('notify.templates.subject')}>
          <Input maxLength={200} data-testid="notify-template-subject" />
        </Form.Item>
        <Form.Item name="body" label={t('notify.templates.body')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="notify-template-body" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">
        {t('notify.templates.placeholders')}:{' '}
        {(current?.placeholders ?? []).map((p) => (
          <Tag key={p}>{`{{${p}}}`}</Tag>
        ))}
      </Typography.Paragraph>
      <Card size="small" title={t('notify.templates.preview')} data-testid="notify-template-preview">
        {preview.error ? (
          <ProblemAlert error={preview.error} />
        ) : (
          <>
            {preview.data?.subject ? <Typography.Text strong>{preview.data.subject}</Typography.Text> : null}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {preview.data?.body}
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </FormDrawer>
  );
}
