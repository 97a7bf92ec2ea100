import type { DragEvent } from 'react';
import { Tag, Tooltip, Typography } from 'antd';
import { PushpinFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoutePlanView } from '@anxin/contracts';
import { bj } from '../time.ts';

type Route = RoutePlanView['routes'][number];
type Job = RoutePlanView['jobs'][number];
type Technician = RoutePlanView['technicians'][number];

/** The visible day: 08:00–20:00 local, in minutes since midnight. */
export const AXIS_START = 8 * 60;
export const AXIS_END = 20 * 60;
const SPAN = AXIS_END - AXIS_START;
const HOURS = Array.from({ length: SPAN / 60 + 1 }, (_, i) => AXIS_START / 60 + i);

const pct = (minute: number) =>
  `${((Math.min(Math.max(minute, AXIS_START), AXIS_END) - AXIS_START) / SPAN) * 100}%`;

export interface TimelineProps {
  dayStart: string;
  technicians: Technician[];
  jobs: Map<string, Job>;
  routes: Route[];
  /** Orders with a feasibility problem, with the message to show. */
  problems: Map<string, string[]>;
  techProblems: Map<string, string[]>;
  selected: string | null;
  onSelect: (orderId: string) => void;
  /** A job dropped on a technician's row at a minute of the day. */
  onDrop: (orderId: string, technicianId: string, minute: number) => void;
  editable: boolean;
}

