import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';
import { SLA_METRICS, SLA_STATES } from './workorder-vocab.ts';

/**
 * 工作台 (issue #22): the signed-in user's to-dos, SLA alarms and a few figures with a daily
 * series, each linking to the list it counts. Which to-dos a user gets follows his roles and
 * permissions; every count is taken in his data scope, the same way the linked list is.
 */
export const WORKBENCH_TODOS = [
  /** Orders registered and not yet accepted (agent). */
  'orders_new',
  /** Orders waiting to be sent to an outlet (dispatcher). */
  'orders_awaiting_dispatch',
  /** Orders offered to an outlet and not yet accepted (dispatcher: pending; outlet: to accept). */
  'offers_pending',
  'offers_to_accept',
  /** Orders an outlet turned down (returned to the dispatcher). */
  'orders_returned',
  /** Accepted by the outlet, no appointment yet. */
  'orders_to_schedule',
  /** Orders whose SLA clock is breached. */
  'orders_overdue',
  /** The technician's jobs of today (field app). */
  'jobs_today',
  /** Callback tasks due by the end of today (quality). */
  'callbacks_due',
  /** Complaints not closed. */
  'complaints_open',
  /** Statements of last month waiting for the outlet's confirmation. */
  'statements_to_confirm',
  /** Statements confirmed by outlets, waiting for finance's approval. */
  'statements_to_approve',
  /** Statements an outlet disputed. */
  'statements_disputed',
  /** Part requests waiting for the warehouse's signature. */
  'parts_to_approve',
  /** Returned old parts signed for and waiting for inspection. */
  'old_parts_to_inspect',
] as const;
export type WorkbenchTodoKey = (typeof WORKBENCH_TODOS)[number];

export const WORKBENCH_KPIS = [
  'orders_created',
  'orders_closed',
  'closed_on_time',
  /** Callbacks with a verdict that were satisfied (回访满意率). */
  'callback_satisfaction',
] as const;
export type WorkbenchKpiKey = (typeof WORKBENCH_KPIS)[number];

export const WorkbenchTodoSchema = z.object({
  key: z.enum(WORKBENCH_TODOS),
  count: z.number().int().min(0),
  /** The linked list shows at most this many; the count is "at least". */
  capped: z.boolean(),
  /** The web route with the list's filter query, e.g. `/workorders?status=new`. */
  link: storedText(),
});
export type WorkbenchTodo = z.infer<typeof WorkbenchTodoSchema>;

export const WorkbenchAlarmSchema = z.object({
  orderId: IdSchema,
  number: storedText(),
  customerName: storedText().nullable(),
  /** breached, or at_risk: due within the SLA policy's warning share of its budget. */
  state: z.enum(SLA_STATES),
  /** The clock that is due first (first contact, response, arrival, resolution). */
  metric: z.enum(SLA_METRICS).nullable(),
  dueAt: IsoInstantSchema.nullable(),
  link: storedText(),
});
export type WorkbenchAlarm = z.infer<typeof WorkbenchAlarmSchema>;

export const WorkbenchKpiSchema = z.object({
  key: z.enum(WORKBENCH_KPIS),
  unit: z.enum(['count', 'percent']),
  /** Over the whole window: a sum for counts, the overall share for percentages (null: no data). */
  total: z.number().nullable(),
  /** One point per business day, oldest first; null where a share has nothing to divide. */
  series: z.array(z.object({ date: BusinessDateSchema, value: z.number().nullable() })),
  link: storedText(),
});
export type WorkbenchKpi = z.infer<typeof WorkbenchKpiSchema>;

export const WorkbenchSchema = z.object({
  today: BusinessDateSchema,
  todos: z.array(WorkbenchTodoSchema),
  alarms: z.array(WorkbenchAlarmSchema),
  /** More alarms exist than listed (the list links to the full order list). */
  alarmsMore: z.boolean(),
  kpis: z.array(WorkbenchKpiSchema),
});
export type Workbench = z.infer<typeof WorkbenchSchema>;
