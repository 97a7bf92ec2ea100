import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CheckOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RoutePlanResultItem, RoutePlanViolation } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ApiError } from '../../../api/client.ts';
import { problemText } from '../../../i18n/problem.ts';
import { useSession } from '../../auth/index.ts';
import { BUSINESS_TZ, hhmm } from '../time.ts';
import {
  useAcceptPlan,
  useCheckPlan,
  useOptimise,
  useOutlets,
  useReoptimise,
  useSavePlan,
  type EditedRoute,
  type RoutePlanCheckResponse,
  type RoutePlanView,
} from '../api.ts';
import { PlanTimeline } from '../components/PlanTimeline.tsx';
import '../routing.css';

type Draft = Map<string, string[]>;
const UNASSIGNED = '__unassigned__';

const draftOf = (plan: RoutePlanView): Draft =>
  new Map(
    plan.technicians.map((t) => [
      t.id,
      plan.routes.find((r) => r.technicianId === t.id)?.stops.map((s) => s.orderId) ?? [],
    ]),
  );

const routesOf = (draft: Draft): EditedRoute[] =>
  [...draft.entries()]
    .filter(([, ids]) => ids.length)
    .map(([technicianId, orderIds]) => ({ technicianId, orderIds }));

const sameDraft = (a: Draft, b: Draft) =>
  a.size === b.size && [...a.entries()].every(([k, v]) => (b.get(k) ?? []).join() === v.join());

/** Tomorrow in Beijing time. */
const tomorrow = () => dayjs().tz(BUSINESS_TZ).add(1, 'day').startOf('day');

