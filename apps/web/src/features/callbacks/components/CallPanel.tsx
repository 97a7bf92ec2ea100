import { Alert, Button, Divider, Drawer, Flex, Space, Spin, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { CallHistory } from './call/CallHistory.tsx';
import { EarlierCallbacks } from './call/EarlierCallbacks.tsx';
import { OrderFacts } from './call/OrderFacts.tsx';
import { OutcomePicker } from './call/OutcomePicker.tsx';
import { Questionnaire } from './call/Questionnaire.tsx';
import { useCallPanel } from './call/useCallPanel.ts';

/** The caller's panel: script, order facts, questionnaire, outcome; keyboard first. */
export function CallPanel({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const cp = useCallPanel(taskId, onClose);
  const { script, record, link, s, submit, copyLink } = cp;
  return (
    <Drawer
      open={!!taskId}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={s ? t('callbacks.call.title', { number: s.order.number }) : ' '}
      extra={
        s && !s.readOnly ? (
          <Button
            icon={<CopyOutlined />}
            onClick={copyLink}
            loading={link.isPending}
            data-testid="cb-portal-link"
          >
            {t('callbacks.call.portalLink')}
          </Button>
        ) : null
      }
    >
      {script.isLoading && <Spin />}
      {script.error && <ProblemAlert error={script.error} />}
      {s && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {s.readOnly && <Alert type="info" showIcon message={t('callbacks.call.readOnly')} />}
          <OrderFacts cp={cp} />
          <Divider style={{ margin: 0 }} />
          {s.earlier.length > 0 && <EarlierCallbacks cp={cp} />}
          <Questionnaire cp={cp} />
          <OutcomePicker cp={cp} />
          {record.error && <ProblemAlert error={record.error} />}
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{t('callbacks.call.shortcuts')}</Typography.Text>
            <Button
              type="primary"
              data-testid="cb-submit"
              onClick={submit}
              loading={record.isPending}
              disabled={s.readOnly}
            >
              {t('callbacks.call.submit')}
            </Button>
          </Flex>
          {s.history.length > 0 && <CallHistory cp={cp} />}
        </Space>
      )}
    </Drawer>
  );
}
