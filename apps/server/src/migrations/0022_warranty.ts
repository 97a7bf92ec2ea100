import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * 三包 policies as data (issue #14): one row per version of a policy for a product category and an
 * optional brand. A version is a draft until published; once published or used by an evaluation
 * or an RMA it is frozen (a change is a new version). `params` is the kind's JSON parameters,
 * validated by the kind's zod schema (packages/contracts/src/warranty.ts) before it is written.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('warranty_policies')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    /** `<category>` or `<category>|<brand>`: the versions of one policy share it. */
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull().references('product_categories.code'))
    .addColumn('brand', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['sanbao_1995', 'auto_2021', 'online_7day', 'furniture', 'contract'])),
    )
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('params', JSON_TEXT, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['draft', 'published'])))
    .addColumn('effective_from', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('effective_to', BUSINESS_DATE)
    .addColumn('used', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`used in (0, 1)`),
    )
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('published_at', INSTANT)
    .addCheckConstraint(
      'warranty_policies_dates',
      sql`effective_to is null or effective_to >= effective_from`,
    )
    .execute();
  await createIndex(db, 'warranty_policies_key_version', 'warranty_policies', ['policy_key', 'version'], {
    unique: true,
  });
  await createIndex(db, 'warranty_policies_category', 'warranty_policies', ['category_code', 'status']);

  await sql`insert into role_permissions (role, permission)
    select name, p.permission from roles,
      (select 'warranty:read' as permission union all select 'warranty:manage') p
    where name in ('quality', 'admin')
    on conflict do nothing`.execute(db);
  await sql`insert into role_permissions (role, permission)
    select name, 'warranty:read' from roles where name = 'manager'
    on conflict do nothing`.execute(db);
}
