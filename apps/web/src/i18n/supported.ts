import type { Locale } from '@anxin/contracts';

/**
 * The UI languages. Mirrors `LOCALES` of @anxin/contracts, but as a local constant: importing a
 * value from the contracts module that also builds zod schemas would pull all of zod into the
 * first-load bundle. The type below fails to compile if the two lists drift apart, and
 * locales.test.ts compares them at runtime too.
 */
export const SUPPORTED_LOCALES = ['zh-CN', 'en-US'] as const satisfies readonly Locale[];

type Missing = Exclude<Locale, (typeof SUPPORTED_LOCALES)[number]>;
export const LOCALES_COMPLETE: [Missing] extends [never] ? true : never = true;
