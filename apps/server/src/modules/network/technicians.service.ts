import type {
  LeaveInput,
  Technician,
  TechnicianInput,
  TechnicianListQuery,
  UpdateTechnician,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { certificationStatus, checkTierPlacement, worstStatus } from './domain/rules.ts';
import { eventActor, uniqueBy, type NetworkContext } from './network.deps.ts';
import type { CertificationRecord, TechnicianFields, TechnicianRecord } from './network.records.ts';
import type { AvailabilityService } from './availability.service.ts';

const MAX_PAGE = 200;
const MAX_RANGE_DAYS = 62;

/** A new technician checked by `prepare`, ready for `insertPrepared`. */
export interface PreparedTechnician {
  id: string;
  fields: TechnicianFields;
  skills: TechnicianInput['skills'];
  shifts: TechnicianInput['shifts'];
  certs: CertificationRecord[];
}

/** Technicians and HQ staff: profile, skills, certifications, shifts, leave, rota. */
export class TechniciansService {
  private readonly ctx: NetworkContext;
  private readonly availability: AvailabilityService;
  constructor(ctx: NetworkContext, availability: AvailabilityService) {
    this.ctx = ctx;
    this.availability = availability;
  }
  private get repo() {
    return this.ctx.technicians;
  }

  async visible(actor: Actor, id: string): Promise<TechnicianRecord> {
    const t = await this.repo.find(id);
    if (!t || !(await this.repo.isVisible(actor.scope, id))) throw notFound('technician', id);
    return t;
  }

  async view(t: TechnicianRecord): Promise<Technician> {
    return (await this.views([t]))[0]!;
  }

  private async views(ts: TechnicianRecord[]): Promise<Technician[]> {
    const { value } = await this.ctx.certificationSettings();
    const today = this.ctx.today();
    return ts.map((t) => {
      const certifications = t.certifications.map((c) => ({
        ...c,
        status: certificationStatus(c.expiresOn, today, value.expiringSoonDays),
      }));
      return { ...t, certifications, certificationAlert: worstStatus(certifications.map((c) => c.status)) };
    });
  }

  async detail(actor: Actor, id: string): Promise<Technician> {
    return this.view(await this.visible(actor, id));
  }

  async list(actor: Actor, q: TechnicianListQuery) {
    const limit = Math.min(q.limit, MAX_PAGE);
    const ids = await this.repo.listIds(actor.scope, q, limit + 1);
    const page = await this.repo.findMany(ids.slice(0, limit));
    return {
      items: await this.views(page),
      nextCursor: ids.length > limit ? this.repo.cursorOf(page[page.length - 1]!) : null,
    };
  }

  async create(actor: Actor, input: TechnicianInput, requestId?: string): Promise<Technician> {
    const t = await this.prepare(actor, input);
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, ({ trx }) =>
      this.insertPrepared(trx, actor, t, requestId),
    );
    return this.view((await this.repo.find(t.id))!);
  }

  /** Checks a new technician as the form's create does (throws the first fault) and gives it an id. */
  async prepare(actor: Actor, input: TechnicianInput): Promise<PreparedTechnician> {
    const fields: TechnicianFields = {
      outletId: input.outletId,
      userId: null,
      name: input.name,
      phone: input.phone,
      tier: input.tier,
      provinceCode: input.provinceCode,
      startLat: input.startLat,
      startLng: input.startLng,
      active: input.active,
    };
    await this.checkPlacement(actor, fields);
    await this.checkLists(input);
    const certs = this.certRecords(input.certifications, []);
    return { id: newId(), fields, skills: input.skills, shifts: input.shifts, certs };
  }

  /** Stores a prepared technician with skills, shifts, certifications and `technician.created`, in `trx`. */
  async insertPrepared(trx: Db, actor: Actor, t: PreparedTechnician, requestId?: string): Promise<void> {
    const now = this.ctx.now();
    await this.repo.insert(trx, t.id, t.fields, now.toISOString());
    await this.repo.replaceSkills(trx, t.id, t.skills);
    await this.repo.replaceShifts(trx, t.id, t.shifts);
    await this.repo.replaceCertifications(trx, t.id, t.certs);
    await appendEvent(trx, {
      streamType: 'technician',
      streamId: t.id,
      type: 'technician.created',
      actor: eventActor(actor),
      at: now,
      requestId,
      data: { after: { ...t.fields, skills: t.skills, shifts: t.shifts, certifications: t.certs } },
    });
  }

  async update(actor: Actor, id: string, input: UpdateTechnician, requestId?: string): Promise<Technician> {
    const current = await this.visible(actor, id);
    if (current.version !== input.version) throw versionConflict('technician', id, input.version);
    const fields: TechnicianFields = {
      outletId: input.outletId !== undefined ? input.outletId : current.outletId,
      userId: current.userId,
      name: input.name ?? current.name,
      phone: input.phone !== undefined ? input.phone : current.phone,
      tier: input.tier ?? current.tier,
      provinceCode: input.provinceCode !== undefined ? input.provinceCode : current.provinceCode,
      startLat: input.startLat !== undefined ? input.startLat : current.startLat,
      startLng: input.startLng !== undefined ? input.startLng : current.startLng,
      active: input.active ?? current.active,
    };
    await this.checkPlacement(actor, fields);
    await this.checkLists(input);
    const certs = input.certifications
      ? this.certRecords(input.certifications, current.certifications)
      : null;
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const now = this.ctx.now();
      if (!(await this.repo.update(trx, id, input.version, fields, now.toISOString())))
        throw versionConflict('technician', id, input.version);
      if (input.skills) await this.repo.replaceSkills(trx, id, input.skills);
      if (input.shifts) await this.repo.replaceShifts(trx, id, input.shifts);
      if (certs) await this.repo.replaceCertifications(trx, id, certs);
      await appendEvent(trx, {
        streamType: 'technician',
        streamId: id,
        type: 'technician.updated',
        actor: eventActor(actor),
        at: now,
        requestId,
        data: {
          changed: Object.keys(input).filter((k) => k !== 'version'),
          before: { ...pickFields(current), skills: current.skills, shifts: current.shifts },
          after: {
            ...fields,
            ...(input.skills ? { skills: input.skills } : {}),
            ...(input.shifts ? { shifts: input.shifts } : {}),
            ...(certs ? { certifications: certs } : {}),
          },
        },
      });
    });
    return this.view((await this.repo.find(id))!);
  }

  // Leave and rota
  async leave(actor: Actor, id: string, fromIso: string, toIso: string) {
    await this.visible(actor, id);
    this.checkRange(fromIso, toIso, 366);
    return { items: await this.repo.listLeave([id], fromIso, toIso) };
  }

  async addLeave(actor: Actor, id: string, input: LeaveInput, requestId?: string) {
    await this.writable(actor, id);
    const startAt = new Date(input.startAt).toISOString();
    const endAt = new Date(input.endAt).toISOString();
    if (endAt <= startAt) throw fieldError('endAt', 'after_start', 'Leave must end after it starts');
    const leaveId = newId();
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      // Checked inside the transaction so two overlapping requests cannot both pass.
      const clash = await this.repo.listLeave([id], startAt, endAt, trx);
      if (clash.length)
        throw refuse(
          'technician.leave_overlaps',
          { count: clash.length },
          {
            path: 'startAt',
            detail: 'The technician already has leave in that period',
            extra: { overlapping: clash.map((c) => ({ id: c.id, startAt: c.startAt, endAt: c.endAt })) },
          },
        );
      const now = this.ctx.now();
      await this.repo.insertLeave(
        trx,
        { id: leaveId, technicianId: id, startAt, endAt, kind: input.kind, note: input.note },
        actor.userId || null,
        now.toISOString(),
      );
      await appendEvent(trx, {
        streamType: 'technician',
        streamId: id,
        type: 'technician.leave_added',
        actor: eventActor(actor),
        at: now,
        requestId,
        data: { leaveId, startAt, endAt, kind: input.kind, note: input.note },
      });
    });
    return (await this.repo.listLeave([id], startAt, endAt)).find((l) => l.id === leaveId)!;
  }

  async removeLeave(actor: Actor, id: string, leaveId: string, requestId?: string) {
    await this.writable(actor, id);
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const gone = await this.repo.deleteLeave(trx, id, leaveId);
      if (!gone) throw notFound('leave', leaveId);
      await appendEvent(trx, {
        streamType: 'technician',
        streamId: id,
        type: 'technician.leave_removed',
        actor: eventActor(actor),
        at: this.ctx.now(),
        requestId,
        data: { leaveId, startAt: gone.startAt, endAt: gone.endAt, kind: gone.kind },
      });
    });
  }

  async rota(actor: Actor, id: string, fromDate: string, toDate: string) {
    await this.visible(actor, id);
    if (toDate < fromDate) throw fieldError('to', 'after_from', 'to must not be before from');
    const rows = await this.repo.listRota([id], fromDate, toDate);
    return { items: rows.map((r) => ({ date: r.date, kind: r.kind })) };
  }

  async putRota(actor: Actor, id: string, date: string, kind: 'duty' | 'off' | null, requestId?: string) {
    await this.writable(actor, id);
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      if (kind) await this.repo.putRota(trx, id, date, kind);
      else if (!(await this.repo.deleteRota(trx, id, date))) throw notFound('rota day', date);
      await appendEvent(trx, {
        streamType: 'technician',
        streamId: id,
        type: 'technician.rota_changed',
        actor: eventActor(actor),
        at: this.ctx.now(),
        requestId,
        data: { date, kind },
      });
    });
  }

  async availabilityOf(actor: Actor, id: string, fromIso: string, toIso: string) {
    await this.visible(actor, id);
    this.checkRange(fromIso, toIso, MAX_RANGE_DAYS);
    const map = await this.availability.intervals([id], fromIso, toIso);
    return { items: map.get(id) ?? [] };
  }

  private checkRange(fromIso: string, toIso: string, maxDays: number) {
    const ms = Date.parse(toIso) - Date.parse(fromIso);
    if (!(ms > 0)) throw fieldError('to', 'after_from', 'to must be after from');
    if (ms > maxDays * 86_400_000)
      throw fieldError('to', 'max_range', `At most ${maxDays} days at a time`, { maxDays });
  }

  /** Outlet-scoped managers act on their own outlet's people only (404 otherwise). */
  private async writable(actor: Actor, id: string): Promise<TechnicianRecord> {
    const t = await this.visible(actor, id);
    if (t.outletId === null && actor.scope.level !== 'all') throw notFound('technician', id);
    return t;
  }

  /** Tier and outlet fit together; the outlet is one the actor may manage; HQ staff need scope all. */
  private async checkPlacement(actor: Actor, f: TechnicianFields): Promise<void> {
    const bad = checkTierPlacement(f.tier, f.outletId, f.provinceCode);
    if (bad) throw refuse(bad.code, { tier: f.tier }, { path: bad.path, detail: bad.message });
    if (f.outletId === null) {
      if (actor.scope.level !== 'all')
        throw new DomainError(
          'auth.forbidden',
          'Only staff with scope "all" manage HQ engineers and experts',
        );
      return;
    }
    const outlet = await this.ctx.outlets.find(f.outletId);
    if (!outlet || !(await this.ctx.outlets.isVisible(actor.scope, f.outletId)))
      throw notFound('outlet', f.outletId);
  }

  private async checkLists(input: Partial<TechnicianInput>): Promise<void> {
    if (input.skills) {
      uniqueBy(
        input.skills,
        (s) => s.categoryCode,
        (i) => `skills.${i}.categoryCode`,
        'Skill category',
      );
      await this.ctx.checkCategories(
        input.skills.map((s) => s.categoryCode),
        (i) => `skills.${i}.categoryCode`,
      );
    }
    if (input.shifts)
      uniqueBy(
        input.shifts,
        (s) => s.weekday,
        (i) => `shifts.${i}.weekday`,
        'Weekday',
      );
    if (input.certifications) {
      await this.ctx.checkCategories(
        input.certifications.map((c) => c.categoryCode),
        (i) => `certifications.${i}.categoryCode`,
      );
      input.certifications.forEach((c, i) => {
        if (c.expiresOn !== null && c.expiresOn < c.issuedOn)
          throw fieldError(
            `certifications.${i}.expiresOn`,
            'after_issued',
            'A certification expires after it is issued',
          );
      });
    }
  }

  private certRecords(
    input: TechnicianInput['certifications'],
    existing: CertificationRecord[],
  ): CertificationRecord[] {
    const known = new Set(existing.map((c) => c.id));
    return input.map((c) => ({
      id: c.id && known.has(c.id) ? c.id : newId(),
      name: c.name,
      number: c.number,
      categoryCode: c.categoryCode,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
    }));
  }
}

const pickFields = (t: TechnicianRecord): TechnicianFields => ({
  outletId: t.outletId,
  userId: t.userId,
  name: t.name,
  phone: t.phone,
  tier: t.tier,
  provinceCode: t.provinceCode,
  startLat: t.startLat,
  startLng: t.startLng,
  active: t.active,
});
