import type { ReactNode } from 'react';
import { Button, Result, Tag } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** Stand-in for a feature that is not built yet; deliberately looks like a placeholder. */
export function Placeholder({ title }: { title: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      className="anxin-placeholder"
      data-testid="placeholder"
      icon={<ExperimentOutlined style={{ color: 'var(--ant-color-primary)' }} />}
      title={
        <>
          {title} <Tag color="gold">{t('common.comingSoonTag')}</Tag>
        </>
      }
      subTitle={t('common.comingSoon')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
