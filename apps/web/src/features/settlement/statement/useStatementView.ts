import { useState } from 'react';
import type { StatementDetail, StatementLine } from '@anxin/contracts';
import { toggleDispute, type DisputeDraft } from './rules.ts';

export type StatementStep = 'approve' | 'pay' | 'reopen';

/** The statement page's local state: the dispute being drafted and which dialog is open. */
export function useStatementView(s: StatementDetail | undefined) {
  const [disputes, setDisputes] = useState<DisputeDraft>({});
  const [adjusting, setAdjusting] = useState<StatementLine | null>(null);
  const [appealing, setAppealing] = useState<StatementLine | null>(null);
  const [step, setStep] = useState<StatementStep | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  return {
    disputes,
    chosen: (s?.lines ?? []).filter((l) => l.id in disputes),
    toggle: (l: StatementLine) => setDisputes((d) => toggleDispute(d, l.id)),
    comment: (lineId: string, c: string) => setDisputes((d) => ({ ...d, [lineId]: c })),
    clearDisputes: () => setDisputes({}),
    adjusting,
    setAdjusting,
    appealing,
    setAppealing,
    step,
    setStep,
    exportError,
    setExportError,
  };
}
