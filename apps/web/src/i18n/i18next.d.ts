import 'i18next';
import type { Messages } from './messages.zh-CN.ts';

// Typed keys: `t('nav.workorders')` is checked by tsc against the zh-CN resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
