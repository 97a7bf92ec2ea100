import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BoardItem } from '@anxin/contracts';
import { regionName } from '../../customers/index.ts';
import { StatusTag, UrgencyTag } from '../../workorders/index.ts';
import { isDispatchable } from '../board/rules.ts';
import { MODE_COLOR } from '../vocab.ts';
import { DueCountdown, SlaCountdown } from './Countdown.tsx';

/**
 * The dispatch queue's columns: the order, where and what, status and mode, SLA, offer, actions. Fixed
 * widths fit 1366 px without scrolling sideways (the queue then spans the page); the offer column
 * takes what is left.
 */
export function useQueueColumns(opts: {
  regions: Parameters<typeof regionName>[0];
  categoryName: (code: string | null) => string;
  onRank: (r: BoardItem) => void;
  onDispatchTop: (r: BoardItem) => void;
}) {
  const { t } = useTranslation();
  const { regions, categoryName, onRank, onDispatchTop } = opts;
  return [
    {
      title: t('dispatch.queue.number'),
      dataIndex: 'number',
      width: 140,
      render: (n: string, r: BoardItem) => <Link to={`/workorders/${r.id}`}>{n}</Link>,
    },
    {
      title: t('dispatch.queue.customer'),
      dataIndex: 'customerName',
      width: 92,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('dispatch.queue.region'),
      dataIndex: 'districtCode',
      width: 100,
      ellipsis: true,
      render: (c: string | null) => regionName(regions, c) ?? c ?? '—',
    },
    {
      title: t('dispatch.queue.category'),
      dataIndex: 'categoryCode',
      width: 80,
      ellipsis: true,
      render: (c: string | null) => categoryName(c),
    },
    {
      title: t('dispatch.queue.status'),
      dataIndex: 'status',
      width: 150,
      // The dispatch mode sits with the status: one column fewer keeps 1366 px free of side-scrolling.
      render: (s: string, r: BoardItem) => (
        <Flex gap={4} wrap>
          <StatusTag status={s} />
          <UrgencyTag urgency={r.urgency} />
          <Tag color={MODE_COLOR[r.mode]}>{t(`dispatch.modes.${r.mode}`)}</Tag>
        </Flex>
      ),
    },
    {
      title: t('dispatch.queue.sla'),
      dataIndex: 'slaDueAt',
      width: 130,
      render: (_: unknown, r: BoardItem) => <SlaCountdown state={r.slaState} dueAt={r.slaDueAt} />,
    },
    {
      title: t('dispatch.queue.offer'),
      dataIndex: 'pendingOffer',
      ellipsis: true,
      render: (p: BoardItem['pendingOffer'], r: BoardItem) =>
        p ? (
          <Typography.Text>
            {p.outletName} · <DueCountdown dueAt={p.dueAt} />
          </Typography.Text>
        ) : r.redoHold ? (
          // A redo the system could not send back to its outlet and technician: say why.
          <Tooltip title={t('dispatch.redoHold.hint')}>
            <Tag color="orange" data-testid={`redo-hold-${r.number}`}>
              {t(`dispatch.redoHold.${r.redoHold.reason}`)}
            </Tag>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('dispatch.queue.actions'),
      key: 'actions',
      width: 206,
      render: (_: unknown, r: BoardItem) => {
        const open = isDispatchable(r.status);
        return (
          <Flex gap={4}>
            <Button
              size="small"
              data-testid="dispatch-rank-open"
              onClick={(e) => {
                e.stopPropagation();
                onRank(r);
              }}
            >
              {t('dispatch.queue.rank')}
            </Button>
            {open && (
              <Button
                size="small"
                type="primary"
                icon={<ThunderboltOutlined />}
                data-testid={`dispatch-top-${r.number}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onDispatchTop(r);
                }}
              >
                {t('dispatch.queue.dispatchTop')}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];
}
