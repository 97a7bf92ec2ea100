import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { TransitionHookInput, TransitionHooks } from '../workorders/index.ts';
import type { CheckInFlag } from './domain/geo.ts';
import type { FieldOutcome } from './fieldwork.schema.ts';
import type { FieldworkRepository } from './fieldwork.repository.ts';

/**
 * What a field request adds to the status change it makes, passed as `intents.fieldwork` of the
 * transition; the hooks below read it and write the visit, flags and code use in the transition's
 * own transaction, so they commit or vanish with it. A transition made elsewhere (the generic
 * transitions endpoint) has no step: the hooks still keep the visit consistent and flag what lacks
 * proof.
 */
export interface FieldStep {
  arrival?: {
    lat: number | null;
    lng: number | null;
    accuracyM: number | null;
    distanceM: number | null;
    flags: CheckInFlag[];
  };
  outcome?: { outcome: FieldOutcome; note: string };
  completion?: { method: 'code'; codeId: string } | { method: 'signature' };
}

declare module '../workorders/hooks.ts' {
  interface TransitionIntents {
    fieldwork?: FieldStep;
  }
}

type Db = Kysely<Database>;

async function visitOf(repo: FieldworkRepository, trx: Db, i: TransitionHookInput, fresh = false) {
  const v = fresh ? undefined : await repo.latestVisit(i.order.id, trx);
  if (v && !v.completedAt) return v;
  // A new trip, or a step reached without 出发 in the field app: open the visit now.
  const at = i.now.toISOString();
  return repo.insertVisit(trx, {
    id: newId(),
    orderId: i.order.id,
    technicianUserId: i.order.technicianUserId ?? i.actor.userId,
    departedAt: at,
    arrivedAt: null,
    arrivalLat: null,
    arrivalLng: null,
    arrivalAccuracyM: null,
    arrivalDistanceM: null,
    startedAt: null,
    faultCodeId: null,
    symptomCodes: [],
    findings: null,
    diagnosedAt: null,
    workDone: null,
    parts: [],
    workedAt: null,
    outcome: null,
    outcomeNote: null,
    outcomeAt: null,
    completedAt: null,
    completionMethod: null,
    createdAt: at,
    updatedAt: at,
  });
}

export function registerFieldworkHooks(repo: FieldworkRepository, hooks: Pick<TransitionHooks, 'register'>) {
  hooks.register({
    name: 'fieldwork.visit_departed',
    // Every 出发 opens a new visit (a second trip after 待件 is a visit of its own).
    to: 'departed',
    from: ['scheduled'],
    within: async (trx, i) => {
      const visit = await visitOf(repo, trx, i, true);
      return { visitId: visit.id };
    },
  });
  hooks.register({
    name: 'fieldwork.visit_arrived',
    to: 'arrived',
    from: ['departed'],
    within: async (trx, i) => {
      const visit = await visitOf(repo, trx, i);
      const a = i.intents.fieldwork?.arrival ?? {
        lat: null,
        lng: null,
        accuracyM: null,
        distanceM: null,
        flags: ['no_location' as const],
      };
      const at = i.now.toISOString();
      await repo.updateVisit(trx, visit.id, {
        arrivedAt: at,
        arrivalLat: a.lat,
        arrivalLng: a.lng,
        arrivalAccuracyM: a.accuracyM,
        arrivalDistanceM: a.distanceM,
        updatedAt: at,
      });
      for (const flag of a.flags) {
        await repo.raiseFlag(trx, {
          orderId: i.order.id,
          visitId: visit.id,
          flag,
          subject: visit.id,
          detail: { distanceM: a.distanceM, lat: a.lat, lng: a.lng, accuracyM: a.accuracyM },
          at,
        });
      }
      return { visitId: visit.id, distanceM: a.distanceM, flags: a.flags };
    },
  });
  hooks.register({
    name: 'fieldwork.visit_started',
    to: 'in_progress',
    within: async (trx, i) => {
      const visit = await visitOf(repo, trx, i);
      const at = i.now.toISOString();
      if (i.order.status === 'arrived') {
        await repo.updateVisit(trx, visit.id, { startedAt: at, updatedAt: at });
      } else {
        // Back from 待件: the earlier "needs parts" result no longer stands.
        await repo.updateVisit(trx, visit.id, {
          outcome: null,
          outcomeNote: null,
          outcomeAt: null,
          updatedAt: at,
        });
      }
      return { visitId: visit.id };
    },
  });
  hooks.register({
    name: 'fieldwork.visit_needs_parts',
    to: 'awaiting_parts',
    from: ['in_progress'],
    within: async (trx, i) => {
      const visit = await visitOf(repo, trx, i);
      const at = i.now.toISOString();
      const o = i.intents.fieldwork?.outcome;
      await repo.updateVisit(trx, visit.id, {
        outcome: 'needs_parts',
        outcomeNote: o?.note ?? i.req.reason ?? null,
        outcomeAt: at,
        updatedAt: at,
      });
      return { visitId: visit.id, outcome: 'needs_parts' };
    },
  });
  hooks.register({
    name: 'fieldwork.visit_completed',
    to: 'completed',
    from: ['in_progress'],
    within: async (trx, i) => {
      const visit = await visitOf(repo, trx, i);
      const at = i.now.toISOString();
      const c = i.intents.fieldwork?.completion;
      if (c?.method === 'code' && !(await repo.consumeCode(trx, c.codeId, at))) {
        throw new DomainError('fieldwork.code_invalid', 'The code was already used or has expired', {
          params: { reason: 'expired' },
          errors: [{ path: 'code', rule: 'fieldwork.code_invalid', message: 'used or expired' }],
          extra: { reason: 'expired' },
        });
      }
      await repo.updateVisit(trx, visit.id, {
        completedAt: at,
        completionMethod: c?.method ?? null,
        outcome: 'fixed',
        outcomeAt: visit.outcomeAt ?? at,
        updatedAt: at,
      });
      if (!c || c.method === 'signature') {
        await repo.raiseFlag(trx, {
          orderId: i.order.id,
          visitId: visit.id,
          flag: c ? 'signature_only' : 'completed_without_proof',
          subject: visit.id,
          detail: {},
          at,
        });
      }
      return { visitId: visit.id, completion: c?.method ?? 'none' };
    },
  });
}
