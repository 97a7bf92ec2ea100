import { Alert, Avatar, Button, Card, Empty, Flex, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '@anxin/contracts';
import { ShortcutGrid } from '../../../app/ShortcutGrid.tsx';
import { RoleTags } from '../../../app/UserMenu.tsx';
import { visibleLeaves } from '../../../app/navigation.ts';
import { useSession } from '../../auth/index.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useWorkbench } from '../api.ts';
import { AlarmList } from '../components/AlarmList.tsx';
import { KpiTiles } from '../components/KpiTiles.tsx';
import { TodoCards } from '../components/TodoCards.tsx';

function useScopeText(scope: Me['scope']): string {
  const { t } = useTranslation();
  switch (scope.level) {
    case 'region':
      return t('scopes.region', { regions: scope.regionCodes.join(', ') || '—' });
    case 'outlet':
      return t('scopes.outlet');
    case 'own':
      return t('scopes.own');
    case 'all':
      return t('scopes.all');
  }
}

/** 工作台: a one-line welcome, the user's to-dos, figures and deadline alarms, then shortcuts. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useSession();
  const scopeText = useScopeText(me.scope);
  const shortcuts = visibleLeaves(me).filter((i) => i.key !== 'dashboard');
  const wb = useWorkbench(me.permissions.includes('workorder:read'));
  const data = wb.data;
  const technician = me.roles.includes('technician');

  return (
    <Flex vertical gap={24}>
      <Card className="anxin-welcome" data-testid="welcome-card" size="small">
        <Flex gap={12} align="center" wrap>
          <Avatar size={40} className="anxin-welcome__avatar">
            {(me.displayName || me.username).slice(0, 1).toUpperCase()}
          </Avatar>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="welcome-name">
            {t('dashboard.greeting', { name: me.displayName })}
          </Typography.Title>
          <RoleTags roles={me.roles} />
          <Typography.Text type="secondary">
            {t('dashboard.scope')}: <span data-testid="welcome-scope">{scopeText}</span>
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('dashboard.account')}: <span data-literal>{me.username}</span>
          </Typography.Text>
          <Flex gap={12} align="center" style={{ marginLeft: 'auto' }}>
            {data && (
              <Typography.Text type="secondary" data-testid="wb-today">
                {t('dashboard.today', { date: data.today })}
              </Typography.Text>
            )}
            {wb.isEnabled && (
              <Button
                size="small"
                icon={<ReloadOutlined />}
                onClick={() => void wb.refetch()}
                loading={wb.isRefetching}
                data-testid="wb-refresh"
              >
                {t('dashboard.refresh')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>
      {technician && (
        <Alert
          type="info"
          showIcon
          message={t('dashboard.technician.title')}
          action={
            <Link to="/m/jobs" data-testid="wb-phone-jobs">
              <Button type="primary" size="small">
                {t('dashboard.technician.open')}
              </Button>
            </Link>
          }
        />
      )}
      {wb.isEnabled && (
        <>
          {wb.error ? (
            <ProblemAlert error={wb.error} />
          ) : !data ? (
            <Card loading data-testid="wb-loading" />
          ) : (
            <>
              <section data-testid="wb-todos">
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {t('dashboard.todos.title')}
                </Typography.Title>
                <TodoCards todos={data.todos} />
              </section>
              <section data-testid="wb-kpis">
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {t('dashboard.kpis.title')}
                </Typography.Title>
                <KpiTiles kpis={data.kpis} />
              </section>
              {me.permissions.includes('sla:read') && (
                <AlarmList alarms={data.alarms} more={data.alarmsMore} />
              )}
            </>
          )}
        </>
      )}
      <section>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('dashboard.quickLinks')}
        </Typography.Title>
        {shortcuts.length > 0 ? (
          <ShortcutGrid items={shortcuts} />
        ) : (
          <Card>
            <Empty description={t('dashboard.noQuickLinks')} />
          </Card>
        )}
      </section>
    </Flex>
  );
}
