import type {
  IncomingCall,
  OutboundCall,
  OutboundCallResult,
  TelephonyEvent,
  TelephonyEventResult,
} from '@anxin/contracts';
import { can, eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { maskPhone } from '../customers/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { TelephonyContext } from './context.ts';
import { callRecordOf } from './domain/record.ts';
import { insertEvent, openCalls, ringingOf } from './telephony.repository.ts';
import { CALL_STREAM, TELEPHONY_EVENTS } from './telephony.events.ts';
import { telephonyPolicy } from './telephony.settings.ts';

/** The webhook's events in, and the calls popping on an agent's console out. */
export class TelephonyService {
  private readonly ctx: TelephonyContext;
  constructor(ctx: TelephonyContext) {
    this.ctx = ctx;
  }

  /**
   * Stores one event, once per (call, kind). An `ended` call is written into the call-centre
   * records first (idempotent there by call id), so a failure there leaves the event unstored and
   * the platform's redelivery completes both.
   */
  async receive(e: TelephonyEvent, requestId: string | null): Promise<TelephonyEventResult> {
    let agentUserId: string | null = null;
    if (e.kind === 'ringing' && e.agent) {
      agentUserId = (await this.ctx.ports.agentByLogin(e.agent)) ?? null;
      if (!agentUserId) throw fieldError('agent', 'not_found', 'No user with this username');
    }
    if (e.kind === 'ended') {
      if (e.abandoned && e.talkSeconds > 0)
        throw fieldError('talkSeconds', 'not_allowed', 'An abandoned call has no talk time');
      const ringing = await ringingOf(this.ctx.db, e.callId);
      const record = callRecordOf(e, {
        fromNumber: ringing?.from_number ?? null,
        agentUserId: ringing?.agent_user_id ?? null,
      });
      await this.ctx.ports.recordCall(record, requestId);
    }
    const now = this.ctx.clock.now();
    return withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const stored = await insertEvent(trx, {
        id: newId(),
        call_id: e.callId,
        kind: e.kind,
        from_number: e.kind === 'ringing' ? e.from : null,
        agent_user_id: agentUserId,
        at: new Date(e.at).toISOString(),
        wait_seconds: e.kind === 'ended' ? e.waitSeconds : null,
        talk_seconds: e.kind === 'ended' ? e.talkSeconds : null,
        abandoned: e.kind === 'ended' ? (e.abandoned ? 1 : 0) : null,
        received_at: now.toISOString(),
      });
      if (stored) await this.appendOf(trx, e, agentUserId, now, requestId);
      return { stored };
    });
  }

  private appendOf(
    trx: TelephonyContext['db'],
    e: TelephonyEvent,
    agentUserId: string | null,
    at: Date,
    requestId: string | null,
  ) {
    const base = { streamType: CALL_STREAM, streamId: e.callId, actor: SYSTEM, at, requestId };
    if (e.kind === 'ringing')
      return appendEvent(trx, {
        ...base,
        type: TELEPHONY_EVENTS.type.ringing,
        data: { from: e.from, agentUserId },
      });
    if (e.kind === 'answered')
      return appendEvent(trx, { ...base, type: TELEPHONY_EVENTS.type.answered, data: {} });
    return appendEvent(trx, {
      ...base,
      type: TELEPHONY_EVENTS.type.ended,
      data: { waitSeconds: e.waitSeconds, talkSeconds: e.talkSeconds, abandoned: e.abandoned },
    });
  }

  /**
   * Click-to-call: records the request as an event, then asks the platform to dial. The request
   * is recorded first so a dial that fails still leaves who asked for it.
   */
  async call(actor: Actor, req: OutboundCall, requestId: string | null): Promise<OutboundCallResult> {
    const id = newId();
    await withTransaction(this.ctx.db, this.ctx.dialect, ({ trx }) =>
      appendEvent(trx, {
        streamType: CALL_STREAM,
        streamId: id,
        type: TELEPHONY_EVENTS.type.outbound_requested,
        actor: eventActorOf(actor),
        at: this.ctx.clock.now(),
        data: { workOrderId: req.workOrderId, numberTail: req.number.slice(-4) },
        requestId,
      }),
    );
    await this.ctx.dialer.dial({ requestId: id, agentUserId: actor.userId, number: req.number });
    return { requestId: id };
  }

  /** Calls popping on this agent's console now, each with the caller's record when the number is known. */
  async incoming(actor: Actor): Promise<IncomingCall[]> {
    const policy = await telephonyPolicy(this.ctx.db);
    const since = new Date(this.ctx.clock.now().getTime() - policy.popMinutes * 60_000).toISOString();
    const rows = await openCalls(this.ctx.db, actor.userId ?? '', policy.untargetedToAll, since);
    // The caller's number is shown as the customer pages show phones: whole with the permission.
    const whole = can(actor, 'customer:phone_unmasked');
    return Promise.all(
      rows.map(async (r) => ({
        callId: r.call_id,
        fromNumber: whole ? (r.from_number ?? '') : maskPhone(r.from_number ?? ''),
        state: r.answered_id ? ('answered' as const) : ('ringing' as const),
        at: r.at,
        customer: r.from_number ? await this.ctx.ports.customerByPhone(r.from_number) : null,
      })),
    );
  }
}
