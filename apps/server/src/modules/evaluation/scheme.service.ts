import type { PutScheme, Scheme } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { eventActorOf, SCHEME_STREAM, type EvaluationContext } from './context.ts';
import { DEFAULT_SCHEME } from './domain/defaults.ts';
import { validateScheme } from './domain/validate-scheme.ts';
import type { SchemeRecord } from './evaluation.repository.ts';

/** The versioned evaluation scheme: every edit is a new version; evaluations keep theirs. */
export class SchemeService {
  private readonly ctx: EvaluationContext;
  constructor(ctx: EvaluationContext) {
    this.ctx = ctx;
  }

  /** The latest version; the first call stores the GB/T 27922 default as version 1. */
  async currentRecord(): Promise<SchemeRecord> {
    const latest = await this.ctx.repo.latestScheme();
    if (latest) return latest;
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const id = newId();
      const now = this.ctx.clock.now();
      if (
        await this.ctx.repo.insertScheme(trx, {
          id,
          version: 1,
          definition: DEFAULT_SCHEME,
          createdAt: now.toISOString(),
          createdBy: null,
        })
      )
        await appendEvent(trx, {
          streamType: SCHEME_STREAM,
          streamId: id,
          type: 'evaluation.scheme_seeded',
          actor: SYSTEM,
          at: now,
          data: { version: 1 },
        });
    });
    return (await this.ctx.repo.latestScheme())!;
  }

  view(r: SchemeRecord, latestVersion: number): Scheme {
    return { ...r, current: r.version === latestVersion };
  }

  async current(): Promise<Scheme> {
    const r = await this.currentRecord();
    return this.view(r, r.version);
  }

  async get(id: string): Promise<Scheme> {
    const latest = await this.currentRecord();
    const r = await this.ctx.repo.scheme(id);
    if (!r) throw notFound('evaluation scheme', id);
    return this.view(r, latest.version);
  }

  async versions() {
    await this.currentRecord();
    return { items: await this.ctx.repo.schemeVersions() };
  }

  /**
   * A new version from an edited definition. Sums that do not add up (items → indicator →
   * section → 100) are a 400 naming each path; a version saved meanwhile is a 409.
   */
  async put(actor: Actor, input: PutScheme, requestId?: string): Promise<Scheme> {
    const errors = validateScheme(input.definition);
    if (errors.length)
      throw new DomainError('request.validation_failed', errors[0]!.message, {
        errors: errors.map((e) => ({ ...e, path: `definition.${e.path}` })),
      });
    const latest = await this.currentRecord();
    if (latest.version !== input.baseVersion)
      throw versionConflict('evaluation scheme', latest.id, input.baseVersion);
    const id = newId();
    const version = latest.version + 1;
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const now = this.ctx.clock.now();
      const inserted = await this.ctx.repo.insertScheme(trx, {
        id,
        version,
        definition: input.definition,
        createdAt: now.toISOString(),
        createdBy: actor.kind === 'system' ? null : actor.userId,
      });
      if (!inserted) throw versionConflict('evaluation scheme', latest.id, input.baseVersion);
      await appendEvent(trx, {
        streamType: SCHEME_STREAM,
        streamId: id,
        type: 'evaluation.scheme_versioned',
        actor: eventActorOf(actor),
        at: now,
        requestId,
        data: { version, previous: latest.version, previousId: latest.id },
      });
    });
    return this.get(id);
  }
}
