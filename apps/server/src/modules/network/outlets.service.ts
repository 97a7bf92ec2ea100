import type { Outlet, OutletInput, OutletListQuery, UpdateOutlet } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { checkRegion, regionName } from '../customers/index.ts';
import { checkRegionCode, eventActor, uniqueBy, type NetworkContext } from './network.deps.ts';
import type { OutletFields, OutletRecord } from './network.records.ts';

const MAX_PAGE = 200;

/** A new outlet checked by `prepare`, ready for `insertPrepared`. */
export interface PreparedOutlet {
  id: string;
  code: string;
  fields: OutletFields;
  areas: string[];
  categories: string[];
}

export function outletView(o: OutletRecord): Outlet {
  return {
    ...o,
    regionName: regionName(o.districtCode),
    serviceAreas: o.serviceAreas.map((code) => ({ code, name: regionName(code) })),
  };
}

/** Outlets: list, detail, create, update, suspend/reactivate, calendar overrides. */
export class OutletsService {
  private readonly ctx: NetworkContext;
  constructor(ctx: NetworkContext) {
    this.ctx = ctx;
  }
  private get repo() {
    return this.ctx.outlets;
  }

  /** The outlet if the actor's data scope reaches it; otherwise 404 (no hint that it exists). */
  async visible(actor: Actor, id: string): Promise<OutletRecord> {
    const o = await this.repo.find(id);
    if (!o || !(await this.repo.isVisible(actor.scope, id))) throw notFound('outlet', id);
    return o;
  }

  async detail(actor: Actor, id: string): Promise<Outlet> {
    return outletView(await this.visible(actor, id));
  }

  async list(actor: Actor, q: OutletListQuery) {
    const limit = Math.min(q.limit, MAX_PAGE);
    const rows = await this.repo.listIds(actor.scope, q, limit + 1);
    const page = rows.slice(0, limit);
    const items = (await this.repo.findMany(page.map((r) => r.id))).map(outletView);
    return { items, nextCursor: rows.length > limit ? page[page.length - 1]!.code : null };
  }

