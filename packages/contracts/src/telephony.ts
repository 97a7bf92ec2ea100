import { z } from 'zod';
import { IdSchema, IsoInstantSchema, storedText } from './common.ts';

/**
 * Telephony (来电弹屏, issue #21 item 4): the call platform posts call events to the webhook,
 * signed with the shared secret; the targeted agent's console pops the caller.
 */
export const TELEPHONY_EVENT_KINDS = ['ringing', 'answered', 'ended'] as const;
export type TelephonyEventKind = (typeof TELEPHONY_EVENT_KINDS)[number];

/** Header names of the webhook: seconds since the epoch, and `sha256=<hex>` of `timestamp.body`. */
export const TELEPHONY_TIMESTAMP_HEADER = 'x-telephony-timestamp';
export const TELEPHONY_SIGNATURE_HEADER = 'x-telephony-signature';

const callId = storedText().min(1).max(100);
const seconds = z.number().int().min(0).max(86_400);

export const TelephonyEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ringing'),
    callId,
    from: storedText().min(2).max(40),
    /** The agent's username the platform routes the call to; absent for a queue call. */
    agent: storedText().min(1).max(60).nullable().default(null),
    at: IsoInstantSchema,
  }),
  z.strictObject({ kind: z.literal('answered'), callId, at: IsoInstantSchema }),
  z.strictObject({
    kind: z.literal('ended'),
    callId,
    at: IsoInstantSchema,
    waitSeconds: seconds,
    talkSeconds: seconds,
    abandoned: z.boolean(),
  }),
]);
export type TelephonyEvent = z.infer<typeof TelephonyEventSchema>;

/** `stored: false` when the same (callId, kind) came before: nothing changed. */
export const TelephonyEventResultSchema = z.object({ stored: z.boolean() });
export type TelephonyEventResult = z.infer<typeof TelephonyEventResultSchema>;

/** A call ringing or in talk for the signed-in agent, with the caller's record when the number is known. */
export const IncomingCallSchema = z.object({
  callId: z.string(),
  fromNumber: z.string(),
  state: z.enum(['ringing', 'answered']),
  at: z.string(),
  customer: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
export type IncomingCall = z.infer<typeof IncomingCallSchema>;

/** Settings of telephony (`telephony.policy`). */
export const TelephonyPolicySchema = z.strictObject({
  /** The secret shared with the call platform; empty refuses every event. */
  secret: z.string().max(200),
  /** How far a signed timestamp may be from the server's clock. */
  toleranceSeconds: z.number().int().min(10).max(3600),
  /** A call without an agent pops on every agent's console (otherwise on none). */
  untargetedToAll: z.boolean(),
  /** A call that never ended stops popping after this long. */
  popMinutes: z.number().int().min(1).max(240),
});
export type TelephonyPolicy = z.infer<typeof TelephonyPolicySchema>;
export const DEFAULT_TELEPHONY_POLICY: TelephonyPolicy = {
  secret: '',
  toleranceSeconds: 300,
  untargetedToAll: true,
  popMinutes: 30,
};

/** Click-to-call (一键外呼): the platform rings the agent's phone, then the number. */
export const OutboundCallSchema = z.strictObject({
  number: storedText()
    .trim()
    .regex(/^\+?[0-9-]{3,20}$/),
  workOrderId: IdSchema.nullable().default(null),
});
export type OutboundCall = z.infer<typeof OutboundCallSchema>;
export const OutboundCallResultSchema = z.object({ requestId: z.string() });
export type OutboundCallResult = z.infer<typeof OutboundCallResultSchema>;
