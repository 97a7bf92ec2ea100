import type { Locale } from '@anxin/contracts';
import { enUS } from './messages.en-US.ts';
import { zhCN, type Messages } from './messages.zh-CN.ts';

// Both locales at once, for tests and tools. The app itself loads only the locale in use
// (see index.ts): each locale's messages are a chunk of their own.
export { enUS, zhCN, type Messages };

export const resources: Record<Locale, { translation: Messages }> = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
};
