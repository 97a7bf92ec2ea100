/** One-time sign-in codes of the customer portal (created by migration 0001 as a generic table). */
export interface OtpCodesTable {
  id: string;
  purpose: string;
  subject: string;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** The client address that asked for the code (caps per source). */
  source: string | null;
}
export interface PortalTables {
  otp_codes: OtpCodesTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = ['otp_codes'] as const satisfies readonly (keyof PortalTables)[];
