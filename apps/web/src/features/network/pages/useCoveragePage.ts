import { useState } from 'react';
import { PROSPECT_STAGES, type Prospect } from '@anxin/contracts';
import { useMe } from '../../auth/index.ts';
import { useCategories } from '../../customers/index.ts';
import { networkApi, useCoverage, useNetworkMutation, useProspects } from '../api.ts';
import type { ProspectDraft, Stage } from '../components/coverage/stages.ts';

/**
 * The coverage page's data and state: the report, the pipeline, who may manage it, which dialog is
 * open, and moving a prospect a stage forward (activation asks for the outlet first) or back.
 */
export function useCoveragePage() {
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('outlet:manage') && me.data?.scope.level === 'all';
  const coverage = useCoverage();
  const prospects = useProspects();
  const categories = useCategories();
  const catName = (code: string) => categories.data?.items.find((c) => c.code === code)?.nameZh ?? code;
  const [prospectOpen, setProspectOpen] = useState<ProspectDraft | null>(null);
  const [backOf, setBackOf] = useState<Prospect | null>(null);
  const [activate, setActivate] = useState<Prospect | null>(null);
  const [moveError, setMoveError] = useState<unknown>(null);
  const move = useNetworkMutation(
    (v: { p: Prospect; stage: Stage; reason?: string; linkedOutletId?: string }) =>
      networkApi.moveProspect(v.p.id, {
        version: v.p.version,
        stage: v.stage,
        reason: v.reason ?? null,
        linkedOutletId: v.linkedOutletId ?? null,
      }),
  );
  const report = coverage.data;

  const forward = async (p: Prospect) => {
    const next = PROSPECT_STAGES[PROSPECT_STAGES.indexOf(p.stage) + 1];
    if (!next) return;
    if (next === 'active') return setActivate(p);
    setMoveError(null);
    try {
      await move.mutateAsync({ p, stage: next });
    } catch (e) {
      setMoveError(e);
    }
  };

  return {
    canManage,
    coverage,
    prospects,
    catName,
    report,
    prospectOpen,
    setProspectOpen,
    backOf,
    setBackOf,
    activate,
    setActivate,
    moveError,
    move,
    forward,
  };
}
