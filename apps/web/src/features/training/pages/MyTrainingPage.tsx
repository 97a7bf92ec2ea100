import { useState } from 'react';
import { Button, Card, Empty, Progress, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MyCourse, MyTraining } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCategoryName } from '../../customers/index.ts';
import { useMyTraining } from '../api.ts';
import { LearnerStatusTag } from '../components/CourseStatusTag.tsx';
import { CourseView } from './MyCourseView.tsx';
import './training.css';

/** 我的培训 (/m/training): assigned courses (lessons, then the quiz) and the technician's certifications. */
export default function MyTrainingPage() {
  const { t } = useTranslation();
  const my = useMyTraining();
  const [open, setOpen] = useState<string | null>(null);
  const course = my.data?.courses.find((c) => c.courseId === open);
  return (
    <div className="training-root" data-testid="my-training">
      {course ? (
        <CourseView course={course} onBack={() => setOpen(null)} />
      ) : (
        <>
          <Link to="/m/jobs">
            <Button type="text" icon={<ArrowLeftOutlined />} size="large">
              {t('training.my.back')}
            </Button>
          </Link>
          <Typography.Title level={4} style={{ margin: '4px 0 8px' }}>
            {t('training.my.title')}
          </Typography.Title>
          {my.isPending ? (
            <Skeleton active />
          ) : my.isError ? (
            <ProblemAlert error={my.error} />
          ) : (
            <Overview data={my.data} onOpen={setOpen} />
          )}
        </>
      )}
    </div>
  );
}

function Overview({ data, onOpen }: { data: MyTraining; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const category = useCategoryName();
  return (
    <>
      <Typography.Title level={5}>{t('training.my.courses')}</Typography.Title>
      {data.courses.length === 0 ? (
        <Empty description={t('training.my.noCourses')} />
      ) : (
        data.courses.map((c) => <CourseCard key={c.courseId} course={c} onOpen={() => onOpen(c.courseId)} />)
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('training.my.certs')}
      </Typography.Title>
      {data.certifications.length === 0 ? (
        <Empty description={t('training.my.noCerts')} />
      ) : (
        data.certifications.map((c) => (
          <Card
            key={`${c.name}:${c.categoryCode}`}
            size="small"
            className="training-card"
            data-testid="my-cert"
          >
            <div className="training-cert">
              <div>
                <SafetyCertificateOutlined style={{ color: '#1677ff', marginInlineEnd: 6 }} />
                <strong>{c.name}</strong>
                <div className="training-muted">
                  {c.categoryCode ? `${category(c.categoryCode)} · ` : ''}
                  {t('training.my.issued', { date: c.issuedOn })}
                </div>
                <div className="training-muted">
                  {c.expiresOn
                    ? t('training.my.certValid', { date: c.expiresOn })
                    : t('training.my.certNoExpiry')}
                </div>
              </div>
              <Tag color={c.status === 'valid' ? 'success' : c.status === 'expiring' ? 'warning' : 'error'}>
                {t(`training.my.certStatus.${c.status}`)}
              </Tag>
            </div>
          </Card>
        ))
      )}
    </>
  );
}

function CourseCard({ course: c, onOpen }: { course: MyCourse; onOpen: () => void }) {
  const { t } = useTranslation();
  const read = c.lessonsRead.length;
  return (
    <Card
      size="small"
      className="training-card"
      data-testid={`my-course-${c.courseId}`}
      onClick={onOpen}
      hoverable
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <strong>{c.title}</strong>
        <LearnerStatusTag status={c.status} />
      </div>
      <div className="training-meta training-muted">
        <span>{t('training.my.due', { date: c.dueOn })}</span>
        <span>{t('training.my.progress', { read, total: c.lessons.length })}</span>
        <span>{t('training.my.attempts', { used: c.attemptsUsed, max: c.maxAttempts })}</span>
        {c.bestScore !== null && <span>{t('training.my.best', { score: c.bestScore })}</span>}
      </div>
      <Progress
        percent={c.lessons.length ? Math.round((read * 100) / c.lessons.length) : 0}
        size="small"
        showInfo={false}
      />
      <Button type="primary" block size="large" style={{ marginTop: 8 }} data-testid="my-course-open">
        {c.status === 'passed' ? t('training.my.review') : t('training.my.open')}
      </Button>
    </Card>
  );
}
