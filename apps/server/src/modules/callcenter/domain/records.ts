import type {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  CallRecordInput,
  FieldRule,
  FieldRuleParams,
} from '@anxin/contracts';

/** One problem of one record: `row` is the batch index or the Excel/CSV row number. */
export interface RecordIssue {
  row: number;
  field: string;
  rule: FieldRule;
  params?: FieldRuleParams<FieldRule>;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai business date and half hour (0…47) a call was offered in (no DST in China). */
export function offeredSlot(offeredAt: string): { on: string; slot: number } {
  const local = new Date(Date.parse(offeredAt) + SHANGHAI_OFFSET_MS);
  return {
    on: local.toISOString().slice(0, 10),
    slot: local.getUTCHours() * 2 + (local.getUTCMinutes() >= 30 ? 1 : 0),
  };
}

/**
 * Rules across fields that the field schema cannot say: an answered call has its answer time, an
 * abandoned one neither an answer time nor talk; times run offered ≤ answered ≤ ended.
 */
export function recordIssues(row: number, r: CallRecordInput): RecordIssue[] {
  const out: RecordIssue[] = [];
  const offered = Date.parse(r.offeredAt);
  const ended = Date.parse(r.endedAt);
  if (ended < offered) out.push({ row, field: 'endedAt', rule: 'after_start' });
  if (r.outcome === 'answered') {
    if (!r.answeredAt) out.push({ row, field: 'answeredAt', rule: 'required' });
    else {
      const answered = Date.parse(r.answeredAt);
      if (answered < offered || answered > ended) out.push({ row, field: 'answeredAt', rule: 'order' });
    }
  } else {
    if (r.answeredAt) out.push({ row, field: 'answeredAt', rule: 'not_allowed' });
    if (r.talkSeconds > 0) out.push({ row, field: 'talkSeconds', rule: 'not_allowed' });
  }
  return out;
}

/** Import columns: field and the Chinese header of the template (English field names work too). */
export const IMPORT_COLUMNS = [
  ['source', '来源系统'],
  ['externalId', '话单编号'],
  ['direction', '方向'],
  ['callerNumber', '主叫号码'],
  ['queue', '队列'],
  ['agent', '坐席账号'],
  ['offeredAt', '进线时间'],
  ['answeredAt', '接听时间'],
  ['endedAt', '结束时间'],
  ['waitSeconds', '排队秒数'],
  ['talkSeconds', '通话秒数'],
  ['holdSeconds', '保持秒数'],
  ['acwSeconds', '话后处理秒数'],
  ['outcome', '结果'],
  ['resolvedFirstContact', '首次解决'],
  ['workOrderId', '工单ID'],
] as const;
export type ImportField = (typeof IMPORT_COLUMNS)[number][0];
export type ImportCells = Partial<Record<ImportField, string>>;

export function columnOf(header: string): ImportField | undefined {
  const h = header.trim();
  return IMPORT_COLUMNS.find(([f, zh]) => zh === h || f.toLowerCase() === h.toLowerCase())?.[0];
}

const DIRECTION_WORDS: Record<string, (typeof CALL_DIRECTIONS)[number]> = {
  呼入: 'inbound',
  inbound: 'inbound',
  呼出: 'outbound',
  outbound: 'outbound',
};
const OUTCOME_WORDS: Record<string, (typeof CALL_OUTCOMES)[number]> = {
  接通: 'answered',
  已接听: 'answered',
  answered: 'answered',
  放弃: 'abandoned',
  abandoned: 'abandoned',
};
const YES_NO: Record<string, boolean> = {
  是: true,
  否: false,
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
};

/**
 * A local time as typed in a sheet (`2026-12-01 09:30:15`, Asia/Shanghai) or an ISO instant with
 * an offset, as an ISO UTC instant; null when it is neither.
 */
export function instantOf(text: string): string | null {
  const t = text.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, s ? +s : 0) - SHANGHAI_OFFSET_MS;
    const back = new Date(ms + SHANGHAI_OFFSET_MS);
    if (back.getUTCMonth() !== +mo! - 1 || back.getUTCDate() !== +d! || +h! > 23 || +mi! > 59) return null;
    return new Date(ms).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  return null;
}

