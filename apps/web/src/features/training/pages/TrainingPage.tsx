import { useState } from 'react';
import { Button, Empty, Flex, Segmented, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { CourseListItem, CourseStatus, TrainingAssignment, TrainingCourse } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useCategoryName } from '../../customers/index.ts';
import { useAssignments, useCourses } from '../api.ts';
import { AssignDialog } from '../components/AssignDialog.tsx';
import { CourseDrawer } from '../components/CourseDrawer.tsx';
import { CourseEditor } from '../components/CourseEditor.tsx';
import { CourseStatusTag } from '../components/CourseStatusTag.tsx';
import { FiguresPanel } from '../components/FiguresPanel.tsx';

/** 培训认证: courses (editions), assignments and completion figures, in three tabs. */
export default function TrainingPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = me.permissions.includes('training:manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'courses';
  const open = params.get('course');
  const setParam = (k: string, v: string | null) =>
    setParams(
      (p) => {
        if (v) p.set(k, v);
        else p.delete(k);
        return p;
      },
      { replace: true },
    );
  const [editing, setEditing] = useState<{ course: TrainingCourse | null } | null>(null);
  const [assigning, setAssigning] = useState<{ seriesId: string | null } | null>(null);

  return (
    <>
      <PageHeader
        title={t('training.title')}
        description={t('training.description')}
        extra={
          canManage && (
            <Flex gap={8}>
              <Button onClick={() => setAssigning({ seriesId: null })} data-testid="training-assign">
                {t('training.actions.assign')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ course: null })}
                data-testid="course-new"
              >
                {t('training.newCourse')}
              </Button>
            </Flex>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k)}
        items={[
          {
            key: 'courses',
            label: t('training.tabs.courses'),
            children: <Courses onOpen={(id) => setParam('course', id)} />,
          },
          { key: 'assignments', label: t('training.tabs.assignments'), children: <Assignments /> },
          { key: 'figures', label: t('training.tabs.figures'), children: <FiguresPanel /> },
        ]}
      />
      <CourseDrawer
        id={open}
        canManage={canManage}
        onClose={() => setParam('course', null)}
        onEdit={(c) => setEditing({ course: c })}
        onOpen={(id) => setParam('course', id)}
        onAssign={(seriesId) => setAssigning({ seriesId })}
      />
      <CourseEditor
        open={!!editing}
        course={editing?.course ?? null}
        onClose={() => setEditing(null)}
        onSaved={(c) => {
          setEditing(null);
          setParam('course', c.id);
        }}
      />
      <AssignDialog
        open={!!assigning}
        seriesId={assigning?.seriesId ?? null}
        onClose={() => setAssigning(null)}
      />
    </>
  );
}

function Courses({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CourseStatus | 'all'>('all');
  const list = useCourses(status === 'all' ? undefined : status);
  const category = useCategoryName();
  return (
    <Flex vertical gap={12}>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as CourseStatus | 'all')}
        options={[
          { value: 'all', label: t('rma.all') },
          ...(['published', 'draft', 'retired'] as const).map((s) => ({
            value: s,
            label: t(`training.status.${s}`),
          })),
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <ProblemAlert error={list.error} />
      <Table<CourseListItem>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('training.empty')} /> }}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="course-table"
        columns={[
          {
            key: 'title',
            title: t('training.field.title'),
            render: (_, r) => <Typography.Link>{r.title}</Typography.Link>,
          },
          {
            key: 'edition',
            title: t('training.field.edition'),
            render: (_, r) => t('training.edition', { n: r.edition }),
          },
          {
            key: 'status',
            title: t('training.field.status'),
            render: (_, r) => <CourseStatusTag status={r.status} />,
          },
          {
            key: 'category',
            title: t('training.field.category'),
            render: (_, r) => (r.categoryCode ? category(r.categoryCode) : '—'),
          },
          {
            key: 'content',
            title: t('training.field.lessons'),
            render: (_, r) => t('training.counts', { lessons: r.lessonCount, questions: r.questionCount }),
          },
          { key: 'attempts', title: t('training.field.attempts'), dataIndex: 'attemptCount', align: 'right' },
          {
            key: 'updated',
            title: t('training.field.updatedAt'),
            render: (_, r) => r.updatedAt.slice(0, 10),
          },
        ]}
      />
    </Flex>
  );
}

function Assignments() {
  const { t } = useTranslation();
  const list = useAssignments();
  return (
    <>
      <ProblemAlert error={list.error} />
      <Table<TrainingAssignment>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('training.noAssignments')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="assignment-table"
        columns={[
          { key: 'course', title: t('training.field.course'), dataIndex: 'courseTitle' },
          {
            key: 'target',
            title: t('training.field.target'),
            render: (_, r) =>
              `${t(`training.assign.targetKind.${r.targetKind}`)} · ${r.targetKind === 'role' ? t(`roles.${r.targetName}` as 'roles.admin') : r.targetName}`,
          },
          {
            key: 'count',
            title: t('training.field.technicians'),
            dataIndex: 'technicianCount',
            align: 'right',
          },
          { key: 'due', title: t('training.field.dueOn'), dataIndex: 'dueOn' },
          {
            key: 'created',
            title: t('training.field.createdAt'),
            render: (_, r) => r.createdAt.slice(0, 10),
          },
        ]}
      />
    </>
  );
}
