import type { NetworkImportResult } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/types.ts';
import {
  checkRowLimit,
  columnsByName,
  importIssueErrors,
  readImportSheet,
} from '../../platform/files/index.ts';
import { DomainError, refuse } from '../../platform/http/errors.ts';
import { checkRegion, normalisePhone, regionName } from '../customers/index.ts';
import { dataRows, type ImportIssue } from './domain/import-cells.ts';
import { checkOutletRows, OUTLET_IMPORT_COLUMNS } from './domain/outlet-import.ts';
import { checkTechnicianRows, TECHNICIAN_IMPORT_COLUMNS } from './domain/technician-import.ts';
import type { NetworkContext } from './network.deps.ts';
import type { OutletsService, PreparedOutlet } from './outlets.service.ts';
import type { PreparedTechnician, TechniciansService } from './technicians.service.ts';

type ImportCode = 'outlet.import_invalid' | 'technician.import_invalid';

/** Every issue at `rows.<n>.<column>`; the web words each rule with the column's label. */
function refusal(code: ImportCode, issues: ImportIssue[]) {
  return refuse(code, { count: issues.length }, { errors: importIssueErrors(issues) });
}

/**
 * A refusal of the form's own checks (run on rows the import's checks passed) as issues of the
 * row: each field error's path mapped to the column it came from, a refusal without field errors
 * (the outlet out of the importer's scope) at `fallback`.
 */
function issuesOf(
  row: number,
  err: unknown,
  columnOf: (path: string) => string,
  fallback: string,
): ImportIssue[] {
  if (!(err instanceof DomainError) || err.status >= 500) throw err;
  if (!err.errors?.length) {
    const rule = err.code === 'resource.not_found' ? 'not_found' : 'not_allowed';
    return [{ row, field: fallback, rule }];
  }
  return err.errors.map((e) => ({
    row,
    field: columnOf(e.path),
    // A refusal code as the rule would need the refusal's own parameters, which this report lacks.
    rule: e.rule.includes('.') ? 'invalid' : e.rule,
    ...('params' in e && e.params ? { params: e.params as ImportIssue['params'] } : {}),
  }));
}

const OUTLET_PATHS: Record<string, string> = {
  provinceCode: 'regionCode',
  cityCode: 'regionCode',
  districtCode: 'regionCode',
};
const TECHNICIAN_PATHS: Record<string, string> = { outletId: 'outletCode' };
const columnIn = (paths: Record<string, string>) => (path: string) => {
  const head = path.split('.')[0]!;
  return paths[head] ?? head;
};

/**
 * Outlets (with service areas and categories) and technicians (with skills) from one .xlsx or CSV
 * file each, all or nothing: every row is checked and each bad cell reported by row and column
 * (`outlet.import_invalid` / `technician.import_invalid`); then each row goes through the form's
 * create checks, and all rows are stored in one transaction with the create path's events.
 */
export class NetworkImportService {
  private readonly ctx: NetworkContext;
  private readonly outletsSvc: OutletsService;
  private readonly techniciansSvc: TechniciansService;
  constructor(ctx: NetworkContext, outlets: OutletsService, technicians: TechniciansService) {
    this.ctx = ctx;
    this.outletsSvc = outlets;
    this.techniciansSvc = technicians;
  }

  private async rows<F extends string>(
    body: Buffer,
    columns: readonly (readonly [F, string])[],
    required: F,
  ) {
    const rows = dataRows(await readImportSheet(body, { columnOf: columnsByName(columns), required }));
    checkRowLimit(rows, (await this.ctx.importPolicy()).value.maxRows);
    return rows;
  }

  async outlets(
    actor: Actor,
    body: Buffer,
    dryRun: boolean,
    requestId?: string,
  ): Promise<NetworkImportResult> {
    const rows = await this.rows(body, OUTLET_IMPORT_COLUMNS, 'code');
    const categories = await this.ctx.activeCategoryCodes();
    const taken = await this.ctx.outlets.idsByCodes(rows.map((r) => r.cells.code ?? '').filter(Boolean));
    const { lines, issues: found } = checkOutletRows(rows, {
      district: (code) => {
        if (!/^\d{6}$/.test(code)) return null;
        const r = checkRegion({
          provinceCode: code.slice(0, 2),
          cityCode: code.slice(0, 4),
          districtCode: code,
        });
        return r.ok ? r.codes : null;
      },
      areaKnown: (code) => !!regionName(code),
      categoryKnown: (code) => categories.has(code),
      codeTaken: (code) => taken.has(code),
    });
    const issues: ImportIssue[] = found;
    if (issues.length) throw refusal('outlet.import_invalid', issues);
    const prepared: PreparedOutlet[] = [];
    for (const l of lines) {
      try {
        prepared.push(await this.outletsSvc.prepare(l.input));
      } catch (err) {
        issues.push(...issuesOf(l.row, err, columnIn(OUTLET_PATHS), 'code'));
      }
    }
    if (issues.length) throw refusal('outlet.import_invalid', issues);
    if (!dryRun)
      await this.store(async (trx) => {
        for (const o of prepared) await this.outletsSvc.insertPrepared(trx, actor, o, requestId);
      });
    return { dryRun, created: prepared.length };
  }

  async technicians(
    actor: Actor,
    body: Buffer,
    dryRun: boolean,
    requestId?: string,
  ): Promise<NetworkImportResult> {
    const rows = await this.rows(body, TECHNICIAN_IMPORT_COLUMNS, 'name');
    const categories = await this.ctx.activeCategoryCodes();
    const outlets = await this.ctx.outlets.idsByCodes(
      rows.map((r) => r.cells.outletCode ?? '').filter(Boolean),
    );
    const phoneOf = (text: string) => {
      const r = normalisePhone(text);
      return r.ok ? r.phone : null;
    };
    const taken = await this.ctx.technicians.phonesTaken(
      rows.map((r) => phoneOf(r.cells.phone ?? '')).filter((p): p is string => !!p),
    );
    const { lines, issues: found } = checkTechnicianRows(rows, {
      outletId: (code) => outlets.get(code),
      categoryKnown: (code) => categories.has(code),
      provinceKnown: (code) => !!regionName(code),
      phone: phoneOf,
      phoneTaken: (p) => taken.has(p),
    });
    const issues: ImportIssue[] = found;
    if (issues.length) throw refusal('technician.import_invalid', issues);
    const prepared: PreparedTechnician[] = [];
    for (const l of lines) {
      try {
        prepared.push(await this.techniciansSvc.prepare(actor, l.input));
      } catch (err) {
        issues.push(...issuesOf(l.row, err, columnIn(TECHNICIAN_PATHS), 'outletCode'));
      }
    }
    if (issues.length) throw refusal('technician.import_invalid', issues);
    if (!dryRun)
      await this.store(async (trx) => {
        for (const t of prepared) await this.techniciansSvc.insertPrepared(trx, actor, t, requestId);
      });
    return { dryRun, created: prepared.length };
  }

  /** One transaction for every row; a code taken by someone else since the check undoes all (409). */
  private async store(fn: (trx: Db) => Promise<void>): Promise<void> {
    try {
      await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, ({ trx }) => fn(trx));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new DomainError('resource.already_exists', 'A row was created by someone else meanwhile', {
        params: {},
      });
    }
  }
}