/**
 * One sheet row as a call record, or the row's every issue. `agentIdOf` resolves the 坐席账号
 * (a username or a user id) to a user id, undefined when there is no such user.
 */
export function parseImportRow(
  row: number,
  cells: ImportCells,
  agentIdOf: (text: string) => string | undefined,
): { record: CallRecordInput | null; issues: RecordIssue[] } {
  const issues: RecordIssue[] = [];
  const text = (f: ImportField) => (cells[f] ?? '').trim();
  const issue = (field: string, rule: FieldRule, params?: FieldRuleParams<FieldRule>) =>
    issues.push({ row, field, rule, ...(params ? { params } : {}) });
  const required = (f: ImportField) => {
    const v = text(f);
    if (!v) issue(f, 'required');
    return v;
  };
  const maxLen = (f: ImportField, v: string, max: number) => {
    if (v.length > max) issue(f, 'too_big', { max, origin: 'string' });
    return v;
  };
  const instant = (f: ImportField, need: boolean): string | null => {
    const v = text(f);
    if (!v) {
      if (need) issue(f, 'required');
      return null;
    }
    const at = instantOf(v);
    if (!at) issue(f, 'invalid_format', { format: 'datetime' });
    return at;
  };
  const secs = (f: ImportField, need: boolean): number => {
    const v = text(f);
    if (!v) {
      if (need) issue(f, 'required');
      return 0;
    }
    if (!/^\d+$/.test(v) || Number(v) > 86_400) {
      issue(f, 'range', { min: 0, max: 86_400 });
      return 0;
    }
    return Number(v);
  };
  const source = maxLen('source', text('source') || 'default', 40);
  const externalId = maxLen('externalId', required('externalId'), 100);
  const dirText = text('direction');
  const direction = dirText ? DIRECTION_WORDS[dirText.toLowerCase()] : 'inbound';
  if (!direction) issue('direction', 'invalid_value', { values: ['呼入', '呼出'] });
  const outText = required('outcome');
  const outcome = outText ? OUTCOME_WORDS[outText.toLowerCase()] : undefined;
  if (outText && !outcome) issue('outcome', 'invalid_value', { values: ['接通', '放弃'] });
  const agentText = text('agent');
  const agentUserId = agentText ? (agentIdOf(agentText) ?? null) : null;
  if (agentText && !agentUserId) issue('agent', 'not_found');
  const fcrText = text('resolvedFirstContact');
  const fcr = fcrText ? YES_NO[fcrText.toLowerCase()] : null;
  if (fcr === undefined) issue('resolvedFirstContact', 'yes_no');
  const offeredAt = instant('offeredAt', true);
  const answeredAt = instant('answeredAt', false);
  const endedAt = instant('endedAt', true);
  const record: CallRecordInput = {
    source,
    externalId,
    direction: direction ?? 'inbound',
    callerNumber: maxLen('callerNumber', text('callerNumber'), 40) || null,
    queue: maxLen('queue', text('queue'), 60) || null,
    agentUserId,
    offeredAt: offeredAt ?? '',
    answeredAt,
    endedAt: endedAt ?? '',
    waitSeconds: secs('waitSeconds', true),
    talkSeconds: secs('talkSeconds', false),
    holdSeconds: secs('holdSeconds', false),
    acwSeconds: secs('acwSeconds', false),
    outcome: outcome ?? 'answered',
    resolvedFirstContact: fcr ?? null,
    workOrderId: maxLen('workOrderId', text('workOrderId'), 64) || null,
  };
  if (issues.length) return { record: null, issues };
  const cross = recordIssues(row, record);
  return cross.length ? { record: null, issues: cross } : { record, issues: [] };
}

/** Issues of records sharing a (source, external id) within one batch or file: the later ones. */
export function duplicateIssues(
  rows: { row: number; record: CallRecordInput }[],
  field: string,
): RecordIssue[] {
  const seen = new Set<string>();
  const out: RecordIssue[] = [];
  for (const { row, record } of rows) {
    const key = `${record.source}\u0000${record.externalId}`;
    if (seen.has(key)) out.push({ row, field, rule: 'unique' });
    seen.add(key);
  }
  return out;
}
