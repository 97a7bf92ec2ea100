import { sql, type Kysely } from 'kysely';

/**
 * Partner API (issue #21 item 1): a webhook endpoint may be limited to one outlet's orders, and
 * outlet managers may make API tokens, so an outlet's own system
 * connects as them and keeps their outlet scope (a token never exceeds its maker's permissions).
 * Existing databases' outlet managers get the grant here; a fresh database gets it from
 * `ensureRoles`. (Technicians do not by default: a brand whose outlets run their own field apps
 * grants them `token:manage` on the roles screen.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // An outlet's own system hears only of its outlet's orders (null: every order, as before).
  await db.schema.alterTable('webhook_endpoints').addColumn('outlet_id', 'text').execute();

  await sql`insert into role_permissions (role, permission)
    select name, 'token:manage' from roles where name = 'outlet_manager'
    on conflict do nothing`.execute(db);
}
