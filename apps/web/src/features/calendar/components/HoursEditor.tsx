import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Space, Switch, TimePicker, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSetHours, type BusinessHours, type Interval } from '../api.ts';

type Range = [Dayjs, Dayjs];
const toRange = (i: Interval): Range => [
  dayjs().startOf('day').add(i.start, 'minute'),
  dayjs().startOf('day').add(Math.min(i.end, 1439), 'minute'),
];
const minutes = (d: Dayjs) => d.hour() * 60 + d.minute();
const fromRange = ([a, b]: Range): Interval => ({
  start: minutes(a),
  end: minutes(b) === 1439 ? 1440 : minutes(b),
});
export const formatInterval = (i: Interval) =>
  `${String(Math.floor(i.start / 60)).padStart(2, '0')}:${String(i.start % 60).padStart(2, '0')}–${String(Math.floor(i.end / 60)).padStart(2, '0')}:${String(i.end % 60).padStart(2, '0')}`;

function Intervals({
  value,
  onChange,
  disabled,
  testId,
}: {
  value: Range[];
  onChange: (v: Range[]) => void;
  disabled: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {value.map((r, i) => (
        <Space key={i}>
          <TimePicker.RangePicker
            format="HH:mm"
            minuteStep={5}
            value={r}
            allowClear={false}
            disabled={disabled}
            order
            onChange={(v) =>
              v?.[0] && v[1] && onChange(value.map((x, j) => (j === i ? ([v[0], v[1]] as Range) : x)))
            }
          />
          {!disabled && value.length > 1 && (
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('calendar.hours.removeInterval')}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            />
          )}
        </Space>
      ))}
      {!disabled && value.length < 6 && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...value, toRange({ start: 18 * 60 + 30, end: 20 * 60 })])}
        >
          {t('calendar.hours.addInterval')}
        </Button>
      )}
    </Flex>
  );
}

function weekdayRanges(hours: BusinessHours): Record<string, Range[] | null> {
  const w: Record<string, Range[] | null> = {};
  for (let d = 1; d <= 7; d++) w[d] = hours.byWeekday[d] ? hours.byWeekday[d]!.map(toRange) : null;
  return w;
}

/** Business hours (Asia/Shanghai): one standard day, optionally different hours per weekday. */
export function HoursEditor({ hours, canManage }: { hours: BusinessHours; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetHours();
  // Initialised from the props on the first render (no empty first paint to click into), reset
  // below when the saved hours come back from the server.
  const [standard, setStandard] = useState<Range[]>(() => hours.standard.map(toRange));
  const [byWeekday, setByWeekday] = useState<Record<string, Range[] | null>>(() => weekdayRanges(hours));
  const [dirty, setDirty] = useState(false);
  const weekdayNames = t('calendar.weekdaysLong').split(',');

  useEffect(() => {
    setStandard(hours.standard.map(toRange));
    setByWeekday(weekdayRanges(hours));
    setDirty(false);
  }, [hours]);

  const onSave = async () => {
    const body: BusinessHours = { standard: standard.map(fromRange), byWeekday: {} };
    for (const [d, v] of Object.entries(byWeekday)) if (v) body.byWeekday[d] = v.map(fromRange);
    await save.mutateAsync(body).then(
      () => {
        message.success(t('calendar.hours.saved'));
        setDirty(false);
      },
      () => undefined,
    );
  };

  return (
    <Card
      title={t('calendar.hours.title')}
      data-testid="calendar-hours"
      extra={
        canManage && (
          <Button
            type="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={onSave}
            data-testid="calendar-hours-save"
          >
            {t('settings.actions.save')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('calendar.hours.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('calendar.hours.standard')}>
          <Intervals
            value={standard}
            disabled={!canManage}
            testId="calendar-hours-standard"
            onChange={(v) => {
              setStandard(v);
              setDirty(true);
            }}
          />
        </Form.Item>
        <Typography.Text strong>{t('calendar.hours.byWeekday')}</Typography.Text>
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          {weekdayNames.map((name, i) => {
            const d = String(i + 1);
            const custom = byWeekday[d];
            return (
              <Flex key={d} gap={12} align="flex-start" wrap className="anxin-hours-row">
                <Space style={{ width: 150 }}>
                  <Switch
                    size="small"
                    checked={!!custom}
                    disabled={!canManage}
                    aria-label={t('calendar.hours.customFor', { day: name })}
                    onChange={(on) => {
                      setByWeekday({ ...byWeekday, [d]: on ? standard.map((r) => [...r] as Range) : null });
                      setDirty(true);
                    }}
                  />
                  <span>{name}</span>
                </Space>
                {custom ? (
                  <Intervals
                    value={custom}
                    disabled={!canManage}
                    testId={`calendar-hours-weekday-${d}`}
                    onChange={(v) => {
                      setByWeekday({ ...byWeekday, [d]: v });
                      setDirty(true);
                    }}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('calendar.hours.sameAsStandard')}</Typography.Text>
                )}
              </Flex>
            );
          })}
        </Flex>
      </Form>
      {dirty && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('calendar.hours.unsaved')} />
      )}
      <ProblemAlert error={save.error} style={{ marginTop: 12 }} />
    </Card>
  );
}
