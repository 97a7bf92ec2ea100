import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { ThrottleState, ThrottleTarget } from './domain/throttle.ts';
import type { LoginThrottlesTable } from './identity.schema.ts';

type Db = Kysely<Database>;

const toState = (r: LoginThrottlesTable): ThrottleState => ({
  failures: r.failures,
  firstFailureAt: r.first_failure_at,
  lastFailureAt: r.last_failure_at,
  blockedUntil: r.blocked_until,
});

/** What the users page shows about an account's sign-in delays. */
export interface AccountThrottle {
  failures: number;
  sources: number;
  blockedUntil: string | null;
}

// Several API nodes move the same counter; a lost race re-reads and tries again.
const MAX_RACES = 5;

/** Sign-in throttle counters (`login_throttles`), shared by every API node. */
export class ThrottleRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async find(keys: string[]): Promise<Map<string, ThrottleState>> {
    if (!keys.length) return new Map();
    const rows = await this.db.selectFrom('login_throttles').selectAll().where('key', 'in', keys).execute();
    return new Map(rows.map((r) => [r.key, toState(r)]));
  }

  /**
   * Applies `next` to the stored counter as a compare-and-set on `version`, so two nodes counting
   * the same failure at once both land.
   */
  async update(
    trx: Db,
    t: ThrottleTarget,
    next: (prev: ThrottleState | undefined) => ThrottleState,
  ): Promise<ThrottleState> {
    for (let i = 0; i < MAX_RACES; i++) {
      const row = await trx
        .selectFrom('login_throttles')
        .selectAll()
        .where('key', '=', t.key)
        .executeTakeFirst();
      const s = next(row && toState(row));
      const values = {
        failures: s.failures,
        first_failure_at: s.firstFailureAt,
        last_failure_at: s.lastFailureAt,
        blocked_until: s.blockedUntil,
      };
      if (!row) {
        const r = await trx
          .insertInto('login_throttles')
          .values({
            key: t.key,
            scope: t.scope,
            username: t.username,
            source: t.source,
            version: 0,
            ...values,
          })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return s;
        continue;
      }
      const r = await trx
        .updateTable('login_throttles')
        .set({ ...values, version: row.version + 1 })
        .where('key', '=', t.key)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return s;
    }
    throw new Error(`login throttle ${t.scope}: too many concurrent updates`);
  }

  /** Drops counters idle since before `before`; they would start again from zero anyway. */
  async purgeIdle(before: string): Promise<void> {
    await this.db
      .deleteFrom('login_throttles')
      .where('last_failure_at', '<', before)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', before)]))
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttles').where('key', '=', key).execute();
  }

  /** Forgets every counter about the account (its pairs and its account-wide count). */
  async clearAccount(trx: Db, username: string): Promise<number> {
    const r = await trx.deleteFrom('login_throttles').where('username', '=', username).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Per account: failures from all sources, sources involved, the latest delay still running. */
  async ofAccounts(usernames: string[], now: string, since: string): Promise<Map<string, AccountThrottle>> {
    const out = new Map<string, AccountThrottle>();
    if (!usernames.length) return out;
    const rows = await this.db
      .selectFrom('login_throttles')
      .selectAll()
      .where('scope', '=', 'pair')
      .where('username', 'in', usernames)
      .where('last_failure_at', '>', since)
      .execute();
    for (const r of rows) {
      const a = out.get(r.username!) ?? { failures: 0, sources: 0, blockedUntil: null };
      const running = r.blocked_until && r.blocked_until > now ? r.blocked_until : null;
      out.set(r.username!, {
        failures: a.failures + r.failures,
        sources: a.sources + 1,
        blockedUntil: running && (!a.blockedUntil || running > a.blockedUntil) ? running : a.blockedUntil,
      });
    }
    return out;
  }
}
