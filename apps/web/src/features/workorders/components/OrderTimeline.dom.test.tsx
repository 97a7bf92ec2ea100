import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderPage } from '../../../test/dom.tsx';
import { OrderTimeline } from './OrderTimeline.tsx';

const entry = (id: string, type: string, at: string) => ({
  id,
  type,
  actorId: null,
  actorKind: 'system',
  actorName: null,
  at,
  from: null,
  to: null,
  reason: null,
  data: {},
});
const ENTRIES = [
  entry('e1', 'workorder.created', '2026-11-20T01:00:00.000Z'),
  entry('e2', 'fieldwork.photo_added', '2026-11-20T02:00:00.000Z'),
  entry('e3', 'sla.breached', '2026-11-20T03:00:00.000Z'),
  entry('e4', 'someday.new_event', '2026-11-20T04:00:00.000Z'),
];

describe('order timeline', () => {
  it.each([
    ['zh-CN', ['创建工单', '师傅上传现场照片', '已超时', '业务记录']],
    ['en-US', ['Order created', 'Technician added a site photo', 'Deadline missed', 'Record']],
  ] as const)('names every event in words in %s, never by its code', async (locale, words) => {
    renderPage(<OrderTimeline entries={ENTRIES} meId="me" />, { api: {}, locale });
    const shown = (await screen.findAllByTestId('timeline-entry')).map((e) => e.textContent ?? '');
    for (const w of words) expect(shown.some((s) => s.includes(w))).toBe(true);
    expect(shown.join(' ')).not.toMatch(/[a-z]+\.[a-z_]+/);
  });

  it.each([
    ['zh-CN', ['回访满意，结单', '回访不满意：师傅迟到', '系统记录', '客户说换个时间', '自动升级：响应超时']],
    [
      'en-US',
      [
        'Customer satisfied on the callback; closed',
        'Customer not satisfied on the callback: 师傅迟到',
        'System record',
        '客户说换个时间',
        'Escalated automatically: response late',
      ],
    ],
  ] as const)('reads reason codes as words in %s and keeps people’s own reasons', async (locale, words) => {
    const withReason = (id: string, reason: string) => ({
      ...entry(id, 'workorder.transitioned', '2026-11-20T05:00:00.000Z'),
      reason,
    });
    const entries = [
      withReason('r1', 'callback_satisfied'),
      withReason('r2', 'callback_unsatisfied: 师傅迟到'),
      withReason('r3', 'someday_new_reason'),
      withReason('r4', '客户说换个时间'),
      withReason('r5', 'sla_breached_response'),
    ];
    renderPage(<OrderTimeline entries={entries} meId="me" />, { api: {}, locale });
    const shown = (await screen.findAllByTestId('timeline-entry')).map((e) => e.textContent ?? '').join(' ');
    for (const w of words) expect(shown).toContain(w);
    expect(shown).not.toMatch(/[a-z]+_[a-z]+/);
  });
});
