import { Skeleton, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SlotState, TechnicianSlots } from '@anxin/contracts';

export interface SlotPick {
  technicianId: string;
  date: string;
  /** The slot key `HH:MM-HH:MM`. */
  slot: string;
}

const COLOURS: Record<SlotState, string> = {
  free: '#d9f7be',
  busy: '#ffccc7',
  off: '#f5f5f5',
  past: '#fafafa',
};

/**
 * 空闲时段: each technician's offered visit slots over the next days. A free cell picks the
 * technician, the date and the slot in one click; busy cells name the order holding them.
 */
export function SlotCalendar({
  data,
  loading,
  picked,
  eligible,
  onPick,
}: {
  data: TechnicianSlots | undefined;
  loading: boolean;
  picked: SlotPick | null;
  /** Technicians who may take the order (the ranking's verdict); others cannot be picked. */
  eligible: ReadonlySet<string>;
  onPick: (p: SlotPick) => void;
}) {
  const { t } = useTranslation();
  if (loading || !data) return <Skeleton active paragraph={{ rows: 3 }} />;
  const slotKey = (s: { start: string; end: string }) => `${s.start}-${s.end}`;
  return (
    <div style={{ overflowX: 'auto' }} data-testid="slot-calendar">
      <table className="anxin-slot-calendar">
        <thead>
          <tr>
            <th rowSpan={2} />
            {data.dates.map((d) => (
              <th key={d} colSpan={data.slots.length}>
                {dayjs(d).format('MM-DD')} {t(`outlet.slots.weekday.d${dayjs(d).day()}`)}
              </th>
            ))}
          </tr>
          <tr>
            {data.dates.flatMap((d) =>
              data.slots.map((s) => (
                <th key={`${d}-${s.start}`} className="anxin-slot-calendar__slot">
                  {s.start.slice(0, 2)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {data.technicians.map((tech) => (
            <tr key={tech.technicianId}>
              <th scope="row" className="anxin-slot-calendar__name">
                <Typography.Text ellipsis>{tech.name}</Typography.Text>
              </th>
              {tech.cells.flatMap((day, di) =>
                day.map((cell, si) => {
                  const date = data.dates[di]!;
                  const slot = slotKey(data.slots[si]!);
                  const pickable = cell.state === 'free' && eligible.has(tech.technicianId);
                  const chosen =
                    picked?.technicianId === tech.technicianId &&
                    picked.date === date &&
                    picked.slot === slot;
                  const label =
                    cell.state === 'busy'
                      ? t('outlet.slots.busy', { number: cell.orderNo })
                      : t(`outlet.slots.${cell.state}`);
                  return (
                    <td key={`${di}-${si}`}>
                      <Tooltip
                        title={`${tech.name} · ${date} ${data.slots[si]!.start}–${data.slots[si]!.end} · ${label}`}
                      >
                        <button
                          type="button"
                          aria-label={`${tech.name} ${date} ${slot} ${label}`}
                          data-testid={`slot-${tech.name}-${date}-${data.slots[si]!.start}`}
                          data-state={cell.state}
                          disabled={!pickable}
                          onClick={() => onPick({ technicianId: tech.technicianId, date, slot })}
                          style={{
                            background: COLOURS[cell.state],
                            outline: chosen ? '2px solid #1677ff' : undefined,
                            cursor: pickable ? 'pointer' : 'default',
                          }}
                        />
                      </Tooltip>
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('outlet.slots.legend')}
      </Typography.Text>
    </div>
  );
}
