import { useEffect, useState } from 'react';
import type { ButtonProps } from 'antd';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  NOTIFY_EVENT_KEYS,
  NOTIFY_LOCALES,
  type NotifyChannel,
  type NotifyChannels,
  type NotifyLocale,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSaveSetting, useSetting } from '../../settings/index.ts';
import { useSendTest } from '../api.ts';
import { eventLabel } from './labels.ts';

const KEY = 'notify.channels';

/** A secret field: the server sends the mask for a stored secret and keeps it when the mask comes back. */
function Secret({ name, label }: { name: (string | number)[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} extra={t('notify.secretHint')}>
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}

/** The `notify.channels` setting as one form, a card per channel, each with its test button. */
export function ChannelsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setting = useSetting<NotifyChannels>(KEY);
  const save = useSaveSetting();
  const [form] = Form.useForm<NotifyChannels>();
  const [testing, setTesting] = useState<NotifyChannel | null>(null);
  const provider = Form.useWatch(['sms', 'provider'], form);

  useEffect(() => {
    if (setting.data) form.setFieldsValue(setting.data.value);
  }, [setting.data, form]);

  const onSave = async () => {
    const value = await form.validateFields();
    await save.mutateAsync({
      key: KEY,
      value: { ...setting.data!.value, ...value },
      version: setting.data!.version,
    });
    message.success(t('notify.saved'));
  };

  const card = (ch: NotifyChannel, body: React.ReactNode) => (
    <Card
      key={ch}
      size="small"
      title={t(`notify.channels.${ch}`)}
      extra={
        <Flex gap={8} align="center">
          {ch !== 'log' ? (
            <Form.Item name={[ch, 'enabled']} valuePropName="checked" noStyle>
              <Switch
                checkedChildren={t('notify.enabled')}
                unCheckedChildren={t('notify.disabled')}
                data-testid={`notify-enabled-${ch}`}
              />
            </Form.Item>
          ) : null}
          <Button size="small" onClick={() => setTesting(ch)} data-testid={`notify-test-${ch}`}>
            {t('notify.test.button')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t(`notify.channelHints.${ch}`)}</Typography.Paragraph>
      {body}
    </Card>
  );

  if (setting.error) return <ProblemAlert error={setting.error} />;
  return (
    <Form form={form} layout="vertical" disabled={!setting.data?.writable}>
      <Flex vertical gap={12}>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {card('log', null)}
        {card(
          'sms',
          <>
            <Form.Item name={['sms', 'provider']} label={t('notify.fields.provider')}>
              <Radio.Group
                options={(['aliyun', 'tencent'] as const).map((p) => ({
                  value: p,
                  label: t(`notify.fields.providers.${p}`),
                }))}
              />
            </Form.Item>
            <Form.Item name={['sms', 'signName']} label={t('notify.fields.signName')}>
              <Input maxLength={40} />
            </Form.Item>
            {provider === 'tencent' ? (
              <>
                <Form.Item name={['sms', 'tencent', 'secretId']} label={t('notify.fields.secretId')}>
                  <Input />
                </Form.Item>
                <Secret name={['sms', 'tencent', 'secretKey']} label={t('notify.fields.secretKey')} />
                <Form.Item name={['sms', 'tencent', 'sdkAppId']} label={t('notify.fields.sdkAppId')}>
                  <Input />
                </Form.Item>
              </>
            ) : (
              <>
                <Form.Item name={['sms', 'aliyun', 'accessKeyId']} label={t('notify.fields.accessKeyId')}>
                  <Input />
                </Form.Item>
                <Secret
                  name={['sms', 'aliyun', 'accessKeySecret']}
                  label={t('notify.fields.accessKeySecret')}
                />
              </>
            )}
            <Typography.Text strong>{t('notify.fields.templateCodes')}</Typography.Text>
            {NOTIFY_EVENT_KEYS.map((e) => (
              <Form.Item key={e} name={['sms', 'templateCodes', e]} label={eventLabel(t, e)}>
                <Input maxLength={60} style={{ maxWidth: 240 }} />
              </Form.Item>
            ))}
          </>,
        )}
        {card(
          'email',
          <>
            <Flex gap={12}>
              <Form.Item name={['email', 'host']} label={t('notify.fields.host')} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
              <Form.Item name={['email', 'port']} label={t('notify.fields.port')}>
                <InputNumber min={1} max={65535} />
              </Form.Item>
            </Flex>
            <Form.Item name={['email', 'secure']} valuePropName="checked">
              <Switch
                checkedChildren={t('notify.fields.secure')}
                unCheckedChildren={t('notify.fields.secure')}
              />
            </Form.Item>
            <Form.Item name={['email', 'user']} label={t('notify.fields.user')}>
              <Input autoComplete="off" />
            </Form.Item>
            <Secret name={['email', 'password']} label={t('notify.fields.password')} />
            <Form.Item name={['email', 'from']} label={t('notify.fields.from')}>
              <Input />
            </Form.Item>
          </>,
        )}
        {card(
          'wecom',
          <>
            <Secret name={['wecom', 'webhookUrl']} label={t('notify.fields.webhookUrl')} />
            <Form.Item name={['wecom', 'format']} label={t('notify.fields.format')}>
              <Radio.Group
                options={(['markdown', 'text'] as const).map((f) => ({
                  value: f,
                  label: t(`notify.fields.formats.${f}`),
                }))}
              />
            </Form.Item>
          </>,
        )}
        {card(
          'dingtalk',
          <>
            <Secret name={['dingtalk', 'webhookUrl']} label={t('notify.fields.webhookUrl')} />
            <Secret name={['dingtalk', 'secret']} label={t('notify.fields.secret')} />
          </>,
        )}
        <Form.Item name="robotEvents" label={t('notify.fields.robotEvents')}>
          <Select
            mode="multiple"
            options={NOTIFY_EVENT_KEYS.map((e) => ({ value: e, label: eventLabel(t, e) }))}
          />
        </Form.Item>
        <div>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => void onSave().catch(() => undefined)}
            data-testid="notify-channels-save"
          >
            {t('notify.save')}
          </Button>
        </div>
      </Flex>
      {testing ? <TestModal channel={testing} onClose={() => setTesting(null)} /> : null}
    </Form>
  );
}

