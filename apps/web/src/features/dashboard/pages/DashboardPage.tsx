import { Avatar, Card, Descriptions, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '@anxin/contracts';
import { ShortcutGrid } from '../../../app/ShortcutGrid.tsx';
import { RoleTags } from '../../../app/UserMenu.tsx';
import { visibleLeaves } from '../../../app/navigation.ts';
import { useSession } from '../../auth/index.ts';

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

/** 工作台: who you are, what you can see, and shortcuts to every page you may open. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useSession();
  const scopeText = useScopeText(me.scope);
  const shortcuts = visibleLeaves(me).filter((i) => i.key !== 'dashboard');

  return (
    <Flex vertical gap={24}>
      <Card className="anxin-welcome" data-testid="welcome-card">
        <Flex gap={20} align="center" wrap>
          <Avatar size={64} className="anxin-welcome__avatar">
            {(me.displayName || me.username).slice(0, 1).toUpperCase()}
          </Avatar>
          <div style={{ flex: '1 1 240px', minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="welcome-name">
              {t('dashboard.greeting', { name: me.displayName })}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }}>
              {t('dashboard.subtitle')}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 3 }}
              items={[
                { key: 'account', label: t('dashboard.account'), children: me.username },
                { key: 'roles', label: t('dashboard.roles'), children: <RoleTags roles={me.roles} /> },
                {
                  key: 'scope',
                  label: t('dashboard.scope'),
                  children: <span data-testid="welcome-scope">{scopeText}</span>,
                },
              ]}
            />
          </div>
        </Flex>
      </Card>
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
