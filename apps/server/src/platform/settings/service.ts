import type { FieldError, SettingView } from '@anxin/contracts';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../clock/index.ts';
import { withTransaction } from '../db/transaction.ts';
import type { Db, DialectName } from '../db/types.ts';
import { DomainError, notFound } from '../http/errors.ts';
import type { Logger } from '../logging/index.ts';
import {
  fieldsOf,
  guardIssues,
  issuesOf,
  maskSecrets,
  unmaskSecrets,
  type SettingDefinition,
  type SettingsRegistry,
} from './registry.ts';
import { invalidateSettings, writeSetting } from './index.ts';
import { eventActorOf as eventActor } from '../auth/actor.ts';

export interface SettingsDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
}

/** What is stored for a key, judged against its schema (never replaced silently). */
export interface SettingState {
  value: unknown;
  version: number;
  valid: boolean;
  issues: FieldError[];
  stored?: unknown;
}

/** The one settings API: list, read and write every registered key, each behind its own permissions. */
export class SettingsService {
  private readonly deps: SettingsDeps;
  readonly registry: SettingsRegistry;
  private readonly listeners = new Map<string, Array<() => void>>();
  /** Keys already reported as invalid, so a broken value is logged once per process, not per read. */
  private readonly reported = new Set<string>();

  constructor(deps: SettingsDeps, registry: SettingsRegistry) {
    this.deps = deps;
    this.registry = registry;
  }

  /** Runs after a successful write of `key` (for example a module dropping its cache). */
  onChange(key: string, fn: () => void): void {
    this.listeners.set(key, [...(this.listeners.get(key) ?? []), fn]);
  }

  async state(def: SettingDefinition): Promise<SettingState> {
    const row = await this.deps.db
      .selectFrom('settings')
      .select(['value', 'version'])
      .where('key', '=', def.key)
      .executeTakeFirst();
    if (!row) return { value: def.default, version: 0, valid: true, issues: [] };
    let stored: unknown;
    try {
      stored = JSON.parse(row.value);
    } catch {
      return this.invalid(def, row.version, row.value, [
        { path: '(root)', rule: 'json', message: 'stored value is not JSON' },
      ]);
    }
    const parsed = def.schema.safeParse(stored);
    if (!parsed.success) return this.invalid(def, row.version, stored, issuesOf(parsed.error, stored));
    this.reported.delete(def.key);
    return { value: parsed.data, version: row.version, valid: true, issues: [] };
  }

  private invalid(
    def: SettingDefinition,
    version: number,
    stored: unknown,
    issues: FieldError[],
  ): SettingState {
    if (!this.reported.has(def.key)) {
      this.reported.add(def.key);
      this.deps.logger.warn(
        { setting: def.key, version, issues },
        'stored setting no longer parses; the default is in force until it is corrected',
      );
    }
    return { value: def.default, version, valid: false, issues, stored };
  }

  /** Keys whose stored value does not parse (for /readyz details and start-up). */
  async invalidKeys(): Promise<string[]> {
    const states = await Promise.all(
      this.registry.list().map(async (d) => [d.key, await this.state(d)] as const),
    );
    return states.filter(([, s]) => !s.valid).map(([k]) => k);
  }

  private view(def: SettingDefinition, s: SettingState, actor: Actor): SettingView {
    return {
      key: def.key,
      label: def.label,
      module: def.module,
      value: maskSecrets(def, s.value),
      default: maskSecrets(def, def.default),
      version: s.version,
      valid: s.valid,
      issues: s.issues,
      ...(s.valid ? {} : { stored: maskSecrets(def, s.stored) }),
      writable: this.canWrite(actor, def),
      fields: fieldsOf(def),
    };
  }

  private canWrite(actor: Actor, def: SettingDefinition): boolean {
    // Settings are global: only actors whose data scope is everything may change one.
    return actor.permissions.has(def.write) && actor.scope.level === 'all';
  }

  private readable(actor: Actor, key: string): SettingDefinition {
    const def = this.registry.get(key);
    if (!def || !actor.permissions.has(def.read)) throw notFound('setting', key);
    return def;
  }

  async list(actor: Actor): Promise<{ items: SettingView[] }> {
    const defs = this.registry.list().filter((d) => actor.permissions.has(d.read));
    const items = await Promise.all(defs.map(async (d) => this.view(d, await this.state(d), actor)));
    return { items };
  }

  async get(actor: Actor, key: string): Promise<SettingView> {
    const def = this.readable(actor, key);
    return this.view(def, await this.state(def), actor);
  }

  /** Validates (schema, bounds, cross-field rules), writes with the expected version and audits. */
  async put(actor: Actor, key: string, value: unknown, version: number): Promise<SettingView> {
    const def = this.readable(actor, key);
    if (!this.canWrite(actor, def)) {
      throw new DomainError('auth.forbidden', `Changing ${key} needs the permission ${def.write}`, {
        extra: { permission: def.write },
      });
    }
    if (def.secrets?.length) value = unmaskSecrets(def, value, (await this.state(def)).value);
    const parsed = def.schema.safeParse(value);
    const errors = parsed.success ? guardIssues(def, parsed.data) : issuesOf(parsed.error, value);
    if (errors.length) {
      throw new DomainError('request.validation_failed', `Setting ${key} is invalid`, {
        errors: errors.map(
          (e) => ({ ...e, path: e.path === '(root)' ? 'value' : `value.${e.path}` }) as FieldError,
        ),
      });
    }
    await def.check?.(parsed.data, this.deps.db);
    await withTransaction(this.deps.db, this.deps.dialect, ({ trx }) =>
      writeSetting(
        trx,
        key,
        def.schema,
        parsed.data,
        version,
        eventActor(actor),
        this.deps.clock.now(),
        (v) => maskSecrets(def, v),
      ),
    );
    this.reported.delete(key);
    // Again after commit: a read between the write and the commit may have cached the old row.
    invalidateSettings(key);
    for (const fn of this.listeners.get(key) ?? []) fn();
    return this.get(actor, key);
  }
}
