import type { Kysely } from 'kysely';
import type {
  ArriveRequest,
  CompleteRequest,
  DiagnosisRequest,
  FieldJobDetail,
  ProofView,
  ResultRequest,
  WorkRequest,
} from '@anxin/contracts';
import { ON_SITE_STATUSES, TECHNICIAN_ACTIVE_STATUSES } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { DomainError, fieldError, notFound, refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Logger } from '../../platform/logging/index.ts';
import { maskPhone, notifySms } from '../../platform/notify/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { WorkOrdersService, WorkOrderStatus } from '../workorders/index.ts';
import {
  completionCodeMatches,
  completionSmsText,
  hashCompletionCode,
  newCompletionCode,
} from './domain/code.ts';
import { assessCheckIn } from './domain/geo.ts';
import {
  DEFAULT_FIELDWORK_POLICY,
  FIELDWORK_POLICY_KEY,
  FieldworkPolicySchema,
  type FieldworkPolicy,
} from './domain/policy.ts';
import type { FieldworkRepository, AssignedJob } from './fieldwork.repository.ts';
import { byAppointment, flagView, jobView, photoView, visitView } from './fieldwork.views.ts';
import type { FieldStep } from './transition-hooks.ts';
import type { FieldPhotos, PhotoUpload } from './photos.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { FIELDWORK_EVENTS } from './fieldwork.events.ts';

export const ESCALATION_TOPIC = 'fieldwork.escalation_requested';
export interface EscalationRequested {
  orderId: string;
  reason: string;
  technicianId: string | null;
}

/** A technician's open jobs: the statuses in which an order occupies its technician. */
const OPEN = TECHNICIAN_ACTIVE_STATUSES;
const STREAM = 'work_order';

export interface FieldworkDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: FieldworkRepository;
  photos: FieldPhotos;
  workOrders: WorkOrdersService;
  validateFaultCodes?: (
    categoryCode: string,
    faultCodeId: string | null,
    symptoms: readonly string[],
  ) => Promise<void>;
  nudgeOutbox: () => void;
}

const wrongState = (job: AssignedJob, action: string, needs: readonly WorkOrderStatus[]) =>
  new DomainError('state.invalid_transition', `A job in ${job.status} cannot take "${action}" now`, {
    extra: { from: job.status, action, requires: needs },
  });

const codeInvalid = (reason: 'none' | 'expired' | 'attempts_exhausted' | 'wrong', attemptsLeft: number) =>
  new DomainError(
    'fieldwork.code_invalid',
    {
      none: 'No completion code was sent for this job; send one first',
      expired: 'The completion code has expired; send a new one',
      attempts_exhausted: 'Too many wrong codes; send a new one',
      wrong: `The completion code is wrong (${attemptsLeft} attempts left)`,
    }[reason],
    {
      params: { reason, attemptsLeft },
      errors: [{ path: 'code', rule: 'fieldwork.code_invalid', message: reason }],
      extra: { reason, attemptsLeft },
    },
  );

/** The technician's field work on the jobs assigned to them (issue #6 parts 5 and 6). */
/** The 三包 engine's coverage status of products on a date (bound by modules.ts). */
export type WarrantyStatusOf = (productIds: readonly string[], asOf: string) => Promise<Map<string, string>>;

export class FieldworkService {
  private readonly d: FieldworkDeps;
  /** When bound, the job card's 保内/保外 is the engine's; otherwise the catalogue months. */
  warrantyStatusOf: WarrantyStatusOf | null = null;

  constructor(d: FieldworkDeps) {
    this.d = d;
  }

  async policy(): Promise<FieldworkPolicy> {
    return (
      await readSetting(this.d.db, FIELDWORK_POLICY_KEY, FieldworkPolicySchema, DEFAULT_FIELDWORK_POLICY)
    ).value;
  }

  private today(): string {
    return businessDateOf(this.d.clock.now());
  }

  /** The job if it is assigned to the actor; anyone else gets a 404, as if it did not exist. */
  private async job(actor: Actor, orderId: string): Promise<AssignedJob> {
    const job = await this.d.repo.jobFor(orderId, actor.userId);
    if (!job) throw notFound('job', orderId);
    return job;
  }

  private async statuses(ids: readonly (string | null)[], asOf: string): Promise<Map<string, string>> {
    const known = ids.filter((x): x is string => !!x);
    return this.warrantyStatusOf && known.length ? this.warrantyStatusOf(known, asOf) : new Map();
  }

