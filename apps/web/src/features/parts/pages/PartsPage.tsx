import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';

/** The parts workbench (placeholder until the warehouse screens land, issue #15). */
export default function PartsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('parts.title')} />;
}
