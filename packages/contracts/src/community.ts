import { z } from 'zod';
import { CampaignFiltersSchema } from './campaigns.ts';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';

/**
 * Customer organisation (将顾客组织化, issue #18 item 6): referrals recorded with the customer who
 * referred them and their conversion; user events and seminars with invitations (built from a
 * campaigns contact list, opt-outs respected), registrations under a capacity, and check-in.
 */
export const REFERRAL_STATUSES = ['draft', 'contacted', 'converted', 'lost'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_CHANNELS = ['phone', 'wechat', 'store', 'event', 'other'] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];

export const COMMUNITY_EVENT_KINDS = [
  'seminar',
  'product_experience',
  'maintenance_training',
  'other',
] as const;
export type CommunityEventKind = (typeof COMMUNITY_EVENT_KINDS)[number];

export const COMMUNITY_EVENT_STATUSES = ['draft', 'open', 'closed', 'done', 'cancelled'] as const;
export type CommunityEventStatus = (typeof COMMUNITY_EVENT_STATUSES)[number];

export const INVITATION_STATUSES = ['sent', 'opted_out'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const REGISTRATION_SOURCES = ['invitation', 'walk_in'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

const PhoneSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{9,11}$/);
const RegionSchema = z
  .string()
  .regex(/^\d{6}$/)
  .nullable()
  .default(null);

export const ReferralInputSchema = z.strictObject({
  referrerId: IdSchema,
  name: storedText().trim().min(1).max(50),
  phone: PhoneSchema,
  regionCode: RegionSchema,
  /** The product category the referred person is interested in (catalogue code). */
  interestCategory: storedText().trim().max(32).nullable().default(null),
  channel: z.enum(REFERRAL_CHANNELS),
  note: storedText().max(500).default(''),
  /** Whether the referrer earns the reward (the `community.policy` reward text). */
  reward: z.boolean().default(false),
});
export type ReferralInput = z.infer<typeof ReferralInputSchema>;

export const ReferralSchema = z.object({
  id: IdSchema,
  number: z.string(),
  referrerId: IdSchema,
  referrerName: z.string(),
  name: z.string(),
  phone: z.string(),
  regionCode: z.string().nullable(),
  interestCategory: z.string().nullable(),
  channel: z.enum(REFERRAL_CHANNELS),
  note: z.string(),
  reward: z.boolean(),
  /** The `community.policy` reward text when the referrer earns the reward. */
  rewardText: z.string().nullable(),
  agentId: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  lostReason: z.string().nullable(),
  convertedCustomerId: z.string().nullable(),
  convertedContractId: z.string().nullable(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
  version: z.number().int(),
});
export type Referral = z.infer<typeof ReferralSchema>;

/** One step of a referral: `lost` needs a reason, `converted` a customer record and/or a contract. */
export const ReferralStepSchema = z.strictObject({
  to: z.enum(['contacted', 'converted', 'lost']),
  version: z.number().int().min(1),
  reason: storedText().trim().max(300).default(''),
  customerId: IdSchema.nullable().default(null),
  contractId: IdSchema.nullable().default(null),
});
export type ReferralStep = z.infer<typeof ReferralStepSchema>;

export const ReferrerStatSchema = z.object({
  referrerId: IdSchema,
  referrerName: z.string(),
  referred: z.number().int(),
  converted: z.number().int(),
});
export type ReferrerStat = z.infer<typeof ReferrerStatSchema>;

export const CommunityEventInputSchema = z.strictObject({
  title: storedText().trim().min(1).max(100),
  kind: z.enum(COMMUNITY_EVENT_KINDS),
  startsAt: IsoInstantSchema,
  place: storedText().trim().min(1).max(200),
  regionCode: RegionSchema,
  capacity: z.number().int().min(1).max(100_000),
});
export type CommunityEventInput = z.infer<typeof CommunityEventInputSchema>;

export const CommunityEventSchema = z.object({
  id: IdSchema,
  title: z.string(),
  kind: z.enum(COMMUNITY_EVENT_KINDS),
  startsAt: IsoInstantSchema,
  place: z.string(),
  regionCode: z.string().nullable(),
  capacity: z.number().int(),
  status: z.enum(COMMUNITY_EVENT_STATUSES),
  invited: z.number().int(),
  registered: z.number().int(),
  attended: z.number().int(),
  createdAt: IsoInstantSchema,
  version: z.number().int(),
});
export type CommunityEvent = z.infer<typeof CommunityEventSchema>;

export const CommunityEventStepSchema = z.strictObject({
  to: z.enum(['open', 'closed', 'done', 'cancelled']),
  version: z.number().int().min(1),
});

export const InviteInputSchema = z.strictObject({ filters: CampaignFiltersSchema });
export const InviteResultSchema = z.object({
  invited: z.number().int(),
  /** Customers the filters picked who opted out of outreach: never invited. */
  excludedOptedOut: z.number().int(),
  alreadyInvited: z.number().int(),
});
export type InviteResult = z.infer<typeof InviteResultSchema>;

export const InvitationSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  customerId: IdSchema,
  customerName: z.string(),
  status: z.enum(INVITATION_STATUSES),
  sentAt: IsoInstantSchema,
  registered: z.boolean(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** From an invitation (its customer registers) or a walk-in (name and phone). */
export const RegistrationInputSchema = z.union([
  z.strictObject({ invitationId: IdSchema }),
  z.strictObject({ name: storedText().trim().min(1).max(50), phone: PhoneSchema }),
]);
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;

export const RegistrationSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  invitationId: z.string().nullable(),
  customerId: z.string().nullable(),
  name: z.string(),
  phone: z.string(),
  source: z.enum(REGISTRATION_SOURCES),
  attendedAt: IsoInstantSchema.nullable(),
  createdAt: IsoInstantSchema,
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const InvitationOptOutSchema = z.strictObject({ reason: storedText().trim().min(1).max(300) });

export const FiguresRangeSchema = z.object({ from: BusinessDateSchema, to: BusinessDateSchema });
export type FiguresRange = z.infer<typeof FiguresRangeSchema>;

const ratio = z.number().nullable();
export const CommunityFiguresSchema = z.object({
  range: FiguresRangeSchema,
  referrals: z.object({ count: z.number().int(), converted: z.number().int(), conversionRate: ratio }),
  /** Per month (YYYY-MM) of the referral's recording. */
  byPeriod: z.array(
    z.object({
      period: z.string(),
      count: z.number().int(),
      converted: z.number().int(),
      conversionRate: ratio,
    }),
  ),
  byReferrer: z.array(ReferrerStatSchema.extend({ conversionRate: ratio })),
  events: z.object({
    events: z.number().int(),
    invited: z.number().int(),
    registered: z.number().int(),
    attended: z.number().int(),
    attendanceRate: ratio,
  }),
});
export type CommunityFigures = z.infer<typeof CommunityFiguresSchema>;

export const CommunityPolicySchema = z.strictObject({
  /** What a referrer with the reward flag earns (shown on the referral). */
  rewardText: storedText().max(200),
  /** Days back from today the figures cover when no range is asked for. */
  figuresDays: z.number().int().min(1).max(3650),
  /** Referrers listed in the figures, most referrals first. */
  topReferrers: z.number().int().min(1).max(200),
  /** Most invitations one "invite from a list" may send. */
  maxInvitesPerRun: z.number().int().min(1).max(20_000),
  /** The invitation SMS; {title}, {time} and {place} are filled in. */
  inviteText: storedText().min(1).max(300),
});
export type CommunityPolicy = z.infer<typeof CommunityPolicySchema>;
export const DEFAULT_COMMUNITY_POLICY: CommunityPolicy = {
  rewardText: '推荐成交赠送一次免费保养',
  figuresDays: 90,
  topReferrers: 10,
  maxInvitesPerRun: 2000,
  inviteText: '【安心售后】诚邀您参加{title}，时间{time}，地点{place}。回复TD退订。',
};