  async list(actor: Actor) {
    const today = this.today();
    const since = new Date(`${today}T00:00:00+08:00`).toISOString();
    const rows = await this.d.repo.jobsOf(actor.userId, OPEN, since);
    const products = await this.d.repo.products(rows.map((r) => r.productId));
    const statuses = await this.statuses(
      rows.map((r) => r.productId),
      today,
    );
    return {
      items: rows.map((r) => jobView(actor, r, products, today, statuses)).sort(byAppointment),
      today,
    };
  }

  async get(actor: Actor, orderId: string): Promise<FieldJobDetail> {
    return this.detail(actor, await this.job(actor, orderId));
  }

  private async detail(actor: Actor, job: AssignedJob): Promise<FieldJobDetail> {
    const [products, visit, photos, flags, code, redo, visits] = await Promise.all([
      this.d.repo.products([job.productId]),
      this.d.repo.latestVisit(job.id),
      this.d.repo.photos(job.id),
      this.d.repo.flags(job.id),
      this.d.repo.latestCode(job.id),
      this.d.workOrders.redoInfo(job.id),
      this.d.repo.visits(job.id),
    ]);
    // The visit that did not hold: the last one completed before the order was sent back.
    const previous = redo
      ? visits.filter((v) => v.completedAt && v.completedAt <= redo.at).at(-1)
      : undefined;
    const statuses = await this.statuses([job.productId], this.today());
    const base = `/api/v1/field/jobs/${job.id}/photos`;
    const sig = photos.filter((p) => p.kind === 'signature' && (!visit || p.visitId === visit.id)).at(-1);
    const now = this.d.clock.now().toISOString();
    return {
      ...jobView(actor, job, products, this.today(), statuses),
      visit: visit ? visitView(visit) : null,
      photos: photos.filter((p) => p.kind !== 'signature').map((p) => photoView(p, base)),
      signature: sig ? photoView(sig, base) : null,
      flags: flags.map(flagView),
      completionCode:
        code && !code.usedAt && code.expiresAt > now
          ? { sentAt: code.createdAt, expiresAt: code.expiresAt, sentTo: maskPhone(job.contactPhone) }
          : null,
      redo,
      previousVisit: previous ? visitView(previous) : null,
    };
  }

  /** One status change through the work-order service, with the field step for the hooks. */
  private async move(
    actor: Actor,
    job: AssignedJob,
    to: WorkOrderStatus,
    step: FieldStep,
    requestId: string | null,
    reason?: string,
  ): Promise<void> {
    await this.d.workOrders.transition(
      actor,
      job.id,
      { to, version: job.version, data: {}, ...(reason ? { reason } : {}) },
      { requestId, intents: { fieldwork: step } },
    );
  }

  private async refreshed(actor: Actor, orderId: string) {
    return this.detail(actor, await this.job(actor, orderId));
  }

  async depart(actor: Actor, orderId: string, requestId: string | null) {
    const job = await this.job(actor, orderId);
    await this.move(actor, job, 'departed', {}, requestId);
    return this.refreshed(actor, orderId);
  }

  async arrive(actor: Actor, orderId: string, input: ArriveRequest, requestId: string | null) {
    const job = await this.job(actor, orderId);
    const { radiusMeters } = await this.policy();
    const pos =
      input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;
    const check = assessCheckIn(pos, job, radiusMeters);
    await this.move(
      actor,
      job,
      'arrived',
      {
        arrival: {
          lat: pos?.lat ?? null,
          lng: pos?.lng ?? null,
          accuracyM: input.accuracy ?? null,
          distanceM: check.distanceM,
          flags: check.flags,
        },
      },
      requestId,
    );
    return this.refreshed(actor, orderId);
  }

  async start(actor: Actor, orderId: string, requestId: string | null) {
    const job = await this.job(actor, orderId);
    await this.move(actor, job, 'in_progress', {}, requestId);
    return this.refreshed(actor, orderId);
  }

  /** Writes to the open visit of a job in one of `needs`, with an event, in one transaction. */
  private async record(
    actor: Actor,
    job: AssignedJob,
    action: 'diagnosed' | 'work_recorded' | 'result_recorded',
    needs: readonly WorkOrderStatus[],
    requestId: string | null,
    write: (trx: Kysely<Database>, visitId: string, at: string) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    if (!needs.includes(job.status)) throw wrongState(job, action, needs);
    const visit = await this.d.repo.latestVisit(job.id);
    if (!visit || visit.completedAt) throw wrongState(job, action, needs);
    const now = this.d.clock.now();
    await withTransaction(this.d.db, this.d.dialect, async ({ trx, afterCommit }) => {
      const data = await write(trx, visit.id, now.toISOString());
      await appendEvent(trx, {
        streamType: STREAM,
        streamId: job.id,
        type: FIELDWORK_EVENTS.type[action],
        actor: eventActorOf(actor),
        at: now,
        data: { visitId: visit.id, ...data },
        requestId,
      });
      afterCommit(this.d.nudgeOutbox);
    });
  }

