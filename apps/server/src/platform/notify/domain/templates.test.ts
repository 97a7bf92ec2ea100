import { describe, expect, it } from 'vitest';
import { NOTIFY_EVENT_KEYS, NOTIFY_LOCALES } from '@anxin/contracts';
import { DEFAULT_TEMPLATES } from './defaults.ts';
import { localeFor, MissingPlaceholderError, placeholdersIn, render, templateIssues } from './templates.ts';

describe('notification templates', () => {
  it('renders placeholders, with or without inner spaces', () => {
    expect(render('工单 {{number}} 于 {{ window }}', { number: 'W-1', window: '9:00–11:00' })).toBe(
      '工单 W-1 于 9:00–11:00',
    );
    expect(placeholdersIn('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });

  it('a placeholder without a value is an error, not an empty hole', () => {
    expect(() => render('工单 {{number}} {{code}}', { number: 'W-1' })).toThrow(MissingPlaceholderError);
    expect(() => render('{{code}}', {})).toThrow('{{code}}');
  });

  it('at save time: unknown placeholders and stray braces are refused, per field', () => {
    expect(templateIssues('portal.otp', { subject: '验证码', body: '您的验证码 {{code}}' })).toEqual([]);
    expect(templateIssues('portal.otp', { subject: '{{number}}', body: '{{code}} {{phone}}' })).toEqual([
      { path: 'subject', unknown: ['number'] },
      { path: 'body', unknown: ['phone'] },
    ]);
    expect(templateIssues('portal.otp', { subject: '', body: '{{code}} {{oops' })).toEqual([
      { path: 'body', unknown: ['{{ }}'] },
    ]);
  });

  it('every built-in default uses only its event’s placeholders, in both locales', () => {
    for (const event of NOTIFY_EVENT_KEYS)
      for (const locale of NOTIFY_LOCALES)
        expect(templateIssues(event, DEFAULT_TEMPLATES[event][locale])).toEqual([]);
  });

  it('the recipient’s locale chooses the template; anything else falls back to zh-CN', () => {
    expect(localeFor('en-US')).toBe('en-US');
    expect(localeFor('fr-FR')).toBe('zh-CN');
    expect(localeFor(null)).toBe('zh-CN');
  });
});
