import type { Dayjs } from 'dayjs';
import type { RmaAction, RmaTransition } from '@anxin/contracts';
import { toFen } from '../../../components/money.ts';

export type Values = Record<string, unknown> & {
  chargebacks?: { party: string; amount: number; note?: string }[];
};
const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The typed body of one action from the form's values (dates as business days, yuan as fen). */
export function bodyOf(action: RmaAction, version: number, v: Values): RmaTransition {
  switch (action) {
    case 'approve_override':
      return { action, version, ...(text(v.note) ? { note: text(v.note)! } : {}) };
    case 'reject_override':
      return { action, version, reason: String(v.reason ?? '') };
    case 'start_inspection':
      return { action, version };
    case 'approve':
      return { action, version, findings: String(v.findings ?? '') };
    case 'reject':
      return { action, version, findings: String(v.findings ?? ''), reason: String(v.reason ?? '') };
    case 'ship':
      return {
        action,
        version,
        ...(text(v.pickupCarrier) ? { pickupCarrier: text(v.pickupCarrier)! } : {}),
        ...(text(v.pickupTrackingNo) ? { pickupTrackingNo: text(v.pickupTrackingNo)! } : {}),
        ...(day(v.pickedUpOn) ? { pickedUpOn: day(v.pickedUpOn)! } : {}),
        ...(text(v.dispatchCarrier) ? { dispatchCarrier: text(v.dispatchCarrier)! } : {}),
        ...(text(v.dispatchTrackingNo) ? { dispatchTrackingNo: text(v.dispatchTrackingNo)! } : {}),
        ...(day(v.dispatchedOn) ? { dispatchedOn: day(v.dispatchedOn)! } : {}),
      };
    case 'record_refund':
      return {
        action,
        version,
        refundFen: toFen(Number(v.refund ?? 0)),
        refundedOn: day(v.refundedOn) ?? '',
      };
    case 'record_exchange':
      return { action, version, newSerial: String(v.newSerial ?? ''), exchangedOn: day(v.exchangedOn) ?? '' };
    case 'close':
      return {
        action,
        version,
        cause: v.cause as never,
        responsibleParty: v.responsibleParty as never,
        chargebacks: (v.chargebacks ?? []).map((l) => ({
          party: l.party as never,
          amountFen: toFen(Number(l.amount ?? 0)),
          ...(text(l.note) ? { note: text(l.note)! } : {}),
        })),
        ...(text(v.note) ? { note: text(v.note)! } : {}),
      };
  }
}