  async diagnose(actor: Actor, orderId: string, input: DiagnosisRequest, requestId: string | null) {
    const job = await this.job(actor, orderId);
    const faultCodeId = input.faultCodeId ?? null;
    if (job.categoryCode && this.d.validateFaultCodes) {
      await this.d.validateFaultCodes(job.categoryCode, faultCodeId, input.symptomCodes);
    } else if (faultCodeId || input.symptomCodes.length) {
      throw fieldError(
        'faultCodeId',
        'not_allowed',
        'This job has no product category to take fault codes from',
      );
    }
    await this.record(actor, job, 'diagnosed', ['in_progress'], requestId, async (trx, visitId, at) => {
      await this.d.repo.updateVisit(trx, visitId, {
        faultCodeId,
        symptomCodes: input.symptomCodes,
        findings: input.findings,
        diagnosedAt: at,
        updatedAt: at,
      });
      return { faultCodeId, symptomCodes: input.symptomCodes };
    });
    return this.refreshed(actor, orderId);
  }

  async work(actor: Actor, orderId: string, input: WorkRequest, requestId: string | null) {
    const job = await this.job(actor, orderId);
    const parts = input.parts.map((p) => ({
      name: p.name,
      quantity: p.quantity,
      ...(p.note ? { note: p.note } : {}),
    }));
    await this.record(actor, job, 'work_recorded', ['in_progress'], requestId, async (trx, visitId, at) => {
      await this.d.repo.updateVisit(trx, visitId, {
        workDone: input.workDone,
        parts,
        workedAt: at,
        updatedAt: at,
      });
      return { parts };
    });
    return this.refreshed(actor, orderId);
  }

  async addPhoto(actor: Actor, orderId: string, up: PhotoUpload, requestId: string | null) {
    const job = await this.job(actor, orderId);
    const needs = ON_SITE_STATUSES;
    if (!needs.includes(job.status)) throw wrongState(job, 'photo', needs);
    const visit = await this.d.repo.latestVisit(job.id);
    const photo = await this.d.photos.add(actor, job, visit?.id ?? null, up, requestId);
    return photoView(photo, `/api/v1/field/jobs/${job.id}/photos`);
  }

  async signature(actor: Actor, orderId: string, png: string, requestId: string | null) {
    const job = await this.job(actor, orderId);
    const needs: WorkOrderStatus[] = ['in_progress'];
    if (!needs.includes(job.status)) throw wrongState(job, 'signature', needs);
    const visit = await this.d.repo.latestVisit(job.id);
    const photo = await this.d.photos.addSignature(actor, job, visit?.id ?? null, png, requestId);
    return photoView(photo, `/api/v1/field/jobs/${job.id}/photos`);
  }

  async result(actor: Actor, orderId: string, input: ResultRequest, requestId: string | null) {
    const job = await this.job(actor, orderId);
    if (input.outcome === 'needs_parts') {
      if (job.status !== 'in_progress') throw wrongState(job, 'result', ['in_progress']);
      await this.move(
        actor,
        job,
        'awaiting_parts',
        { outcome: { outcome: 'needs_parts', note: input.note } },
        requestId,
        input.note || 'needs parts',
      );
      return this.refreshed(actor, orderId);
    }
    if (input.outcome === 'needs_escalation' && !input.note)
      throw fieldError('note', 'required', 'Say why the job needs escalation');
    await this.record(actor, job, 'result_recorded', ['in_progress'], requestId, async (trx, visitId, at) => {
      await this.d.repo.updateVisit(trx, visitId, {
        outcome: input.outcome,
        outcomeNote: input.note || null,
        outcomeAt: at,
        updatedAt: at,
      });
      if (input.outcome === 'needs_escalation') {
        const payload: EscalationRequested = {
          orderId: job.id,
          reason: input.note,
          technicianId: job.technicianId,
        };
        await enqueueOutbox(trx, { topic: ESCALATION_TOPIC, payload, at: this.d.clock.now() });
      }
      return { outcome: input.outcome, note: input.note };
    });
    return this.refreshed(actor, orderId);
  }

