import { useState } from 'react';
import { Button, Flex, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CommunityEvent } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useEvents } from '../api.ts';
import { EventDrawer } from './EventDrawer.tsx';
import { EventStatusTag } from './EventStatusTag.tsx';
import { Figures } from './Figures.tsx';

/** The events with their counts and figures; a row opens the event's detail. */
export function EventsTab({ canManage, onOpen }: { canManage: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useEvents();
  const [creating, setCreating] = useState(false);
  const k = 'community.event';
  return (
    <Flex vertical gap={16}>
      <Figures kind="events" />
      {canManage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          style={{ alignSelf: 'flex-start' }}
          data-testid="event-create"
        >
          {t(`${k}.create`)}
        </Button>
      )}
      <ProblemAlert error={list.error} />
      <Table<CommunityEvent>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data}
        locale={{ emptyText: t(`${k}.empty`) }}
        columns={[
          { title: t(`${k}.title`), dataIndex: 'title' },
          { title: t(`${k}.kind`), render: (_, e) => t(`community.eventKind.${e.kind}`) },
          { title: t(`${k}.startsAt`), render: (_, e) => dayjs(e.startsAt).format('YYYY-MM-DD HH:mm') },
          { title: t(`${k}.place`), dataIndex: 'place' },
          { title: t(`${k}.capacity`), dataIndex: 'capacity' },
          { title: t(`${k}.counts`), render: (_, e) => `${e.invited} / ${e.registered} / ${e.attended}` },
          { title: t(`${k}.status`), render: (_, e) => <EventStatusTag status={e.status} /> },
          {
            title: t(`${k}.actions`),
            render: (_, e) => (
              <Button
                type="link"
                size="small"
                onClick={() => onOpen(e.id)}
                data-testid={`event-open-${e.title}`}
              >
                {t(`${k}.open`)}
              </Button>
            ),
          },
        ]}
      />
      <EventDrawer open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
