import {
  App,
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  List,
  Popconfirm,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrainingCourse } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCategoryName } from '../../customers/index.ts';
import { useCourse, useCourseStep } from '../api.ts';
import { CourseStatusTag } from './CourseStatusTag.tsx';

/** One course edition: its facts, lessons and quiz (right answers marked), and the next steps. */
export function CourseDrawer({
  id,
  canManage,
  onClose,
  onEdit,
  onOpen,
  onAssign,
}: {
  id: string | null;
  canManage: boolean;
  onClose: () => void;
  onEdit: (c: TrainingCourse) => void;
  onOpen: (id: string) => void;
  onAssign: (seriesId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const course = useCourse(id);
  const step = useCourseStep(id ?? '');
  const category = useCategoryName();
  const c = course.data;
  const run = async (s: 'publish' | 'retire' | 'revise') => {
    const out = await step.mutateAsync({ step: s, version: c!.version });
    if (s === 'publish') message.success(t('training.done.published', { n: out.edition }));
    if (s === 'retire') message.success(t('training.done.retired'));
    if (s === 'revise') {
      message.success(t('training.done.revised', { n: out.edition }));
      onOpen(out.id);
    }
  };
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={720}
      title={c ? `${c.title} · ${t('training.edition', { n: c.edition })}` : ''}
    >
      {course.isPending ? (
        <Skeleton active />
      ) : course.isError ? (
        <ProblemAlert error={course.error} />
      ) : (
        c && (
          <Flex vertical gap={16} data-testid="course-drawer">
            {canManage && (
              <Flex gap={8} wrap>
                {c.status === 'draft' && (
                  <>
                    <Button onClick={() => onEdit(c)} data-testid="course-edit">
                      {t('training.actions.edit')}
                    </Button>
                    <Popconfirm title={t('training.confirm.publish')} onConfirm={() => run('publish')}>
                      <Button type="primary" loading={step.isPending} data-testid="course-publish">
                        {t('training.actions.publish')}
                      </Button>
                    </Popconfirm>
                  </>
                )}
                {c.status === 'published' && (
                  <>
                    <Button type="primary" onClick={() => onAssign(c.seriesId)} data-testid="course-assign">
                      {t('training.actions.assign')}
                    </Button>
                    <Popconfirm title={t('training.confirm.retire')} onConfirm={() => run('retire')}>
                      <Button danger>{t('training.actions.retire')}</Button>
                    </Popconfirm>
                  </>
                )}
                {c.status !== 'draft' && (
                  <Button onClick={() => run('revise')} loading={step.isPending} data-testid="course-revise">
                    {t('training.actions.revise')}
                  </Button>
                )}
              </Flex>
            )}
            <ProblemAlert error={step.error} />
            {c.status !== 'draft' && <Alert type="info" showIcon message={t('training.frozen')} />}
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('training.field.status')}>
                <CourseStatusTag status={c.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('training.field.edition')}>
                {t('training.edition', { n: c.edition })}
              </Descriptions.Item>
              <Descriptions.Item label={t('training.field.category')}>
                {c.categoryCode ? category(c.categoryCode) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('training.field.certificationName')}>
                {c.certificationName ?? c.title}
              </Descriptions.Item>
              <Descriptions.Item label={t('training.field.validityMonths')}>
                {c.validityMonths ?? t('training.placeholder.policyDefault')}
              </Descriptions.Item>
              <Descriptions.Item label={t('training.field.passMark')}>
                {c.passMark ?? t('training.placeholder.policyDefault')}
              </Descriptions.Item>
              <Descriptions.Item label={t('training.field.attempts')}>{c.attemptCount}</Descriptions.Item>
              <Descriptions.Item label={t('training.field.updatedAt')}>
                {c.updatedAt.slice(0, 10)}
              </Descriptions.Item>
              {c.description && (
                <Descriptions.Item label={t('training.field.description')} span={2}>
                  {c.description}
                </Descriptions.Item>
              )}
            </Descriptions>
            <div>
              <Typography.Title level={5}>{t('training.field.lessons')}</Typography.Title>
              <List
                size="small"
                bordered
                dataSource={c.lessons}
                renderItem={(l) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${l.no}. ${l.title}`}
                      description={
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                          {l.body}
                        </Typography.Paragraph>
                      }
                    />
                    {l.fileId && <Tag>{c.files.find((f) => f.id === l.fileId)?.filename}</Tag>}
                    {l.article && <Tag color="blue">{l.article.title}</Tag>}
                  </List.Item>
                )}
              />
            </div>
            <div>
              <Typography.Title level={5}>{t('training.field.questions')}</Typography.Title>
              {c.questions.map((q, i) => (
                <div key={q.id} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>
                    {i + 1}. {q.text}
                  </Typography.Text>{' '}
                  <Tag>{t(`training.editor.kind.${q.kind}`)}</Tag>
                  <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                    {q.options.map((o) => (
                      <li key={o.id}>
                        {o.id.toUpperCase()}. {o.text}{' '}
                        {q.correct.includes(o.id) && (
                          <CheckCircleFilled
                            style={{ color: '#52c41a' }}
                            aria-label={t('training.editor.correct')}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </Flex>
        )
      )}
    </Drawer>
  );
}
