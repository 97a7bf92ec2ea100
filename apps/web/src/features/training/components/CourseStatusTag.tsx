import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CourseStatus, LearnerStatus } from '@anxin/contracts';

const COURSE_COLOR: Record<CourseStatus, string> = {
  draft: 'default',
  published: 'green',
  retired: 'default',
};
const LEARNER_COLOR: Record<LearnerStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  passed: 'success',
  failed: 'error',
  overdue: 'warning',
};

export const CourseStatusTag = ({ status }: { status: CourseStatus }) => {
  const { t } = useTranslation();
  return <Tag color={COURSE_COLOR[status]}>{t(`training.status.${status}`)}</Tag>;
};

export const LearnerStatusTag = ({ status }: { status: LearnerStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={LEARNER_COLOR[status]} data-testid={`learner-status-${status}`}>
      {t(`training.learner.${status}`)}
    </Tag>
  );
};
