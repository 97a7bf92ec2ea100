import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The foot of a paged list: how many rows are shown and, while the server has more, a button for
 * the next page. A list never stops at a page size without saying so.
 */
export function LoadMore({
  count,
  hasMore,
  loading,
  onMore,
  testId,
}: {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" gap={12} style={{ padding: 12 }}>
      <Typography.Text type="secondary" data-testid={`${testId}-count`}>
        {hasMore ? t('common.list.loaded', { count }) : t('common.list.allLoaded', { count })}
      </Typography.Text>
      {hasMore && (
        <Button onClick={onMore} loading={loading} data-testid={`${testId}-more`}>
          {t('common.list.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
