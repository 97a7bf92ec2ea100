import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { hashPassword } from '../modules/identity/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import type { Logger } from '../platform/logging/index.ts';
import { DEMO_LOGINS, DEMO_CUSTOMER, DEMO_PASSWORD, seedDemoUsers } from './demo-users.ts';
import { DEFAULT_SEED, DEMO_SIZE, generate, type SeedSize, type SeedSummary } from './generate.ts';
import { deriveFigures, type DeriveSummary } from './derive.ts';
import { BulkWriter, kyselyExec } from './writer.ts';
import { seedParts } from './parts.ts';
import { seedCards } from './cards.ts';
import { seedCharges } from './charges.ts';
import { seedWarrantyPolicies } from './warranty.ts';
import { seedRma } from './rma.ts';
import { seedKnowledge } from './knowledge.ts';
import { seedTraining } from './training.ts';
import { seedSales } from './sales.ts';
import { seedDelivery } from './delivery.ts';
import { seedCallCenter } from './callcenter.ts';
import { seedMaintenance } from './maintenance.ts';
import { seedTelemetry } from './telemetry.ts';
import { seedRecalls } from './recalls.ts';
import { seedCommunity } from './community.ts';
import { seedCampaigns } from './campaigns.ts';
import { seedServiceContracts } from './servicecontracts.ts';

export { DEMO_SIZE, SCALE_SIZE, DEFAULT_SEED, type SeedSize, type SeedSummary } from './generate.ts';
export { deriveFigures, type DeriveSummary } from './derive.ts';

/** Past months the demo grades and settles (complaints and classes reach one further back). */
export const DEMO_MONTHS = 3;
/** Months of closed orders the demo classifies (older orders keep no class, as before the module). */
export const DEMO_CLASSIFY_MONTHS = 6;

export interface SeedDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  /** The app's file store (`<dataDir>/files`): demo files (RMA inspection photos) go there. */
  filesDir?: string;
}

/**
 * Seeds demo data on first run (no users yet) unless told never to. `always` re-checks each start:
 * it adds the demo data if the catalogue is still empty and otherwise only missing demo accounts.
 */
export async function seedIfEmpty(
  deps: SeedDeps,
  mode: 'auto' | 'always' | 'never',
  opts: { size?: Partial<SeedSize>; seed?: number } = {},
): Promise<boolean> {
  if (mode === 'never') return false;
  const any = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any && mode === 'auto') return false;
  if (await hasDomainData(deps.db)) {
    await seedDemoUsers(deps.db, deps.clock.now());
    return false;
  }
  const started = performance.now();
  const summary = await seedDemo(deps.db, deps.dialect, {
    anchor: deps.clock.now(),
    ...(deps.filesDir ? { filesDir: deps.filesDir } : {}),
    ...opts,
  });
  deps.logger.info(
    {
      orders: summary.orders.orders,
      events: summary.orders.events,
      customers: summary.rows.customers,
      complaints: summary.derived?.complaints,
      statements: summary.derived?.statements,
      ms: Math.round(performance.now() - started),
    },
    'demo data seeded',
  );
  return true;
}

export async function hasDomainData(db: Kysely<Database>): Promise<boolean> {
  return !!(await db.selectFrom('product_categories').select('code').limit(1).executeTakeFirst());
}

/**
 * The demo data set: orders, callbacks and SLA clocks through Kysely in one transaction (SQLite or
 * PostgreSQL), then `deriveFigures` runs the product's services over them (classes, complaints,
 * escalations, grades, statements) unless `derive` is false.
 */
