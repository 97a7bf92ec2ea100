import { Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';

/** The portal when its session could not be read: the problem and a retry. */
export default function SessionFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ padding: 16 }}>
      <Result
        status="warning"
        subTitle={<ProblemAlert error={error} />}
        extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
      />
    </Flex>
  );
}
