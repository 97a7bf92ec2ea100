import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../app/Feedback.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { problemMessage } from '../../../i18n/problem.ts';
import { useLocaleSwitch } from '../../auth/index.ts';

/** One tap switches 中文 ⇄ English (two languages: a menu would be one tap too many on a phone). */
export function PortalLocaleToggle() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const switchLocale = useLocaleSwitch();
  const next = currentLocale() === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      className="portal-icon-btn"
      data-testid="portal-locale"
      onClick={() => switchLocale(next).catch((e: unknown) => void message.error(problemMessage(t, e)))}
    >
      {t(`languages.${next}`)}
    </Button>
  );
}
