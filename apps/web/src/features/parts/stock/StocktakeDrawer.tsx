import { useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stocktake } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useDecideStocktake, useSaveCounts, useStocktake, useSubmitStocktake } from '../api/stock.ts';
import { StocktakeStatusTag } from './tags.tsx';
import { bjTime, yuan } from './format.ts';

type Line = Stocktake['lines'][number];
type Counts = Record<string, number | null>;

const countsOf = (s: Stocktake): Counts => Object.fromEntries(s.lines.map((l) => [l.itemId, l.countedQty]));

/**
 * One stocktake. While counting: the book quantity beside a counted input per line; Enter moves to
 * the next line, so a counter types numbers down the list without the mouse. Counts are saved at the
 * stocktake's version; submitting saves unsaved counts first. Once submitted an approver decides,
 * with the variance value in yuan highlighted when it needs approval.
 */
export function StocktakeDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canCount = me.permissions.includes('parts:manage');
  const canDecide = me.permissions.includes('parts:approve');
  const detail = useStocktake(id);
  const save = useSaveCounts();
  const submit = useSubmitStocktake();
  const decide = useDecideStocktake();
  const s = detail.data;
  const [counts, setCounts] = useState<Counts>({});
  const [dirty, setDirty] = useState(false);
  const [filter, setFilter] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    if (!s) return;
    setCounts(countsOf(s));
    setDirty(false);
  }, [s?.id, s?.version]);

  useEffect(() => {
    save.reset();
    submit.reset();
    decide.reset();
    setFilter('');
    setNote('');
  }, [id]);

  const counting = s?.status === 'counting' && canCount;
  const lines = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = s?.lines ?? [];
    return q ? all.filter((l) => `${l.itemCode} ${l.itemName}`.toLowerCase().includes(q)) : all;
  }, [s, filter]);
  const uncounted = (s?.lines ?? []).filter((l) => counts[l.itemId] == null).length;

  const payload = () =>
    Object.entries(counts)
      .filter((e): e is [string, number] => e[1] != null)
      .map(([itemId, counted]) => ({ itemId, counted }));

  const saveCounts = async (): Promise<number | null> => {
    if (!s) return null;
    const body = payload();
    if (body.length === 0) return s.version;
    const saved = await save.mutateAsync({ id: s.id, version: s.version, counts: body });
    setDirty(false);
    return saved.version;
  };

  const onSave = () =>
    saveCounts()
      .then(() => message.success(t('parts.stock.stocktake.saved')))
      .catch(() => undefined);

  const onSubmit = async () => {
    if (!s) return;
    try {
      const version = dirty ? await saveCounts() : s.version;
      if (version == null) return;
      await submit.mutateAsync({ id: s.id, version });
      message.success(t('parts.stock.stocktake.submitted'));
    } catch {
      // Shown by the alerts below.
    }
  };

  const onDecide = (approve: boolean) =>
    s &&
    decide.mutate(
      { id: s.id, version: s.version, approve, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () =>
          message.success(t(approve ? 'parts.stock.stocktake.approved' : 'parts.stock.stocktake.rejected')),
      },
    );

  const setCount = (itemId: string, v: number | null) => {
    setCounts((c) => ({ ...c, [itemId]: v }));
    setDirty(true);
  };

  const fillBook = () => {
    setCounts((c) => Object.fromEntries((s?.lines ?? []).map((l) => [l.itemId, c[l.itemId] ?? l.bookQty])));
    setDirty(true);
  };

  const focusNext = (index: number) => {
    const next = document.querySelector<HTMLInputElement>(`[data-count-index="${index + 1}"] input`);
    if (next) {
      next.focus();
      next.select();
    }
  };

  const error = save.error ?? submit.error ?? decide.error ?? detail.error;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={840}
      destroyOnHidden
      title={
        s
          ? t('parts.stock.stocktake.title', { location: s.locationName })
          : t('parts.stock.stocktake.titleLoading')
      }
      loading={detail.isLoading}
      extra={
        counting ? (
          <Space>
            <Button
              onClick={onSave}
              loading={save.isPending}
              disabled={!dirty}
              data-testid="parts-stocktake-save"
            >
              {t('parts.stock.stocktake.save')}
            </Button>
            <Popconfirm
              title={
                uncounted > 0
                  ? t('parts.stock.stocktake.confirmSubmitUncounted', { count: uncounted })
                  : t('parts.stock.stocktake.confirmSubmit')
              }
              okText={t('parts.stock.stocktake.submit')}
              cancelText={t('parts.stock.cancel')}
              onConfirm={() => void onSubmit()}
            >
              <Button type="primary" loading={submit.isPending} data-testid="parts-stocktake-submit">
                {t('parts.stock.stocktake.submit')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {s && (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('parts.fields.status')}>
              <StocktakeStatusTag status={s.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('parts.fields.createdAt')}>{bjTime(s.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('parts.stock.stocktake.variance')}>
              <Typography.Text
                type={s.needsApproval ? 'danger' : undefined}
                strong={s.needsApproval}
                data-testid="parts-stocktake-variance"
              >
                {yuan(s.varianceFen)}
              </Typography.Text>
            </Descriptions.Item>
            {s.note && (
              <Descriptions.Item label={t('parts.fields.note')} span={3}>
                {s.note}
              </Descriptions.Item>
            )}
            {s.deciderName && (
              <Descriptions.Item label={t('parts.stock.stocktake.decider')} span={3}>
                {s.deciderName} · {bjTime(s.decidedAt)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {s.status === 'submitted' && s.needsApproval && (
            <Typography.Text type="danger">{t('parts.stock.stocktake.needsApproval')}</Typography.Text>
          )}
          {error && <ProblemAlert error={error} />}
          <Flex gap={8} justify="space-between" wrap="wrap">
            <Input.Search
              allowClear
              style={{ width: 240 }}
              placeholder={t('parts.stock.stocktake.filter')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            {counting && (
              <Space>
                <Typography.Text type="secondary">
                  {t('parts.stock.stocktake.progress', {
                    counted: s.lines.length - uncounted,
                    total: s.lines.length,
                  })}
                </Typography.Text>
                <Button size="small" onClick={fillBook} disabled={uncounted === 0}>
                  {t('parts.stock.stocktake.fillBook')}
                </Button>
              </Space>
            )}
          </Flex>
          <Table<Line>
            rowKey="itemId"
            size="small"
            dataSource={lines}
            pagination={false}
            scroll={{ y: 520 }}
            locale={{ emptyText: t('parts.stock.stocktake.noLines') }}
            columns={[
              { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 130 },
              { title: t('parts.fields.name'), dataIndex: 'itemName' },
              { title: t('parts.stock.stocktake.book'), dataIndex: 'bookQty', width: 90, align: 'right' },
              {
                title: t('parts.stock.stocktake.counted'),
                width: 130,
                render: (_, l, index) =>
                  counting ? (
                    <span data-count-index={index}>
                      <InputNumber
                        min={0}
                        max={1_000_000}
                        precision={0}
                        size="small"
                        style={{ width: 100 }}
                        value={counts[l.itemId] ?? null}
                        onChange={(v) => setCount(l.itemId, typeof v === 'number' ? v : null)}
                        onPressEnter={() => focusNext(index)}
                        data-testid={`parts-count-${l.itemCode}`}
                      />
                    </span>
                  ) : (
                    (l.countedQty ?? '—')
                  ),
              },
              {
                title: t('parts.stock.stocktake.varianceQty'),
                width: 90,
                align: 'right',
                render: (_, l) => {
                  const c = counting ? counts[l.itemId] : l.countedQty;
                  if (c == null) return '—';
                  const d = c - l.bookQty;
                  return (
                    <Typography.Text type={d === 0 ? undefined : 'danger'}>
                      {d > 0 ? `+${d}` : d}
                    </Typography.Text>
                  );
                },
              },
            ]}
          />
          {s.status === 'submitted' && canDecide && (
            <Flex vertical gap={8}>
              <Input.TextArea
                rows={2}
                maxLength={500}
                placeholder={t('parts.stock.stocktake.decisionNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <Space>
                <Popconfirm
                  title={t('parts.stock.stocktake.confirmApprove', { amount: yuan(s.varianceFen) })}
                  okText={t('parts.stock.stocktake.approve')}
                  cancelText={t('parts.stock.cancel')}
                  onConfirm={() => onDecide(true)}
                >
                  <Button type="primary" loading={decide.isPending} data-testid="parts-stocktake-approve">
                    {t('parts.stock.stocktake.approve')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('parts.stock.stocktake.confirmReject')}
                  okText={t('parts.stock.stocktake.reject')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('parts.stock.cancel')}
                  onConfirm={() => onDecide(false)}
                >
                  <Button danger loading={decide.isPending} data-testid="parts-stocktake-reject">
                    {t('parts.stock.stocktake.reject')}
                  </Button>
                </Popconfirm>
              </Space>
            </Flex>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
