import { useMemo, useState } from 'react';
import type { SchemeItem } from '@anxin/contracts';
import { useSession } from '../../auth/index.ts';
import { useEvaluation, useEvaluationActions } from '../api.ts';
import type { ItemRow } from '../components/detail/SectionTable.tsx';

/**
 * One evaluation's data and the page's state: the checklist flattened to rows, whether the user
 * may change it (a final evaluation is read-only), the first failed action's error and which
 * dialog is open.
 */
export function useEvaluationPage(id: string | undefined) {
  const me = useSession();
  const q = useEvaluation(id);
  const actions = useEvaluationActions(id ?? '');
  const [evidenceFor, setEvidenceFor] = useState<SchemeItem | null>(null);
  const [naFor, setNaFor] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState<'deduction' | 'bonus' | null>(null);
  const d = q.data;
  const rows = useMemo<ItemRow[]>(
    () =>
      d?.scheme.definition.sections.flatMap((s) =>
        s.indicators.flatMap((ind) =>
          ind.items.map((item) => ({ item, indicator: `${ind.code} ${ind.name}`, section: s.code })),
        ),
      ) ?? [],
    [d],
  );
  const readOnly = !d || d.evaluation.status === 'final' || !me.permissions.includes('evaluation:manage');
  const mutationError =
    actions.putItem.error ??
    actions.removeEvidence.error ??
    actions.removeAdjustment.error ??
    actions.setOutstanding.error ??
    actions.finalize.error;
  return {
    d,
    error: q.error,
    actions,
    rows,
    readOnly,
    mutationError,
    evidenceFor,
    setEvidenceFor,
    naFor,
    setNaFor,
    adjusting,
    setAdjusting,
  };
}
