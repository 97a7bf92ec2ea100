import type { Actor } from '../auth/actor.ts';
import { newId } from '../ids/index.ts';

/** Who exported, when and under which id: printed into the file and recorded in the audit trail. */
export interface ExportStamp {
  id: string;
  at: Date;
  userId: string;
  username: string;
  displayName: string;
  /** One line a reader of the file sees: 导出人、时间、编号、用途限制. */
  text: string;
}

/** Instants shown as Shanghai wall-clock time, the way users read them. */
export const shanghaiTime = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function newExportStamp(actor: Actor, at: Date): ExportStamp {
  const id = newId();
  const who = actor.kind === 'system' ? 'system' : `${actor.displayName}（${actor.username}）`;
  return {
    id,
    at,
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    text: `${who} 于 ${shanghaiTime(at)}（北京时间）导出，导出编号 ${id}。含个人信息，仅限内部使用，不得外传。`,
  };
}

/** The part of ExcelJS's Workbook and streaming WorkbookWriter that a watermark needs. */
interface WorkbookLike {
  creator: string;
  lastModifiedBy: string;
  created: Date;
  modified: Date;
  addWorksheet(name: string): SheetLike;
}
interface SheetLike {
  addRow(values: unknown[]): { commit?: () => void };
  getColumn(i: number): { width?: number };
  commit?: () => void;
}

export const WATERMARK_SHEET = '导出信息';

/**
 * Marks a workbook as exported by this user at this time: the document properties (author and
 * dates, which survive copying sheets) and a sheet listing exporter, time, export id, filter and
 * row count. Call it after the data sheets so it is the last sheet.
 */
export function stampWorkbook(
  wb: WorkbookLike,
  stamp: ExportStamp,
  details: { filter?: Record<string, unknown>; rows: number },
): void {
  wb.creator = stamp.username;
  wb.lastModifiedBy = stamp.username;
  wb.created = stamp.at;
  wb.modified = stamp.at;
  const ws = wb.addWorksheet(WATERMARK_SHEET);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 80;
  const lines: [string, string | number][] = [
    ['导出人', `${stamp.displayName}（${stamp.username}）`],
    ['导出时间', `${shanghaiTime(stamp.at)}（北京时间）`],
    ['导出编号', stamp.id],
    ['筛选条件', JSON.stringify(details.filter ?? {})],
    ['行数', details.rows],
    ['说明', stamp.text],
  ];
  for (const l of lines) ws.addRow(l).commit?.();
  ws.commit?.();
}

/** Header and footer printed on every page of a data sheet. */
export const printedWatermark = (stamp: ExportStamp) => ({
  oddHeader: `&L${stamp.text}`,
  oddFooter: `&L导出编号 ${stamp.id}&R第 &P 页 / 共 &N 页`,
});
