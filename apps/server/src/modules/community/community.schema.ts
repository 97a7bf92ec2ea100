import type {
  CommunityEventKind,
  CommunityEventStatus,
  InvitationStatus,
  ReferralChannel,
  ReferralStatus,
  RegistrationSource,
} from '@anxin/contracts';

/** A referred person (migration 0045), one per phone. */
export interface ReferralsTable {
  id: string;
  number: string;
  referrer_id: string;
  name: string;
  phone: string;
  region_code: string | null;
  interest_category: string | null;
  channel: ReferralChannel;
  note: string;
  reward: number;
  agent_id: string | null;
  status: ReferralStatus;
  lost_reason: string | null;
  converted_customer_id: string | null;
  converted_contract_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
/** A user event or seminar; `registered` is the registration count kept under `capacity`. */
export interface CommunityEventsTable {
  id: string;
  title: string;
  kind: CommunityEventKind;
  starts_at: string;
  place: string;
  region_code: string | null;
  capacity: number;
  registered: number;
  status: CommunityEventStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface EventInvitationsTable {
  id: string;
  event_id: string;
  customer_id: string;
  status: InvitationStatus;
  sent_at: string;
}
export interface EventRegistrationsTable {
  id: string;
  event_id: string;
  invitation_id: string | null;
  customer_id: string | null;
  name: string;
  phone: string;
  source: RegistrationSource;
  attended_at: string | null;
  created_at: string;
}
export interface CommunityTables {
  referrals: ReferralsTable;
  community_events: CommunityEventsTable;
  event_invitations: EventInvitationsTable;
  event_registrations: EventRegistrationsTable;
}

/** The tables this module owns. */
export const OWNED_TABLES = [
  'referrals',
  'community_events',
  'event_invitations',
  'event_registrations',
] as const satisfies readonly (keyof CommunityTables)[];
