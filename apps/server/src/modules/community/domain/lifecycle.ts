import type { CommunityEventStatus, ReferralStatus } from '@anxin/contracts';

/** The steps a referral may take: it is contacted, then converted or lost (lost also straight away). */
const REFERRAL_STEPS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['contacted', 'lost'],
  contacted: ['converted', 'lost'],
  converted: [],
  lost: [],
};
export const canStepReferral = (from: ReferralStatus, to: ReferralStatus): boolean =>
  REFERRAL_STEPS[from].includes(to);

/** An event opens for registration, closes, is done; it may be cancelled until it is done. */
const EVENT_STEPS: Record<CommunityEventStatus, readonly CommunityEventStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'done', 'cancelled'],
  done: [],
  cancelled: [],
};
export const canStepEvent = (from: CommunityEventStatus, to: CommunityEventStatus): boolean =>
  EVENT_STEPS[from].includes(to);

/** Invitations go out while the event is being prepared or open. */
export const canInvite = (s: CommunityEventStatus): boolean => s === 'draft' || s === 'open';
/** People register only while the event is open. */
export const canRegister = (s: CommunityEventStatus): boolean => s === 'open';
/** Check-in at the door: open, or closed for registration but not yet done. */
export const canCheckIn = (s: CommunityEventStatus): boolean => s === 'open' || s === 'closed';

/** The invitation SMS: the template's {title}, {time} and {place} filled in. */
export const inviteText = (template: string, v: { title: string; time: string; place: string }): string =>
  template.replaceAll('{title}', v.title).replaceAll('{time}', v.time).replaceAll('{place}', v.place);
