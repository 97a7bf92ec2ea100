import type { ReactNode } from 'react';
import { Card, Flex, Statistic, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** One KPI card: the figure, its definition in words as a tooltip, and the list it counts. */
export function Kpi(props: {
  testId: string;
  title: string;
  definition: string;
  value: string;
  to: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ flex: '1 1 260px' }} data-testid={props.testId}>
      <Statistic
        title={
          <Flex gap={6} align="center">
            {props.title}
            <Tooltip title={props.definition}>
              <QuestionCircleOutlined
                data-testid={`${props.testId}-definition`}
                aria-label={props.definition}
              />
            </Tooltip>
          </Flex>
        }
        value={props.value}
      />
      <Flex vertical gap={2} style={{ marginTop: 8 }}>
        {props.children}
        <Link to={props.to}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('carefigures.viewList')} →
          </Typography.Text>
        </Link>
      </Flex>
    </Card>
  );
}

/** A label and value line under a KPI, optionally a link to the list it counts. */
export function Line({ label, value, to }: { label: string; value: string | number; to?: string }) {
  const { t } = useTranslation();
  const text = (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('carefigures.pair', { label, value })}
    </Typography.Text>
  );
  return to ? <Link to={to}>{text}</Link> : text;
}
