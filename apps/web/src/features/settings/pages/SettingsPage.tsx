import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ShortcutGrid } from '../../../app/ShortcutGrid.tsx';
import { NAVIGATION, visibleLeaves } from '../../../app/navigation.ts';
import { useSession } from '../../auth/index.ts';

/** `/settings`: an overview of the settings pages this user may open (each is its own route). */
export default function SettingsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const group = NAVIGATION.filter((i) => i.key === 'settings');
  const items = visibleLeaves(me, group);
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('settings.title')} description={t('settings.subtitle')} />
      <ShortcutGrid items={items} />
    </Flex>
  );
}
