import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { CallbackScript } from '@anxin/contracts';
import { renderPage } from '../../../../test/dom.tsx';
import { EarlierCallbacks } from './EarlierCallbacks.tsx';
import type { CallPanelState } from './useCallPanel.ts';

const questions = [
  { id: 'workmanship', kind: 'score', label: { 'zh-CN': '维修质量', 'en-US': 'Workmanship' } },
  { id: 'resolved', kind: 'yes_no', label: { 'zh-CN': '问题是否已解决', 'en-US': 'Resolved' } },
] as CallbackScript['questions'];

describe('earlier callbacks', () => {
  it("shows the first call's outcome, answers, comment and note in words", async () => {
    const cp = {
      questions,
      lang: 'zh-CN',
      s: {
        earlier: [
          {
            taskId: 't1',
            closedAt: '2026-12-05T07:30:00.000Z',
            outcome: 'unsatisfied',
            answers: { workmanship: 2, resolved: false },
            followUp: 'redo',
            comment: '还是漏水',
            note: '客户要求再次上门',
            agentName: '质检小王',
            portalRated: false,
          },
        ],
      },
    } as unknown as CallPanelState;
    await renderPage(<EarlierCallbacks cp={cp} />);
    const text = (await screen.findByTestId('cb-earlier')).textContent!;
    expect(text).toContain('不满意');
    expect(text).toContain('维修质量');
    expect(text).toContain('2 / 5');
    expect(text).toContain('问题是否已解决');
    expect(text).toContain('否');
    expect(text).toContain('还是漏水');
    expect(text).toContain('客户要求再次上门');
    expect(text).toContain('回访人：质检小王');
    expect(text).toContain('平均评分 2.0 / 5');
    expect(text).toContain('处理：返修（重新派单）');
    expect(text).not.toContain('unsatisfied');
    expect(text).not.toContain('redo');
  });
});
