import { useEffect, useState } from 'react';
import i18n, { type TFunction } from 'i18next';
import type { Locale } from '@anxin/contracts';
import { loadMessages, messagesLoaded } from './index.ts';

/**
 * `t` of a fixed language whatever the page's (a document always printed in Chinese): its messages
 * are a chunk of their own, loaded on first use; null until they are there.
 */
export function useFixedT(locale: Locale): TFunction | null {
  const [ready, setReady] = useState(() => messagesLoaded(locale));
  useEffect(() => {
    let live = true;
    void loadMessages(locale).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [locale]);
  return ready ? i18n.getFixedT(locale) : null;
}
