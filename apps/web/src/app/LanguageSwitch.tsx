import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@anxin/contracts';
import { SUPPORTED_LOCALES as LOCALES } from '../i18n/supported.ts';
import { currentLocale } from '../i18n/index.ts';
import { problemMessage } from '../i18n/problem.ts';
import { useLocaleSwitch } from '../features/auth/index.ts';

/**
 * Header language menu; signed in, the choice is also saved to the user's profile. `defaultOpen`:
 * the phone shell loads this menu on the first tap and shows it open at once.
 */
export function LanguageSwitch({
  showLabel = true,
  defaultOpen = false,
}: {
  showLabel?: boolean;
  defaultOpen?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(defaultOpen);
  const { message } = App.useApp();
  const switchLocale = useLocaleSwitch();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: t(`languages.${l}`), 'data-testid': `locale-${l}` })),
        onClick: ({ key }) => {
          switchLocale(key as Locale).catch((e: unknown) => void message.error(problemMessage(t, e)));
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('layout.language')}
        data-testid="locale-switch"
      >
        {showLabel ? t(`languages.${locale}`) : null}
      </Button>
    </Dropdown>
  );
}
