import type { Kysely } from 'kysely';

/**
 * A failed notification delivery keeps the category of its failure (auth failed, rate limited,
 * invalid recipient, template rejected, network, destination refused, unknown) beside the
 * provider's raw text, so people read plain words and only the technical details show the raw text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notification_deliveries').addColumn('error_category', 'text').execute();
}