export default function RoutePlanPage() {
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

  return (
    <div>
      <PageHeader title={t('routing.title')} description={t('routing.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Space>
            <Typography.Text>{t('routing.outlet')}</Typography.Text>
            <Select
              data-testid="plan-outlet"
              style={{ minWidth: 240 }}
              showSearch
              optionFilterProp="label"
              placeholder={t('routing.outletPlaceholder')}
              loading={outlets.isLoading}
              value={outletId ?? undefined}
              onChange={(v: string) => setOutletId(v)}
              options={(outlets.data?.items ?? []).map((o) => ({
                value: o.id,
                label: `${o.code} ${o.name}`,
              }))}
            />
          </Space>
          <Space>
            <Typography.Text>{t('routing.date')}</Typography.Text>
            <DatePicker
              data-testid="plan-date"
              allowClear={false}
              value={date}
              onChange={(d) => d && setDate(d)}
            />
          </Space>
          <Button
            type="primary"
            icon={<ThunderboltOutlined />}
            data-testid="plan-optimise"
            disabled={!outletId}
            loading={optimise.isPending}
            onClick={() =>
              outletId &&
              optimise.mutate({ outletId, date: date.format('YYYY-MM-DD') }, { onSuccess: showPlan })
            }
          >
            {optimise.isPending ? t('routing.optimising') : t('routing.optimise')}
          </Button>
          {plan && (
            <Button
              icon={<ReloadOutlined />}
              data-testid="plan-reoptimise"
              disabled={busy}
              onClick={() => {
                setDropIds([]);
                setReoptOpen(true);
              }}
            >
              {t('routing.reoptimise')}
            </Button>
          )}
          {plan && (
            <Tag data-testid="plan-status" color={plan.status === 'accepted' ? 'green' : 'blue'}>
              {tx(`routing.status.${plan.status}`)}
            </Tag>
          )}
        </Flex>
      </Card>
      <ProblemAlert error={error} style={{ marginBottom: 16 }} />
      {!plan && !busy && <Empty description={t('routing.empty')} />}
      {plan && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {plan.diff && (
            <Alert
              type="info"
              showIcon
              data-testid="plan-diff"
              message={t('routing.reopt.diff', {
                moved: plan.diff.moved.length,
                windows: plan.diff.windowChanged.length,
                added: plan.diff.added.length,
              })}
            />
          )}
          {cost && (
            <Card data-testid="plan-cost">
              <Flex gap={32} wrap>
                <Statistic title={t('routing.cost.distance')} value={cost.distanceKm} />
                <Statistic title={t('routing.cost.travel')} value={Math.round(cost.travelMinutes)} />
                <Statistic title={t('routing.cost.late')} value={Math.round(cost.lateMinutes)} />
                <Statistic title={t('routing.cost.unassigned')} value={cost.unassigned} />
                <Statistic title={t('routing.cost.technicians')} value={cost.technicians} />
              </Flex>
            </Card>
          )}
          {checkPlan.isPending && <Alert type="info" message={t('routing.checking')} />}
          {check && !checkPlan.isPending && (
            <Alert
              data-testid="plan-check"
              type={check.ok ? 'success' : 'error'}
              showIcon
              message={
                check.ok ? t('routing.feasible') : t('routing.infeasible', { count: check.violations.length })
              }
              description={
                check.ok ? undefined : (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {check.violations.map((v, i) => (
                      <li key={i}>
                        {v.orderId
                          ? (jobs.get(v.orderId)?.number ?? v.orderId)
                          : techNames.get(v.technicianId ?? '')}
                        ：{violationText(v)}
                      </li>
                    ))}
                  </ul>
                )
              }
            />
          )}
          {plan.jobs.length === 0 ? (
            <Empty description={t('routing.noJobs')} />
          ) : (
            <Card
              title={t('routing.axis')}
              extra={
                <Typography.Text type="secondary">
                  {editable ? t('routing.selectHint') : null}
                </Typography.Text>
              }
            >
              <PlanTimeline
                dayStart={plan.dayStart}
                technicians={plan.technicians}
                jobs={jobs}
                routes={routes}
                problems={problems}
                techProblems={techProblems}
                selected={selected}
                onSelect={setSelected}
                onDrop={(orderId, techId, minute) =>
                  !jobs.get(orderId)?.fixed && move(orderId, techId, minute)
                }
                editable={!!editable}
              />
              {editable && selectedJob && (
                <Flex gap={8} align="center" style={{ marginTop: 12 }} wrap>
                  <Typography.Text>
                    {t('routing.moveToLabel', { number: selectedJob.number })}
                  </Typography.Text>
                  <Select
                    data-testid="plan-move-select"
                    style={{ minWidth: 200 }}
                    value={selectedTech}
                    disabled={selectedJob.fixed}
                    onChange={(v: string) => move(selectedJob.orderId, v)}
                    options={moveOptions}
                  />
                  {selectedJob.fixed && <Tag color="green">{t('routing.fixed')}</Tag>}
                </Flex>
              )}
            </Card>
          )}
          <Card title={t('routing.unassigned')} data-testid="plan-unassigned">
            {unassigned.length === 0 ? (
              <Typography.Text type="secondary">{t('routing.noUnassigned')}</Typography.Text>
            ) : (
              <Table
                size="small"
                rowKey="orderId"
                pagination={false}
                dataSource={unassigned}
                columns={[
                  {
                    title: '#',
                    key: 'number',
                    render: (_, u) => (
                      <span data-testid={`plan-unassigned-${jobs.get(u.orderId)?.number ?? u.orderId}`}>
                        {jobs.get(u.orderId)?.number ?? u.orderId}
                      </span>
                    ),
                  },
                  {
                    title: t('routing.reason'),
                    key: 'reason',
                    render: (_, u) => tx(`routing.reasons.${u.reason}`, { defaultValue: u.reason }),
                  },
                  {
                    title: t('routing.moveTo'),
                    key: 'move',
                    render: (_, u) =>
                      editable ? (
                        <Select
                          size="small"
                          style={{ minWidth: 160 }}
                          value={UNASSIGNED}
                          onChange={(v: string) => move(u.orderId, v)}
                          options={moveOptions}
                          aria-label={t('routing.moveTo')}
                        />
                      ) : null,
                  },
                ]}
              />
            )}
          </Card>
          {editable && (
            <Flex gap={8} wrap>
              {dirty && (
                <>
                  <Button
                    data-testid="plan-save"
                    disabled={!check?.ok || checkPlan.isPending}
                    loading={save.isPending}
                    onClick={() =>
                      save.mutate(
                        { id: plan.id, version: plan.version, routes: routesOf(draft) },
                        { onSuccess: showPlan },
                      )
                    }
                  >
                    {t('routing.save')}
                  </Button>
                  <Button data-testid="plan-discard" onClick={() => showPlan(plan)}>
                    {t('routing.discard')}
                  </Button>
                  <Typography.Text type="secondary">{t('routing.unsaved')}</Typography.Text>
                </>
              )}
              <Button
                type="primary"
                icon={<CheckOutlined />}
                data-testid="plan-accept"
                disabled={dirty || busy}
                loading={accept.isPending}
                onClick={() => accept.mutate({ id: plan.id, version: plan.version }, { onSuccess: showPlan })}
              >
                {t('routing.accept')}
              </Button>
            </Flex>
          )}
          {result && (
            <Card title={t('routing.result.title')} data-testid="plan-result">
              <Alert
                type={(counts.conflict ?? 0) + (counts.failed ?? 0) ? 'warning' : 'success'}
                showIcon
                style={{ marginBottom: 12 }}
                message={t('routing.result.summary', {
                  applied: counts.applied ?? 0,
                  unchanged: counts.unchanged ?? 0,
                  conflict: counts.conflict ?? 0,
                  failed: counts.failed ?? 0,
                })}
              />
              <Table<RoutePlanResultItem>
                size="small"
                rowKey="orderId"
                pagination={false}
                dataSource={result}
                columns={[
                  { title: '#', dataIndex: 'number' },
                  {
                    title: t('routing.technician'),
                    key: 'tech',
                    render: (_, r) => (r.technicianId ? techNames.get(r.technicianId) : '—'),
                  },
                  {
                    title: t('routing.window'),
                    key: 'window',
                    render: (_, r) =>
                      r.appointment ? `${hhmm(r.appointment.start)}–${hhmm(r.appointment.end)}` : '—',
                  },
                  {
                    title: t('routing.result.title'),
                    key: 'outcome',
                    render: (_, r) => (
                      <Space size={4} wrap>
                        <Tag
                          data-testid={`plan-result-${r.number}`}
                          color={
                            { applied: 'green', unchanged: 'default', conflict: 'orange', failed: 'red' }[
                              r.outcome
                            ]
                          }
                        >
                          {tx(`routing.result.${r.outcome}`)}
                        </Tag>
                        {r.code && (
                          <Typography.Text type="secondary">
                            {r.code.includes('.')
                              ? problemText(t, new ApiError({ status: 0, code: r.code, params: r.params }))
                              : tx(`routing.result.codes.${r.code}`, { defaultValue: r.code })}
                          </Typography.Text>
                        )}
                        {r.notified && <Tag color="blue">{t('routing.result.notified')}</Tag>}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          )}
        </Space>
      )}
      <Modal
        open={reoptOpen}
        title={t('routing.reopt.title')}
        okText={t('routing.reopt.run')}
        okButtonProps={{ 'data-testid': 'plan-reoptimise-run' } as React.ComponentProps<typeof Button>}
        confirmLoading={reopt.isPending}
        onCancel={() => setReoptOpen(false)}
        onOk={() =>
          plan &&
          reopt.mutate(
            { id: plan.id, dropTechnicianIds: dropIds },
            {
              onSuccess: (p) => {
                showPlan(p);
                setReoptOpen(false);
              },
            },
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('routing.reopt.hint')}</Typography.Paragraph>
        <Typography.Text strong>{t('routing.reopt.drop')}</Typography.Text>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 8 }}
          value={dropIds}
          onChange={(v) => setDropIds(v as string[])}
          options={(plan?.technicians ?? []).map((x) => ({
            value: x.id,
            label: <span data-testid={`plan-drop-${x.name}`}>{x.name}</span>,
          }))}
        />
      </Modal>
    </div>
  );
}