function TestModal({ channel, onClose }: { channel: NotifyChannel; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendTest();
  const [to, setTo] = useState('');
  const [locale, setLocale] = useState<NotifyLocale>('zh-CN');
  const robot = channel === 'wecom' || channel === 'dingtalk';
  const onOk = async () => {
    await send.mutateAsync({ channel, to, locale });
    message.success(t('notify.test.queued'));
    onClose();
  };
  return (
    <Modal
      open
      title={`${t('notify.test.button')} · ${t(`notify.channels.${channel}`)}`}
      okText={t('notify.test.send')}
      cancelText={t('notify.cancel')}
      confirmLoading={send.isPending}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'notify-test-send' } as ButtonProps}
    >
      <Flex vertical gap={12}>
        {send.error ? <ProblemAlert error={send.error} /> : null}
        {robot ? (
          <Typography.Text type="secondary">{t('notify.test.robot')}</Typography.Text>
        ) : (
          <Input
            value={to}
            onChange={(e) => setTo(e.target.value)}
            placeholder={channel === 'email' ? t('notify.test.toEmail') : t('notify.test.toPhone')}
            data-testid="notify-test-to"
          />
        )}
        <Radio.Group
          value={locale}
          onChange={(e) => setLocale(e.target.value as NotifyLocale)}
          options={NOTIFY_LOCALES.map((l) => ({ value: l, label: t(`notify.locales.${l}`) }))}
        />
      </Flex>
    </Modal>
  );
}
