import { useEffect, useMemo, useState } from 'react';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RoutePlanViolation } from '@anxin/contracts';
import { useSession } from '../../auth/index.ts';
import {
  useAcceptPlan,
  useCheckPlan,
  useOptimise,
  useOutlets,
  useReoptimise,
  useSavePlan,
  type RoutePlanCheckResponse,
  type RoutePlanView,
} from '../api.ts';
import { draftOf, routesOf, sameDraft, tomorrow, UNASSIGNED, type Draft } from '../routePlanDraft.ts';

/**
 * The day planner's state: the outlet and day, the plan shown, the hand-edited draft (checked by
 * the server after every edit, saved only on "save"), the selection and what the check found.
 */
export function useRoutePlan() {
  const { t } = useTranslation();
  const tx = t as unknown as (key: string, opts?: Record<string, unknown>) => string;
  const me = useSession();
  const outlets = useOutlets();
  const [outletId, setOutletId] = useState<string | null>(me.scope.outletId);
  const [date, setDate] = useState<Dayjs>(tomorrow);
  const [plan, setPlan] = useState<RoutePlanView | null>(null);
  const [draft, setDraft] = useState<Draft>(new Map());
  const [check, setCheck] = useState<RoutePlanCheckResponse | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [reoptOpen, setReoptOpen] = useState(false);
  const [dropIds, setDropIds] = useState<string[]>([]);
  const optimise = useOptimise();
  const checkPlan = useCheckPlan();
  const save = useSavePlan();
  const accept = useAcceptPlan();
  const reopt = useReoptimise();

  useEffect(() => {
    if (!outletId && outlets.data?.items.length === 1) setOutletId(outlets.data.items[0]!.id);
  }, [outletId, outlets.data]);

  const showPlan = (p: RoutePlanView) => {
    setPlan(p);
    setDraft(draftOf(p));
    setCheck(null);
    setSelected(null);
  };

  const dirty = plan ? !sameDraft(draft, draftOf(plan)) : false;
  const editable = plan?.status === 'proposed';
  const jobs = useMemo(() => new Map((plan?.jobs ?? []).map((j) => [j.orderId, j])), [plan]);
  const techNames = useMemo(() => new Map((plan?.technicians ?? []).map((x) => [x.id, x.name])), [plan]);

  // Every hand edit is checked by the server at once; nothing is saved until "save".
  const edit = (next: Draft) => {
    setDraft(next);
    if (!plan) return;
    if (sameDraft(next, draftOf(plan))) {
      setCheck(null);
      return;
    }
    checkPlan.mutate({ id: plan.id, version: plan.version, routes: routesOf(next) }, { onSuccess: setCheck });
  };

  const move = (orderId: string, techId: string, minute?: number) => {
    if (!plan) return;
    const next: Draft = new Map([...draft.entries()].map(([k, v]) => [k, v.filter((id) => id !== orderId)]));
    if (techId !== UNASSIGNED) {
      const list = next.get(techId) ?? [];
      const route = (check?.routes ?? plan.routes).find((r) => r.technicianId === techId);
      const startOf = (id: string) => {
        const s = route?.stops.find((x) => x.orderId === id);
        return s ? (Date.parse(s.start) - Date.parse(plan.dayStart)) / 60_000 : Infinity;
      };
      const at = minute === undefined ? list.length : list.findIndex((id) => startOf(id) > minute);
      list.splice(at < 0 ? list.length : at, 0, orderId);
      next.set(techId, list);
    }
    edit(next);
    setSelected(orderId);
  };

  const violationText = (v: RoutePlanViolation) =>
    tx(`routing.violations.${v.rule}`, { defaultValue: tx('routing.violationOther', { rule: v.rule }) });
  const violations = check?.violations ?? plan?.check.violations ?? [];
  const problems = new Map<string, string[]>();
  const techProblems = new Map<string, string[]>();
  for (const v of violations) {
    if (v.orderId) problems.set(v.orderId, [...(problems.get(v.orderId) ?? []), violationText(v)]);
    else if (v.technicianId)
      techProblems.set(v.technicianId, [...(techProblems.get(v.technicianId) ?? []), violationText(v)]);
  }
  const routes = check?.routes ?? plan?.routes ?? [];
  const unassigned = check?.unassigned ?? plan?.unassigned ?? [];
  const cost = check?.cost ?? plan?.cost;
  const selectedJob = selected ? jobs.get(selected) : undefined;
  const selectedTech = selected
    ? ([...draft.entries()].find(([, ids]) => ids.includes(selected))?.[0] ?? UNASSIGNED)
    : UNASSIGNED;
  const moveOptions = [
    ...(plan?.technicians ?? []).map((x) => ({ value: x.id, label: x.name })),
    { value: UNASSIGNED, label: t('routing.unassignedOption') },
  ];
  const busy = optimise.isPending || reopt.isPending;
  const error = optimise.error ?? save.error ?? accept.error ?? reopt.error ?? checkPlan.error;

  const result = plan?.result ?? null;
  const counts = (result ?? []).reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }),
    {},
  );

  return {
    tx,
    outlets,
    outletId,
    setOutletId,
    date,
    setDate,
    plan,
    draft,
    check,
    selected,
    setSelected,
    reoptOpen,
    setReoptOpen,
    dropIds,
    setDropIds,
    optimise,
    checkPlan,
    save,
    accept,
    reopt,
    showPlan,
    dirty,
    editable,
    jobs,
    techNames,
    move,
    violationText,
    problems,
    techProblems,
    routes,
    unassigned,
    cost,
    selectedJob,
    selectedTech,
    moveOptions,
    busy,
    error,
    result,
    counts,
  };
}

export type RoutePlanState = ReturnType<typeof useRoutePlan>;
