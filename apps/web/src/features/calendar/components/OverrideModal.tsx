import { useEffect } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useRemoveOverride, useSetOverride, type CalendarDay } from '../api.ts';
import { kindOf } from './YearGrid.tsx';

interface Values {
  kind: 'workday' | 'offday';
  name: string;
}

/** Set (or remove) this tenant's override of one date; statutory data stays underneath. */
export function OverrideModal({
  day,
  canManage,
  onClose,
}: {
  day: CalendarDay | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const setOverride = useSetOverride();
  const removeOverride = useRemoveOverride();
  const isOverride = day?.source === 'override';

  useEffect(() => {
    if (!day) return;
    setOverride.reset();
    removeOverride.reset();
    form.setFieldsValue({
      kind: isOverride ? (day.workday ? 'workday' : 'offday') : day.workday ? 'offday' : 'workday',
      name: isOverride ? (day.name ?? '') : '',
    });
    // Only when another day is opened.
  }, [day?.date]);

  const submit = async (v: Values) => {
    if (!day) return;
    try {
      await setOverride.mutateAsync({ date: day.date, ...v });
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };
  const remove = async () => {
    if (!day) return;
    await removeOverride.mutateAsync(day.date).then(onClose, () => undefined);
  };

  return (
    <Modal
      open={!!day}
      onCancel={onClose}
      title={
        day ? t('calendar.override.title', { date: dayjs(day.date).format(t('calendar.dateFormat')) }) : null
      }
      destroyOnHidden
      footer={
        canManage ? (
          <Space wrap>
            {isOverride && (
              <Button
                danger
                onClick={remove}
                loading={removeOverride.isPending}
                data-testid="calendar-override-remove"
              >
                {t('calendar.override.remove')}
              </Button>
            )}
            <Button onClick={onClose}>{t('settings.actions.cancel')}</Button>
            <Button
              type="primary"
              onClick={() => form.submit()}
              loading={setOverride.isPending}
              data-testid="calendar-override-save"
            >
              {t('calendar.override.save')}
            </Button>
          </Space>
        ) : (
          <Button onClick={onClose}>{t('settings.actions.close')}</Button>
        )
      }
    >
      {day && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'status',
                label: t('calendar.override.current'),
                children: (
                  <Tag className={`anxin-cal-tag anxin-cal-tag--${kindOf(day)}`}>
                    {t(`calendar.kinds.${kindOf(day)}`)}
                  </Tag>
                ),
              },
              ...(day.name
                ? [{ key: 'name', label: t('calendar.override.holidayName'), children: day.name }]
                : []),
            ]}
          />
          {canManage ? (
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              style={{ marginTop: 16 }}
              requiredMark="optional"
            >
              <Form.Item name="kind" label={t('calendar.override.kind')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'workday', label: t('calendar.override.workday') },
                    { value: 'offday', label: t('calendar.override.offday') },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="name"
                label={t('calendar.override.name')}
                rules={[
                  { required: true, whitespace: true, message: t('calendar.override.nameRequired') },
                  { max: 60 },
                ]}
                extra={t('calendar.override.nameHint')}
              >
                <Input
                  autoFocus
                  maxLength={60}
                  data-testid="calendar-override-name"
                  placeholder={t('calendar.override.namePlaceholder')}
                />
              </Form.Item>
              <Alert type="info" showIcon title={t('calendar.override.auditNote')} />
            </Form>
          ) : (
            <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('calendar.override.readOnly')} />
          )}
          <ProblemAlert error={setOverride.error ?? removeOverride.error} style={{ marginTop: 12 }} />
        </>
      )}
    </Modal>
  );
}