  async sendCompletionCode(actor: Actor, orderId: string, requestId: string | null) {
    const job = await this.job(actor, orderId);
    if (job.status !== 'in_progress') throw wrongState(job, 'completion_code', ['in_progress']);
    const policy = await this.policy();
    const now = this.d.clock.now();
    const last = await this.d.repo.latestCode(job.id);
    if (last) {
      const wait = Date.parse(last.createdAt) + policy.codeResendSeconds * 1000 - now.getTime();
      if (wait > 0) {
        const retryAfterSeconds = Math.ceil(wait / 1000);
        throw new DomainError(
          'request.rate_limited',
          `Wait ${retryAfterSeconds} s before sending another code`,
          {
            extra: { retryAfterSeconds },
          },
        );
      }
    }
    const id = newId();
    const code = newCompletionCode();
    await withTransaction(this.d.db, this.d.dialect, async ({ trx, afterCommit }) => {
      await this.d.repo.insertCode(trx, {
        id,
        orderId: job.id,
        hash: hashCompletionCode(id, code),
        now: now.toISOString(),
        expiresAt: new Date(now.getTime() + policy.codeTtlSeconds * 1000).toISOString(),
      });
      await notifySms(
        trx,
        now,
        {
          to: job.contactPhone,
          text: completionSmsText(job.number, code, policy.codeTtlSeconds),
          template: 'fieldwork.completion_code',
          params: { number: job.number, code },
          ref: `work_order:${job.id}`,
        },
        `fieldwork-code:${id}`,
      );
      await appendEvent(trx, {
        streamType: STREAM,
        streamId: job.id,
        type: 'fieldwork.completion_code_sent',
        actor: eventActorOf(actor),
        at: now,
        data: { codeId: id, sentTo: maskPhone(job.contactPhone) },
        requestId,
      });
      afterCommit(this.d.nudgeOutbox);
    });
    return {
      sentTo: maskPhone(job.contactPhone),
      expiresInSeconds: policy.codeTtlSeconds,
      resendAfterSeconds: policy.codeResendSeconds,
    };
  }

  /**
   * Completion: confirmed by the customer's code (or, when they have no phone at hand, by the
   * signature already collected — flagged signature_only). in_progress → completed by the
   * technician; the completion's transaction also queues the hand-off to 待回访 (the callbacks
   * module's hook and outbox handler), so the order reaches the callback team even if this
   * process stops right after the commit.
   */
  async complete(actor: Actor, orderId: string, input: CompleteRequest, requestId: string | null) {
    const job = await this.job(actor, orderId);
    if (job.status !== 'in_progress') throw wrongState(job, 'complete', ['in_progress']);
    const visit = await this.d.repo.latestVisit(job.id);
    let step: FieldStep;
    if (input.method === 'code') {
      const policy = await this.policy();
      const now = this.d.clock.now().toISOString();
      const code = await this.d.repo.latestCode(job.id);
      if (!code) throw codeInvalid('none', 0);
      if (code.usedAt || code.expiresAt <= now) throw codeInvalid('expired', 0);
      if (!(await this.d.repo.countAttempt(code.id, policy.codeMaxAttempts)))
        throw codeInvalid('attempts_exhausted', 0);
      if (!completionCodeMatches(code.id, input.code, code.codeHash))
        throw codeInvalid('wrong', Math.max(0, policy.codeMaxAttempts - code.attempts - 1));
      step = { completion: { method: 'code', codeId: code.id } };
    } else {
      const photos = await this.d.repo.photos(job.id);
      const signed = photos.some((p) => p.kind === 'signature' && (!visit || p.visitId === visit.id));
      if (!signed)
        throw refuse(
          'fieldwork.signature_required',
          {},
          { path: 'method', detail: "Collect the customer's signature before completing by signature" },
        );
      step = { completion: { method: 'signature' } };
    }
    await this.move(actor, job, 'completed', step, requestId);
    return this.refreshed(actor, orderId);
  }

  // ---- proof of service (outlet, center, quality) ----

  async proof(actor: Actor, orderId: string): Promise<ProofView> {
    await this.d.workOrders.get(actor, orderId); // scope check: 404 outside the actor's data scope
    const [visits, photos, flags] = await Promise.all([
      this.d.repo.visits(orderId),
      this.d.repo.photos(orderId),
      this.d.repo.flags(orderId),
    ]);
    const base = `/api/v1/orders/${orderId}/proof/photos`;
    const sig = photos.filter((p) => p.kind === 'signature').at(-1);
    return {
      orderId,
      visits: visits.map(visitView),
      photos: photos.filter((p) => p.kind !== 'signature').map((p) => photoView(p, base)),
      signature: sig ? photoView(sig, base) : null,
      flags: flags.map(flagView),
    };
  }

  async openProofPhoto(actor: Actor, orderId: string, photoId: string) {
    await this.d.workOrders.get(actor, orderId);
    return this.d.photos.open(orderId, photoId);
  }

  async openJobPhoto(actor: Actor, orderId: string, photoId: string) {
    await this.job(actor, orderId);
    return this.d.photos.open(orderId, photoId);
  }

  async verifyPhoto(actor: Actor, orderId: string, photoId: string) {
    await this.d.workOrders.get(actor, orderId);
    return this.d.photos.verify(orderId, photoId);
  }
}
