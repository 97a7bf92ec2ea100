import type { CallRecordInput, TelephonyEvent } from '@anxin/contracts';

type Ended = Extract<TelephonyEvent, { kind: 'ended' }>;

/** Source name of the call records the webhook writes (unique per call id within it). */
export const TELEPHONY_SOURCE = 'telephony';

/**
 * The call record of an ended call. Offered and answered times are counted back from the end by
 * the platform's own wait and talk seconds, so they agree with each other whatever the clocks of
 * the earlier events said; the number and agent come from the ringing event, when there was one.
 */
export function callRecordOf(
  ended: Ended,
  ringing: { fromNumber: string | null; agentUserId: string | null } | null,
): CallRecordInput {
  const end = Date.parse(ended.at);
  const offered = end - (ended.waitSeconds + ended.talkSeconds) * 1000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    source: TELEPHONY_SOURCE,
    externalId: ended.callId,
    direction: 'inbound',
    callerNumber: ringing?.fromNumber ?? null,
    queue: null,
    agentUserId: ringing?.agentUserId ?? null,
    offeredAt: iso(offered),
    answeredAt: ended.abandoned ? null : iso(offered + ended.waitSeconds * 1000),
    endedAt: iso(end),
    waitSeconds: ended.waitSeconds,
    talkSeconds: ended.talkSeconds,
    holdSeconds: 0,
    acwSeconds: 0,
    outcome: ended.abandoned ? 'abandoned' : 'answered',
    resolvedFirstContact: null,
    workOrderId: null,
  };
}
