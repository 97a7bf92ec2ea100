// Without zod, so that the web app's language switch does not pull it into the first load.
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