export async function seedDemo(
  db: Kysely<Database>,
  dialect: DialectName,
  opts: {
    anchor: Date;
    seed?: number;
    size?: Partial<SeedSize>;
    derive?: boolean;
    logger?: Logger;
    filesDir?: string;
  },
): Promise<SeedSummary & { derived: DeriveSummary | null }> {
  const summary = await writeDemo(db, dialect, opts);
  if (opts.derive !== false) {
    // 三包 policies for the demo categories (issue #14), through the warranty module; before the
    // quotes, which ask the engine whether an order is out of warranty.
    await seedWarrantyPolicies({ db, dialect }, opts.anchor);
    // Spare parts go through the parts services (ids of their own), with their history on the
    // orders (parts-flow.ts) before the derived figures: statements pay the passed part claims.
    await seedParts({ db, dialect }, opts.anchor, { flow: true, seed: opts.seed ?? DEFAULT_SEED });
    // Warranty cards, one transfer and one open workshop receipt, through the cards services.
    await seedCards({ db, dialect }, opts.anchor);
    // Paid service: the price list and a few quotes on out-of-warranty orders (through the services).
    await seedCharges({ db, dialect }, opts.anchor);
    // RMA cases go through the RMA service (the 三包 engine decides; overrides where it says no).
    await seedRma({ db, dialect }, opts.anchor, opts.filesDir ? { filesDir: opts.filesDir } : {});
    // The knowledge base: reviewed and published articles and synonym groups (issue #17).
    await seedKnowledge({ db, dialect }, opts.anchor, opts.filesDir ? { filesDir: opts.filesDir } : {});
    // Training (issue #17): two courses, assignments and completions through the training services.
    await seedTraining({ db, dialect }, opts.anchor);
    // Sales contracts of the demo store, product stock and showroom samples (issue #16).
    await seedSales({ db, dialect }, opts.anchor);
    // Deliveries of those contracts: a crew, bookings, one signed off and called back (issue #16).
    await seedDelivery({ db, dialect }, opts.anchor);
    await seedCallCenter({ db, dialect }, opts.anchor, { seed: opts.seed ?? DEFAULT_SEED });
    // Two maintenance plans (issue #18): the preview shows the demo's products coming due.
    await seedMaintenance({ db, dialect }, opts.anchor);
    // Equipment alerts (issue #18 item 2): devices with readings, one open alert with its order.
    await seedTelemetry({ db, dialect }, opts.anchor);
    // Ten service contracts (issue #18 item 3): visits used, two renewal reminders, one draft.
    await seedServiceContracts({ db, dialect }, opts.anchor);
    // A product recall (issue #18 item 4): one batch launched, owners texted and called, orders made.
    await seedRecalls({ db, dialect }, opts.anchor);
    // Customer organisation (issue #18 item 6): referrals, a seminar held and a product day open.
    await seedCommunity({ db, dialect }, opts.anchor);
    // A follow-up campaign (issue #18 item 5): list built, the agent's first calls recorded.
    await seedCampaigns({ db, dialect }, opts.anchor);
  }
  const derived =
    opts.derive === false
      ? null
      : await deriveFigures(
          { db, dialect },
          {
            anchor: opts.anchor,
            seed: opts.seed ?? DEFAULT_SEED,
            months: DEMO_MONTHS,
            classifyMonths: DEMO_CLASSIFY_MONTHS,
            ...(opts.logger ? { logger: opts.logger } : {}),
          },
        );
  return { ...summary, derived };
}

async function writeDemo(
  db: Kysely<Database>,
  dialect: DialectName,
  opts: { anchor: Date; seed?: number; size?: Partial<SeedSize> },
): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const usernames = [...DEMO_LOGINS.map((l) => l.username), DEMO_CUSTOMER.username];
  const existing = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', usernames)
    .execute();
  return db.transaction().execute(async (trx) => {
    const writer = new BulkWriter(dialect, kyselyExec(trx));
    return generate({
      seed: opts.seed ?? DEFAULT_SEED,
      anchor: opts.anchor,
      size: { ...DEMO_SIZE, ...opts.size },
      writer,
      passwordHash,
      existingUsers: new Map(existing.map((u) => [u.username, u.id])),
    });
  });
}
