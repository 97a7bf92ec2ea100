// The auth feature's public API: the session probe and login/logout hooks, the signed-in user
// context and the language preference. Code outside the feature imports only from here.
export { ME_QUERY_KEY, currentMe, fetchMe, saveProfileLocale, useLogin, useLogout, useMe } from './api.ts';
export { useLocaleSwitch, useProfileLocale } from './locale.ts';
export { SessionProvider, useSession } from './session.tsx';
