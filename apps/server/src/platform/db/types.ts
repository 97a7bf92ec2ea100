import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../database.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the root handle or an open transaction: repositories accept both. */
export type DbOrTrx = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** Human-readable target for logs (never contains credentials). */
  describe: string;
  close(): Promise<void>;
}