  async create(actor: Actor, input: OutletInput, requestId?: string): Promise<Outlet> {
    const outlet = await this.prepare(input);
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, ({ trx }) =>
      this.insertPrepared(trx, actor, outlet, requestId),
    );
    return outletView((await this.repo.find(outlet.id))!);
  }

  /** Checks a new outlet as the form's create does (throws the first fault) and gives it an id. */
  async prepare(input: OutletInput): Promise<PreparedOutlet> {
    const fields = await this.validate(null, input, input);
    const areas = this.checkAreas(input.serviceAreas);
    uniqueBy(
      input.categories,
      (c) => c,
      (i) => `categories.${i}`,
      'Category',
    );
    await this.ctx.checkCategories(input.categories, (i) => `categories.${i}`);
    if (await this.repo.codeTaken(input.code))
      throw new DomainError('resource.already_exists', `Outlet code ${input.code} is taken`, {
        errors: [{ path: 'code', rule: 'unique', message: `Outlet code ${input.code} is taken` }],
      });
    return { id: newId(), code: input.code, fields, areas, categories: input.categories };
  }

  /** Stores a prepared outlet with its areas and categories and the `outlet.created` event, in `trx`. */
  async insertPrepared(trx: Db, actor: Actor, o: PreparedOutlet, requestId?: string): Promise<void> {
    const now = this.ctx.now();
    await this.repo.insert(trx, o.id, o.code, o.fields, now.toISOString());
    await this.repo.replaceAreas(trx, o.id, o.areas);
    await this.repo.replaceCategories(trx, o.id, o.categories);
    await appendEvent(trx, {
      streamType: 'outlet',
      streamId: o.id,
      type: 'outlet.created',
      actor: eventActor(actor),
      at: now,
      requestId,
      data: { after: { code: o.code, ...o.fields, serviceAreas: o.areas, categories: o.categories } },
    });
  }

  async update(actor: Actor, id: string, input: UpdateOutlet, requestId?: string): Promise<Outlet> {
    const current = await this.visible(actor, id);
    if (current.version !== input.version) throw versionConflict('outlet', id, input.version);
    const fields = await this.validate(current, { ...current, ...stripUndefined(input) }, input);
    const areas = input.serviceAreas ? this.checkAreas(input.serviceAreas) : null;
    if (input.categories) {
      uniqueBy(
        input.categories,
        (c) => c,
        (i) => `categories.${i}`,
        'Category',
      );
      await this.ctx.checkCategories(input.categories, (i) => `categories.${i}`);
    }
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const now = this.ctx.now();
      if (!(await this.repo.update(trx, id, input.version, fields, now.toISOString())))
        throw versionConflict('outlet', id, input.version);
      if (areas) await this.repo.replaceAreas(trx, id, areas);
      if (input.categories) await this.repo.replaceCategories(trx, id, input.categories);
      await appendEvent(trx, {
        streamType: 'outlet',
        streamId: id,
        type: 'outlet.updated',
        actor: eventActor(actor),
        at: now,
        requestId,
        data: {
          changed: Object.keys(input).filter((k) => k !== 'version'),
          before: { ...pick(current), serviceAreas: current.serviceAreas, categories: current.categories },
          after: {
            ...fields,
            ...(areas ? { serviceAreas: areas } : {}),
            ...(input.categories ? { categories: input.categories } : {}),
          },
        },
      });
    });
    return outletView((await this.repo.find(id))!);
  }

  /** Suspend or reactivate with a reason; the event carries from/to status and the reason. */
  async setStatus(
    actor: Actor,
    id: string,
    to: 'active' | 'suspended',
    input: { version: number; reason: string },
    requestId?: string,
  ): Promise<Outlet> {
    const current = await this.visible(actor, id);
    if (current.version !== input.version) throw versionConflict('outlet', id, input.version);
    if (current.status === to)
      throw new DomainError('state.invalid_transition', `Outlet ${current.code} is already ${to}`, {
        extra: { from: current.status, to },
      });
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const now = this.ctx.now();
      if (!(await this.repo.setStatus(trx, id, input.version, to, now.toISOString())))
        throw versionConflict('outlet', id, input.version);
      await appendEvent(trx, {
        streamType: 'outlet',
        streamId: id,
        type: to === 'suspended' ? 'outlet.suspended' : 'outlet.reactivated',
        actor: eventActor(actor),
        at: now,
        from: current.status,
        to,
        reason: input.reason,
        requestId,
      });
    });
    return outletView((await this.repo.find(id))!);
  }

  async calendar(actor: Actor, id: string) {
    await this.visible(actor, id);
    return { items: await this.repo.listOverrides(id) };
  }

  async putCalendarDay(actor: Actor, id: string, date: string, open: boolean, note: string | null) {
    await this.visible(actor, id);
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      await this.repo.putOverride(trx, id, date, open, note);
      await appendEvent(trx, {
        streamType: 'outlet',
        streamId: id,
        type: 'outlet.calendar_changed',
        actor: eventActor(actor),
        at: this.ctx.now(),
        data: { date, open, note },
      });
    });
    return { date, open, note };
  }

  async deleteCalendarDay(actor: Actor, id: string, date: string) {
    await this.visible(actor, id);
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      if (!(await this.repo.deleteOverride(trx, id, date))) throw notFound('outlet calendar day', date);
      await appendEvent(trx, {
        streamType: 'outlet',
        streamId: id,
        type: 'outlet.calendar_changed',
        actor: eventActor(actor),
        at: this.ctx.now(),
        data: { date, removed: true },
      });
    });
  }

  /** Address region, parent (a dealer or regional agent, no loops), as the fields to store. */
  private async validate(
    current: OutletRecord | null,
    merged: OutletFields,
    given: Partial<OutletInput>,
  ): Promise<OutletFields> {
    let { provinceCode, cityCode, districtCode } = merged;
    if (
      !current ||
      given.provinceCode !== undefined ||
      given.cityCode !== undefined ||
      given.districtCode !== undefined
    ) {
      const r = checkRegion({ provinceCode, cityCode, districtCode });
      if (!r.ok) throw fieldError(r.field, 'unknown_region', r.message);
      ({ provinceCode, cityCode, districtCode } = r.codes);
    }
    if (merged.parentId && (!current || given.parentId !== undefined)) {
      const parent = await this.repo.find(merged.parentId);
      if (!parent) throw fieldError('parentId', 'not_found', `Outlet ${merged.parentId} was not found`);
      if (parent.kind === 'outlet')
        throw refuse(
          'outlet.parent_not_dealer',
          {},
          { path: 'parentId', detail: 'The parent must be a dealer or a regional agent' },
        );
      if (current && (await this.repo.isAncestorOrSelf(current.id, parent.id)))
        throw refuse(
          'outlet.parent_cycle',
          {},
          { path: 'parentId', detail: 'An outlet cannot be its own parent or ancestor' },
        );
    }
    return {
      name: merged.name,
      type: merged.type,
      kind: merged.kind,
      parentId: merged.parentId,
      contactName: merged.contactName,
      contactPhone: merged.contactPhone,
      provinceCode,
      cityCode,
      districtCode,
      address: merged.address,
      lat: merged.lat,
      lng: merged.lng,
      dailyCapacity: merged.dailyCapacity,
      grade: merged.grade,
    };
  }

  private checkAreas(codes: string[]): string[] {
    uniqueBy(
      codes,
      (c) => c,
      (i) => `serviceAreas.${i}`,
      'Service area',
    );
    codes.forEach((c, i) => checkRegionCode(c, `serviceAreas.${i}`));
    return [...codes].sort();
  }
}

const pick = (o: OutletRecord): OutletFields => ({
  name: o.name,
  type: o.type,
  kind: o.kind,
  parentId: o.parentId,
  contactName: o.contactName,
  contactPhone: o.contactPhone,
  provinceCode: o.provinceCode,
  cityCode: o.cityCode,
  districtCode: o.districtCode,
  address: o.address,
  lat: o.lat,
  lng: o.lng,
  dailyCapacity: o.dailyCapacity,
  grade: o.grade,
});

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
