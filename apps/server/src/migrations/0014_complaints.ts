import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { BUSINESS_DATE, createIndex, INSTANT } from '../platform/db/columns.ts';

/**
 * Complaints (投诉, issue #7 part 3): the complaint with its links, SLA due times, investigation
 * (root cause, responsibility, routed department), remedy and closing verdict; CAPA actions as
 * child rows. `source_ref` makes intake from other modules idempotent (one complaint per callback
 * task).
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('hotline', 'store', 'portal', 'media', '12315', 'internal')`),
    )
    .addColumn('source_ref', 'text', (c) => c.unique())
    .addColumn('severity', 'text', (c) =>
      c.notNull().check(sql`severity in ('low', 'normal', 'high', 'critical')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('registered', 'acknowledged', 'investigating', 'resolved', 'closed')`),
    )
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('order_id', 'text', (c) => c.references('work_orders.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('technician_id', 'text', (c) => c.references('technicians.id'))
    .addColumn('region_code', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('responsibility', 'text', (c) =>
      c.check(
        sql`responsibility is null or responsibility in ('product_quality', 'outlet', 'technician', 'logistics', 'customer', 'policy')`,
      ),
    )
    .addColumn('responsible_department', 'text', (c) =>
      c.check(
        sql`responsible_department is null or responsible_department in ('production', 'quality', 'rd', 'logistics', 'service', 'sales')`,
      ),
    )
    .addColumn('responsible_outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('responsible_technician_id', 'text', (c) => c.references('technicians.id'))
    .addColumn('responsible_person', 'text')
    .addColumn('cause_is_attitude', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text')
    .addColumn('remedy', 'text')
    .addColumn('verdict', 'text', (c) =>
      c.check(sql`verdict is null or verdict in ('satisfied', 'unsatisfied', 'unreachable')`),
    )
    .addColumn('verdict_note', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('opened_at', INSTANT, (c) => c.notNull())
    .addColumn('acknowledge_due_at', INSTANT)
    .addColumn('acknowledged_at', INSTANT)
    .addColumn('resolve_due_at', INSTANT)
    .addColumn('resolved_at', INSTANT)
    .addColumn('closed_at', INSTANT)
    .addColumn('created_by', 'text')
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(db, 'complaints_status_opened_idx', 'complaints', ['status', 'opened_at']);
  await createIndex(db, 'complaints_opened_idx', 'complaints', ['opened_at']);
  await createIndex(db, 'complaints_resolve_due_idx', 'complaints', ['resolve_due_at']);
  await createIndex(db, 'complaints_order_idx', 'complaints', ['order_id']);
  await createIndex(db, 'complaints_outlet_idx', 'complaints', ['outlet_id', 'opened_at']);
  await createIndex(db, 'complaints_resp_outlet_idx', 'complaints', ['responsible_outlet_id']);
  await createIndex(db, 'complaints_department_idx', 'complaints', ['responsible_department', 'status']);

  await db.schema
    .createTable('complaint_actions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('corrective', 'preventive')`))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done', 'verified')`))
    .addColumn('note', 'text')
    .addColumn('done_at', INSTANT)
    .addColumn('verified_at', INSTANT)
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(db, 'complaint_actions_complaint_idx', 'complaint_actions', ['complaint_id']);
  await createIndex(db, 'complaint_actions_status_due_idx', 'complaint_actions', ['status', 'due_on']);
}
