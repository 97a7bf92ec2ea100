import { Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Me } from '@anxin/contracts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';

/** Ways out of an error page: back to where the user came from, or to the workspace. */
function WayBack() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  // `location.key` is "default" on the first page of a visit: there is no in-app history to go back to.
  const canGoBack = location.key !== 'default';
  return (
    <Flex gap={8} justify="center" wrap>
      {canGoBack && (
        <Button onClick={() => navigate(-1)} data-testid="go-back">
          {t('common.goBack')}
        </Button>
      )}
      <Button type="primary" onClick={() => navigate('/')} data-testid="go-home">
        {t('common.backHome')}
      </Button>
    </Flex>
  );
}

export function ForbiddenPage({ subTitle }: { subTitle: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('guards.forbiddenTitle')}
      subTitle={subTitle}
      extra={<WayBack />}
      data-testid="forbidden"
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Result
      status="404"
      title={t('guards.notFoundTitle')}
      subTitle={t('guards.notFoundSubtitle', { path: pathname })}
      extra={<WayBack />}
      data-testid="not-found"
    />
  );
}

/** Shown when rendering a route throws (including a stale lazy chunk after a deploy). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="500"
      title={t('guards.crashTitle')}
      subTitle={t('guards.crashSubtitle')}
      data-testid="route-error"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('guards.reload')}
        </Button>
      }
    />
  );
}

/** The session probe failed for another reason than "not signed in" (server down, 5xx). */
export function SessionLoadFailed({ me }: { me: UseQueryResult<Me | null> }) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ padding: 24 }}>
      <Result
        status="warning"
        title={t('guards.sessionLoadFailed')}
        subTitle={<ProblemAlert error={me.error} style={{ textAlign: 'left' }} />}
        extra={
          <Button type="primary" onClick={() => void me.refetch()} loading={me.isFetching}>
            {t('common.retry')}
          </Button>
        }
      />
    </Flex>
  );
}
