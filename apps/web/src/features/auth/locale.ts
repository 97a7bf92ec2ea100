import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Locale, Me } from '@anxin/contracts';
import { changeLocale, currentLocale } from '../../i18n/index.ts';
import { currentMe, saveProfileLocale } from './api.ts';

/**
 * Language preference. Signed in, the profile (`Me.locale`) is the source of truth and a switch
 * is saved with `PATCH /api/v1/me`. Signed out, a switch is kept on the device (localStorage);
 * if the user picked a language on the login page, that fresh choice wins over the profile and
 * is saved right after signing in.
 */
let choseOnLoginPage = false;

export function useLocaleSwitch(): (locale: Locale) => Promise<void> {
  const qc = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      await changeLocale(locale);
      const me = currentMe(qc);
      if (!me) {
        choseOnLoginPage = true;
        return;
      }
      if (me.locale !== locale) await saveProfileLocale(qc, locale);
    },
    [qc],
  );
}

/** Applies (or, after a login-page choice, saves) the profile language once per signed-in user. */
export function useProfileLocale(me: Me): void {
  const qc = useQueryClient();
  useEffect(() => {
    const chosen = currentLocale();
    if (choseOnLoginPage) {
      choseOnLoginPage = false;
      if (me.locale !== chosen) void saveProfileLocale(qc, chosen).catch(() => undefined);
      return;
    }
    if (me.locale !== chosen) void changeLocale(me.locale);
    // Only when the user changes: later `me` updates come from our own PATCH.
  }, [me.id]);
}
