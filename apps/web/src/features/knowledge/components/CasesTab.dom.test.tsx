import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { KnowledgeCase } from '@anxin/contracts';
import { renderPage } from '../../../test/dom.tsx';
import { CasesTab } from './CasesTab.tsx';

const kase = (n: number): KnowledgeCase => ({
  id: `case-${n}`,
  orderNo: `WX20260601-000${n}`,
  categoryCode: null,
  modelCode: null,
  faultCodes: [],
  fault: `不制冷 ${n}`,
  diagnosis: '',
  fix: '补充冷媒',
  parts: [],
  closedAt: '2026-06-01T04:00:00.000Z',
});

describe('case library', () => {
  it('says when there are more cases and loads the next page by cursor', async () => {
    const page = await renderPage(<CasesTab onOpen={() => undefined} />, {
      api: {
        'GET /api/v1/knowledge/cases': (req) =>
          req.query.get('cursor') === 'c2'
            ? { items: [kase(3)], nextCursor: null }
            : { items: [kase(1), kase(2)], nextCursor: 'c2' },
      },
    });
    expect(await screen.findByText('WX20260601-0002')).toBeTruthy();
    expect(screen.getByTestId('knowledge-cases-count').textContent).toBe('已显示 2 条');
    await page.user.click(screen.getByTestId('knowledge-cases-more'));
    expect(await screen.findByText('WX20260601-0003')).toBeTruthy();
    expect(screen.getByTestId('knowledge-cases-count').textContent).toBe('已显示全部 3 条');
    expect(page.api.requests('GET /api/v1/knowledge/cases').at(-1)!.query.get('cursor')).toBe('c2');
  });
});
