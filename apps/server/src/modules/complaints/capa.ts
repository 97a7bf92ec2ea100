import type { NewCapa } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { eventActorOf, STREAM, type ComplaintsContext } from './context.ts';
import { CAPA_OPEN_IN, capaErrors, newCapa, NEXT_CAPA_STATUS as NEXT } from './domain/investigation.ts';
import { invalid } from './open-complaint.ts';
import { wrongState } from './transition-complaint.ts';

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
  if (!CAPA_OPEN_IN.includes(c.status))
    throw wrongState(actor, c.status, c.status, `Actions cannot be added to a ${c.status} complaint`);
  const errors = capaErrors(input, today);
  if (errors.length) throw invalid(errors);
  const capa = newCapa({
    id: newId(),
    complaintId,
    input,
    createdBy: actor.kind === 'system' ? null : actor.userId,
    at: now,
  });
  const id = capa.id;
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    await ctx.repo.insertCapa(trx, capa);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: complaintId,
      type: 'complaint.capa_added',
      actor: eventActorOf(actor),
      at: now,
      data: { capaId: id, kind: capa.kind, action: capa.action, owner: capa.owner, dueOn: capa.dueOn },
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
  if (!c || !capa || capa.complaintId !== complaintId) throw notFound('corrective action', capaId);
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
      ...(input.status === 'done' ? { doneAt: at } : { verifiedAt: at }),
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
