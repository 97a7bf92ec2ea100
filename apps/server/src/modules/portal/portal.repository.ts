import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { PORTAL_OTP_PURPOSE } from './domain/otp.ts';
import type { OtpCapScope } from './domain/otp-caps.ts';

type Db = Kysely<Database>;

export interface OtpRecord {
  id: string;
  codeHash: string;
  attempts: number;
  expiresAt: string;
}

/** The only SQL of the portal: one-time codes (the customer's sign-in row belongs to identity). */
export class PortalRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** When the phone was last sent a code (any age). */
  async lastSend(phone: string): Promise<string | undefined> {
    const r = await this.db
      .selectFrom('otp_codes')
      .select('created_at')
      .where('purpose', '=', PORTAL_OTP_PURPOSE)
      .where('subject', '=', phone)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.created_at;
  }

  /**
   * The instant of the `n`-th most recent code sent after `since` to this phone, from this source
   * or by the whole service; undefined when fewer were sent. One indexed row, whatever the volume.
   */
  async nthRecentSend(
    scope: OtpCapScope,
    who: { phone: string; source: string },
    n: number,
    since: string,
  ): Promise<string | undefined> {
    let q = this.db
      .selectFrom('otp_codes')
      .select('created_at')
      .where('purpose', '=', PORTAL_OTP_PURPOSE)
      .where('created_at', '>', since);
    if (scope === 'phone') q = q.where('subject', '=', who.phone);
    if (scope === 'source') q = q.where('source', '=', who.source);
    const r = await q
      .orderBy('created_at', 'desc')
      .limit(1)
      .offset(n - 1)
      .executeTakeFirst();
    return r?.created_at;
  }

  /** A new code replaces any pending one: only the latest code sent can sign in. */
  async insertOtp(
    trx: Db,
    o: { id: string; phone: string; source: string; hash: string; now: string; expiresAt: string },
  ): Promise<void> {
    await trx
      .updateTable('otp_codes')
      .set({ used_at: o.now })
      .where('purpose', '=', PORTAL_OTP_PURPOSE)
      .where('subject', '=', o.phone)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('otp_codes')
      .values({
        id: o.id,
        purpose: PORTAL_OTP_PURPOSE,
        subject: o.phone,
        code_hash: o.hash,
        attempts: 0,
        created_at: o.now,
        expires_at: o.expiresAt,
        used_at: null,
        source: o.source,
      })
      .execute();
  }

  async latestPending(phone: string, now: string): Promise<OtpRecord | undefined> {
    const r = await this.db
      .selectFrom('otp_codes')
      .select(['id', 'code_hash', 'attempts', 'expires_at'])
      .where('purpose', '=', PORTAL_OTP_PURPOSE)
      .where('subject', '=', phone)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r && { id: r.id, codeHash: r.code_hash, attempts: r.attempts, expiresAt: r.expires_at };
  }

  /** Counts one attempt unless the limit is reached; false means the code is spent. */
  async countAttempt(id: string, maxAttempts: number): Promise<boolean> {
    const r = await this.db
      .updateTable('otp_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('attempts', '<', maxAttempts)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Conditional: of two requests racing with the same code, exactly one wins. */
  async consume(id: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('otp_codes')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
