import type { CapaStatus, FieldError, NewCapa } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { eventActorOf, STREAM, type ComplaintsContext } from './context.ts';
import { invalid } from './open-complaint.ts';
import { wrongState } from './transition-complaint.ts';

/** CAPA is planned during the investigation and may follow the resolution (preventive work). */
const CAPA_OPEN_IN = ['investigating', 'resolved'] as const;
const NEXT: Record<CapaStatus, CapaStatus | null> = { open: 'done', done: 'verified', verified: null };

/** Adds a corrective or preventive action; owner and due date are required (400 naming them). */
export async function addCapa(
  ctx: ComplaintsContext,
  actor: Actor,
  complaintId: string,
  input: NewCapa,
  requestId: string | null,
): Promise<string> {
  const now = ctx.clock.now();
  const today = businessDateOf(now);
  const c = await ctx.repo.find(actor.scope, complaintId, today);
  if (!c) throw notFound('complaint', complaintId);
  if (!(CAPA_OPEN_IN as readonly string[]).includes(c.status))
    throw wrongState(actor, c.status, c.status, `Actions cannot be added to a ${c.status} complaint`);
  const errors: FieldError[] = [];
  if (!input.owner) errors.push({ path: 'owner', rule: 'required', message: 'an action needs an owner' });
  if (!input.dueOn) errors.push({ path: 'dueOn', rule: 'required', message: 'an action needs a due date' });
  else if (input.dueOn < today)
    errors.push({ path: 'dueOn', rule: 'not_in_past', message: 'the due date is in the past' });
  if (errors.length) throw invalid(errors);
  const id = newId();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    await ctx.repo.insertCapa(trx, {
      id,
      complaint_id: complaintId,
      kind: input.kind,
      action: input.action,
      owner: input.owner!,
      due_on: input.dueOn!,
      status: 'open',
      note: null,
      done_at: null,
      verified_at: null,
      created_by: actor.kind === 'system' ? null : actor.userId,
      created_at: now.toISOString(),
      version: 1,
    });
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: complaintId,
      type: 'complaint.capa_added',
      actor: eventActorOf(actor),
      at: now,
      data: { capaId: id, kind: input.kind, action: input.action, owner: input.owner, dueOn: input.dueOn },
      requestId,
    });
  });
  return id;
}

/** open → done → verified, one step at a time, at the version the caller read. */
export async function changeCapa(
  ctx: ComplaintsContext,
  actor: Actor,
  complaintId: string,
  capaId: string,
  input: { status: 'done' | 'verified'; version: number; note?: string | undefined },
  requestId: string | null,
): Promise<void> {
  const now = ctx.clock.now();
  const c = await ctx.repo.find(actor.scope, complaintId, businessDateOf(now));
  const capa = c ? await ctx.repo.capa(capaId) : undefined;
  if (!c || !capa || capa.complaint_id !== complaintId) throw notFound('corrective action', capaId);
  if (capa.version !== input.version) throw versionConflict('corrective action', capaId, input.version);
  if (NEXT[capa.status] !== input.status)
    throw new DomainError(
      'state.invalid_transition',
      `A ${capa.status} action cannot become ${input.status}`,
      {
        extra: { from: capa.status, to: input.status, allowed: NEXT[capa.status] ? [NEXT[capa.status]] : [] },
      },
    );
  const at = now.toISOString();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const ok = await ctx.repo.updateCapa(trx, capaId, capa.version, {
      status: input.status,
      ...(input.status === 'done' ? { done_at: at } : { verified_at: at }),
      ...(input.note ? { note: input.note } : {}),
    });
    if (!ok) throw versionConflict('corrective action', capaId, input.version);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: complaintId,
      type: 'complaint.capa_status_changed',
      actor: eventActorOf(actor),
      at: now,
      from: capa.status,
      to: input.status,
      data: { capaId, ...(input.note ? { note: input.note } : {}) },
      requestId,
    });
  });
}
