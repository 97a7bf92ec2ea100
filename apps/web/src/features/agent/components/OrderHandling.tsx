import { Button, DatePicker, Flex, Form, Input, Radio, Space, Switch, Tag, Typography } from 'antd';
import { BookOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { OrderValues, WindowValue } from '../orderRequest.ts';

type SlotOption = { value: string; label: string };

/** Up to five visit windows the caller would like: a date and one of the offered slots each. */
function PreferredWindows({ slotOptions }: { slotOptions: readonly SlotOption[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<OrderValues>();
  return (
    <Form.Item label={t('agent.form.windows')} extra={t('agent.form.windowsHint')}>
      <Form.List name="windows">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} data-testid="order-windows">
            {fields.map((field, i) => (
              <Space key={field.key} wrap align="start">
                <Form.Item
                  name={[field.name, 'date']}
                  noStyle
                  rules={[{ required: true, message: t('agent.form.dateRequired') }]}
                >
                  <DatePicker
                    disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                    placeholder={t('agent.form.date')}
                    data-testid={`order-window-date-${i}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'slot']}
                  noStyle
                  rules={[{ required: true, message: t('agent.form.slotRequired') }]}
                >
                  <Radio.Group
                    optionType="button"
                    data-testid={`order-window-slot-${i}`}
                    options={[...slotOptions]}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('agent.form.removeWindow')}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            {fields.length < 5 && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => {
                  // Each new slot starts the day after the last one: callers usually offer a few days.
                  const last = (form.getFieldValue('windows') as WindowValue[] | undefined)?.at(-1)?.date;
                  add({ date: (last ?? dayjs()).add(1, 'day'), slot: slotOptions[0]?.value });
                }}
                data-testid="order-add-window"
              >
                {t('agent.form.addWindow')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/**
 * How the call ends: resolved on the phone (with the guidance given), or the caller's preferred
 * visit windows, optionally agreeing the first one as the appointment.
 */
export function OrderHandling({ slotOptions }: { slotOptions: readonly SlotOption[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<OrderValues>();
  const remote = Form.useWatch('remoteResolved', form);
  const windows = Form.useWatch('windows', form) as WindowValue[] | undefined;
  const articleTitle = Form.useWatch('knowledgeArticleTitle', form) as string | undefined;
  return (
    <>
      {/* Two named choices, not a switch: a switch's "off" label reads like a state it is not in. */}
      <Form.Item name="remoteResolved" style={{ marginBottom: remote ? 8 : 16 }}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: false, label: <span data-testid="order-needs-visit">{t('agent.form.remoteOff')}</span> },
            {
              value: true,
              label: <span data-testid="order-remote-resolved">{t('agent.form.remoteOn')}</span>,
            },
          ]}
        />
      </Form.Item>
      <Form.Item name="knowledgeArticleId" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="knowledgeArticleTitle" hidden>
        <Input />
      </Form.Item>
      {remote && articleTitle && (
        <Space style={{ marginBottom: 8 }} data-testid="order-knowledge-article">
          <Tag icon={<BookOutlined />} color="blue">
            {t('knowledge.suggest.used', { title: articleTitle })}
          </Tag>
          <Button
            size="small"
            type="link"
            onClick={() =>
              form.setFieldsValue({ knowledgeArticleId: undefined, knowledgeArticleTitle: undefined })
            }
          >
            {t('knowledge.suggest.clear')}
          </Button>
        </Space>
      )}
      {remote ? (
        <Form.Item
          name="guidance"
          label={t('agent.form.guidance')}
          rules={[
            { required: true, whitespace: true, message: t('agent.form.guidanceRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('agent.form.guidancePlaceholder')}
            data-testid="order-guidance"
          />
        </Form.Item>
      ) : (
        <PreferredWindows slotOptions={slotOptions} />
      )}
      {!remote && (windows?.length ?? 0) > 0 && (
        <Space style={{ marginBottom: 16 }}>
          <Form.Item name="agreeFirstWindow" valuePropName="checked" noStyle>
            <Switch
              size="small"
              data-testid="order-agree-window"
              aria-label={t('agent.form.agreeFirstWindow')}
            />
          </Form.Item>
          <Typography.Text>{t('agent.form.agreeFirstWindow')}</Typography.Text>
        </Space>
      )}
    </>
  );
}
