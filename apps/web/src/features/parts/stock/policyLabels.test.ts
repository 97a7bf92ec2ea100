import { describe, expect, it } from 'vitest';
import { DEFAULT_PARTS_POLICY, PART_KINDS } from '@anxin/contracts';
import { resources } from '../../../i18n/resources.ts';

// The settings dialog labels each segment of a setting's field paths (`settings.field.<segment>`)
// and enum values (`settings.option.<value>`); the parts policy must not fall back to raw names.
const segments = (v: unknown): string[] =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.entries(v).flatMap(([k, x]) => [k, ...segments(x)])
    : [];

describe('parts policy labels in the settings editor', () => {
  it.each(['zh-CN', 'en-US'] as const)('%s names every field and item kind', (lang) => {
    const locale = resources[lang].translation.settings;
    const field = locale.field as Record<string, string | undefined>;
    const option = locale.option as Record<string, string | undefined>;
    expect(segments(DEFAULT_PARTS_POLICY).filter((s) => !field[s])).toEqual([]);
    expect(PART_KINDS.filter((k) => !option[k])).toEqual([]);
  });
});