/** Rows = technicians, blocks = visits on a 08:00–20:00 axis, hatched bars = travel before each visit. */
export function PlanTimeline(props: TimelineProps) {
  const { t } = useTranslation();
  const dayStartMs = Date.parse(props.dayStart);
  const minuteOf = (iso: string) => (Date.parse(iso) - dayStartMs) / 60_000;
  const byTech = new Map(props.routes.map((r) => [r.technicianId, r]));

  const drop = (techId: string) => (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    const orderId = e.dataTransfer.getData('text/plain');
    if (!orderId) return;
    const box = e.currentTarget.getBoundingClientRect();
    const minute = AXIS_START + ((e.clientX - box.left) / Math.max(1, box.width)) * SPAN;
    props.onDrop(orderId, techId, minute);
  };

  return (
    <div className="route-plan-timeline" aria-label={t('routing.axis')}>
      <div className="route-plan-row route-plan-axis">
        <div className="route-plan-name" />
        <div className="route-plan-track">
          {HOURS.map((h) => (
            <span key={h} className="route-plan-hour" style={{ left: pct(h * 60) }}>
              {String(h).padStart(2, '0')}:00
            </span>
          ))}
        </div>
      </div>
      {props.technicians.map((tech) => {
        const route = byTech.get(tech.id);
        const shift = tech.shift;
        const techProblems = props.techProblems.get(tech.id) ?? [];
        return (
          <div
            key={tech.id}
            className="route-plan-row"
            data-testid={`plan-row-${tech.name}`}
            onDragOver={(e) => props.editable && e.preventDefault()}
            onDrop={props.editable ? drop(tech.id) : undefined}
          >
            <div className="route-plan-name">
              <Typography.Text strong>{tech.name}</Typography.Text>
              <div>
                {tech.dropped && <Tag color="default">{t('routing.dropped')}</Tag>}
                {!tech.dropped && !shift && <Tag>{t('routing.offDuty')}</Tag>}
                {route && (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid="plan-row-travel"
                    data-minutes={Math.round(route.travelMinutes)}
                  >
                    {route.distanceKm} km · {Math.round(route.travelMinutes)} min
                  </Typography.Text>
                )}
              </div>
              {techProblems.map((p) => (
                <Typography.Text key={p} type="danger" style={{ fontSize: 12, display: 'block' }}>
                  {p}
                </Typography.Text>
              ))}
            </div>
            <div className={`route-plan-track${techProblems.length ? ' route-plan-track-bad' : ''}`}>
              {HOURS.map((h) => (
                <span key={h} className="route-plan-gridline" style={{ left: pct(h * 60) }} />
              ))}
              {shift ? (
                <div
                  className="route-plan-shift"
                  style={{
                    left: pct(minuteOf(shift.start)),
                    width: `calc(${pct(minuteOf(shift.end))} - ${pct(minuteOf(shift.start))})`,
                  }}
                />
              ) : null}
              {route?.stops.map((s) => {
                const job = props.jobs.get(s.orderId);
                const start = minuteOf(s.start);
                const end = minuteOf(s.end);
                const arrival = minuteOf(s.arrival);
                const travelFrom = arrival - s.travelMinutes;
                const problems = props.problems.get(s.orderId) ?? [];
                const label = job?.number ?? s.orderId;
                const tip = (
                  <div>
                    <div>{label}</div>
                    {job?.customer && <div>{job.customer}</div>}
                    {job?.address && <div>{job.address}</div>}
                    <div>
                      {t('routing.planned')}: {bj(s.start).format('HH:mm')}–{bj(s.end).format('HH:mm')}
                    </div>
                    {job?.windows.map((w) => (
                      <div key={w.start}>
                        {t('routing.customerWindow')}: {bj(w.start).format('HH:mm')}–
                        {bj(w.end).format('HH:mm')}
                      </div>
                    ))}
                    <div>
                      {t('routing.window')}: {bj(s.proposedWindow.start).format('HH:mm')}–
                      {bj(s.proposedWindow.end).format('HH:mm')}
                    </div>
                    <div>{t('routing.travel', { minutes: Math.round(s.travelMinutes) })}</div>
                    {s.lateMinutes > 0 && (
                      <div>{t('routing.late', { minutes: Math.round(s.lateMinutes) })}</div>
                    )}
                    {job?.fixed && <div>{t('routing.fixed')}</div>}
                    {problems.map((p) => (
                      <div key={p}>⚠ {p}</div>
                    ))}
                  </div>
                );
                return (
                  <div key={s.orderId}>
                    {s.travelMinutes > 0 && (
                      <div
                        className="route-plan-travel"
                        style={{
                          left: pct(travelFrom),
                          width: `calc(${pct(arrival)} - ${pct(travelFrom)})`,
                        }}
                      />
                    )}
                    <Tooltip title={tip}>
                      <div
                        role="button"
                        tabIndex={0}
                        draggable={props.editable && !job?.fixed}
                        onDragStart={(e) => e.dataTransfer.setData('text/plain', s.orderId)}
                        onClick={() => props.onSelect(s.orderId)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            props.onSelect(s.orderId);
                          }
                        }}
                        data-testid={`plan-job-${label}`}
                        data-fixed={job?.fixed ? 'true' : 'false'}
                        data-invalid={problems.length ? 'true' : 'false'}
                        data-late={s.lateMinutes > 0 ? 'true' : 'false'}
                        data-start={bj(s.start).format('HH:mm')}
                        data-window={(job?.windows.length ? job.windows : [s.proposedWindow])
                          .map((w) => `${bj(w.start).format('HH:mm')}-${bj(w.end).format('HH:mm')}`)
                          .join(',')}
                        className={[
                          'route-plan-job',
                          job?.fixed ? 'route-plan-job-fixed' : '',
                          problems.length ? 'route-plan-job-bad' : '',
                          s.lateMinutes > 0 ? 'route-plan-job-late' : '',
                          props.selected === s.orderId ? 'route-plan-job-selected' : '',
                        ].join(' ')}
                        style={{ left: pct(start), width: `calc(${pct(end)} - ${pct(start)})` }}
                      >
                        <div className="route-plan-job-line">
                          {job?.fixed && <PushpinFilled aria-label={t('routing.fixed')} />} {label.slice(-4)}
                          {job?.customer && <span className="route-plan-job-who"> {job.customer}</span>}
                        </div>
                        {job?.address && <div className="route-plan-job-where">{job.address}</div>}
                      </div>
                    </Tooltip>
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
