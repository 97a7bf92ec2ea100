import { useTranslation } from 'react-i18next';
import { Placeholder } from '../../../components/Placeholder.tsx';

export default function StubPage() {
  const { t } = useTranslation();
  return <Placeholder title={t('nav.dashboard')} />;
}
