import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Radio,
  Segmented,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleFilled, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { SuggestionReason, TechnicianSuggestion } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import {
  BUSINESS_TZ,
  bj,
  formatWindow,
  slotAt,
  slotKey,
  slotWindow,
  useSlotOptions,
} from '../../workorders/index.ts';
import { useSuggestions, useTechnicianSlots, useTransitionTo, type Window } from '../api.ts';
import { ruleMessage } from './rules.ts';
import { SlotCalendar, type SlotPick } from './SlotCalendar.tsx';

export interface AssignTarget {
  id: string;
  number: string;
  status: string;
  version: number;
  technicianId: string | null;
  appointment: Window | null;
}

function ReasonTags({ reasons }: { reasons: SuggestionReason[] }) {
  const { t } = useTranslation();
  const bad = new Set([
    'no_skill',
    'unavailable',
    'inactive',
    'double_booked',
    'cert_expired',
    'no_certification',
  ]);
  const good = new Set(['available', 'certified']);
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((r, i) => (
        <Tag key={`${r.code}-${i}`} color={bad.has(r.code) ? 'red' : good.has(r.code) ? 'green' : 'default'}>
          {t(`outlet.assign.reasons.${r.code}`, r.params)}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * Assign a technician from the ranked suggestions and agree the visit window in one action (one
 * transition: both or neither): the window drives the suggestions (who is on shift and free
 * then), the calendar shows everyone's free slots, conflicts come back inline. An order already
 * assigned is only scheduled here (with its technician).
 */
export function AssignDrawer({
  order,
  onClose,
  onDone,
}: {
  order: AssignTarget | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const visitSlots = useSlotOptions();
  // The key of one of the offered visit slots (`09:00-12:00`).
  const [slot, setSlot] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const window = useMemo(
    () => (date && slot ? slotWindow(date.format('YYYY-MM-DD'), slot) : null),
    [date, slot],
  );
  const slotOf = (iso: string): string | null => {
    const s = slotAt(visitSlots.slots, iso);
    return s ? slotKey(s) : null;
  };
  const firstSlot = visitSlots.options[0]?.value ?? null;
  const suggestions = useSuggestions(order?.id ?? null, window);
  const calendar = useTechnicianSlots(order?.id ?? null);
  const move = useTransitionTo();
  const fixedTech = order?.status === 'assigned' ? order.technicianId : null;

  useEffect(() => {
    setPicked(null);
    move.reset();
    if (order?.appointment) {
      setDate(bj(order.appointment.start));
      setSlot(slotOf(order.appointment.start));
    } else {
      setDate(null);
      setSlot(null);
    }
  }, [order?.id]);

  // Without an agreed window the server proposes the customer's preferred one (unless it has
  // passed); else tomorrow morning.
  useEffect(() => {
    if (!order || date || !suggestions.data) return;
    const proposed = suggestions.data.window;
    const w = proposed && dayjs(proposed.end).isAfter(dayjs()) ? proposed : null;
    setDate(w ? bj(w.start) : dayjs().tz(BUSINESS_TZ).add(1, 'day'));
    setSlot(w ? slotOf(w.start) : firstSlot);
  }, [suggestions.data, order?.id]);

  // The slots may load after the drawer opened: fill the slot in once they do.
  useEffect(() => {
    if (!order || slot || !date) return;
    setSlot(order.appointment ? slotOf(order.appointment.start) : firstSlot);
  }, [visitSlots.slots, order?.id, date]);

  const items = suggestions.data?.items ?? [];
  useEffect(() => {
    if (fixedTech) setPicked(fixedTech);
    // While a new window's suggestions load, the pick (e.g. from the calendar) stands.
    else if (!suggestions.data) return;
    else if (!picked || !items.some((i) => i.technicianId === picked && i.eligible))
      setPicked(items.find((i) => i.eligible)?.technicianId ?? null);
  }, [suggestions.data, fixedTech]);

  const chosen = items.find((i) => i.technicianId === picked) ?? null;
  const rule = ruleMessage(t, move.error);
  // In the calendar anyone qualified may be picked: the slot itself is free by the booking rules.
  const pickable = new Set(
    (calendar.data?.technicians ?? [])
      .filter((c) => c.qualified && (!fixedTech || c.technicianId === fixedTech))
      .map((c) => c.technicianId),
  );
  const pickSlot = (p: SlotPick) => {
    setDate(dayjs.tz(p.date, BUSINESS_TZ));
    setSlot(p.slot);
    if (!fixedTech) setPicked(p.technicianId);
  };
  const calendarPick =
    picked && date && slot ? { technicianId: picked, date: date.format('YYYY-MM-DD'), slot } : null;

  const confirm = async () => {
    if (!order || !picked || !window) return;
    // One transition: from 网点已接单 it assigns and books together, so a refusal changes nothing.
    const s = await move
      .mutateAsync({
        id: order.id,
        to: 'scheduled',
        version: order.version,
        appointment: window,
        ...(fixedTech ? {} : { technicianId: picked }),
      })
      .catch(() => null);
    if (!s) return;
    onDone(t('outlet.assign.done', { name: chosen?.name ?? '', window: formatWindow(window) }));
    onClose();
  };

  const renderItem = (s: TechnicianSuggestion) => (
    <Flex
      key={s.technicianId}
      className="anxin-assign-item"
      data-testid={`assign-tech-${s.name}`}
      data-eligible={s.eligible}
      gap={12}
      align="flex-start"
      style={{
        padding: 12,
        borderRadius: 8,
        border: `1px solid ${picked === s.technicianId ? '#1677ff' : '#f0f0f0'}`,
        cursor: fixedTech || !s.eligible ? 'default' : 'pointer',
        opacity: s.eligible ? 1 : 0.6,
      }}
      onClick={() => !fixedTech && s.eligible && setPicked(s.technicianId)}
    >
      <Radio value={s.technicianId} disabled={!s.eligible || (!!fixedTech && s.technicianId !== fixedTech)} />
      <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Space size={8} wrap>
          <Typography.Text strong>{s.name}</Typography.Text>
          {s.eligible ? (
            <Tag icon={<CheckCircleFilled />} color="success">
              {t('outlet.assign.eligible')}
            </Tag>
          ) : (
            <Tag icon={<StopOutlined />} color="error">
              {t('outlet.assign.ineligible')}
            </Tag>
          )}
        </Space>
        <ReasonTags reasons={s.reasons} />
      </Flex>
    </Flex>
  );

  return (
    <Drawer
      open={!!order}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={order && t('outlet.assign.title', { number: order.number })}
      data-testid="assign-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('settings.actions.cancel')}</Button>
          <Button
            type="primary"
            disabled={!picked || !window || !chosen?.eligible}
            loading={move.isPending}
            onClick={() => void confirm()}
            data-testid="assign-confirm"
          >
            {fixedTech ? t('outlet.assign.scheduleOnly') : t('outlet.assign.confirm')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('outlet.assign.window')}</Typography.Text>
          <Flex gap={8} wrap>
            <DatePicker
              value={date}
              onChange={(d) => setDate(d)}
              allowClear={false}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              aria-label={t('outlet.assign.date')}
              data-testid="assign-date"
            />
            <Segmented<string>
              value={slot ?? firstSlot ?? undefined}
              onChange={(v) => setSlot(v)}
              data-testid="assign-slot"
              options={visitSlots.options}
            />
          </Flex>
        </Flex>
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('outlet.slots.title')}</Typography.Text>
          <SlotCalendar
            data={calendar.data}
            loading={calendar.isPending}
            picked={calendarPick}
            eligible={pickable}
            onPick={pickSlot}
          />
        </Flex>
        {rule ? (
          <Alert type="error" showIcon data-testid="assign-error" title={rule} />
        ) : (
          <ProblemAlert error={move.error ?? suggestions.error} />
        )}
        <Typography.Text strong>{t('outlet.assign.suggestions')}</Typography.Text>
        {suggestions.isPending ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description={t('outlet.assign.noSuggestions')} />
        ) : (
          <Radio.Group
            value={picked}
            onChange={(e) =>
              !fixedTech &&
              items.some((i) => i.technicianId === e.target.value && i.eligible) &&
              setPicked(e.target.value as string)
            }
            style={{ width: '100%' }}
          >
            <Flex vertical gap={8}>
              {items.map(renderItem)}
            </Flex>
          </Radio.Group>
        )}
      </Flex>
    </Drawer>
  );
}
