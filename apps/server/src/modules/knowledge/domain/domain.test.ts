import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise.ts';
import { bm25, feedbackFactor, hasAnchorTerm } from './bm25.ts';
import { actionsFor, articleStatusAfter, ruleFor } from './lifecycle.ts';
import { expandQuery } from './synonyms.ts';
import { tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('segments Chinese in search mode, drops question words, keeps 不 and codes', () => {
    expect(tokenize('我家空调怎么不制冷了呢？')).toEqual(['空调', '不', '制冷']);
    expect(tokenize('热水器显示E1')).toEqual(expect.arrayContaining(['热水器', '显示', 'e1']));
  });
});

describe('synonyms', () => {
  it('adds the other terms of a matching group at a lower weight', () => {
    const t = expandQuery('空调不凉', [['不制冷', '不凉', '制冷差']]);
    expect(t.get('空调')).toBe(1);
    expect(t.get('制冷')).toBe(0.8);
    expect(t.get('差')).toBe(0.8);
  });
});

describe('bm25', () => {
  it('prefers rarer terms and shorter documents, ties by id', () => {
    const postings = new Map([
      [
        'a',
        new Map([
          ['d1', 1],
          ['d2', 1],
        ]),
      ],
      ['b', new Map([['d2', 1]])],
    ]);
    const docLength = new Map([
      ['d1', 10],
      ['d2', 10],
      ['d3', 10],
    ]);
    const r = bm25({
      terms: new Map([
        ['a', 1],
        ['b', 1],
      ]),
      postings,
      docLength,
      docCount: 3,
      avgLength: 10,
      k1: 1.2,
      b: 0.75,
    });
    expect(r.map((x) => x.id)).toEqual(['d2', 'd1']);
    expect(feedbackFactor(0, 0, 0.1)).toBe(1);
    expect(feedbackFactor(3, 1, 0.1)).toBeGreaterThan(1);
    expect(hasAnchorTerm(['不', '花'])).toBe(false);
    expect(hasAnchorTerm(['不', 'e1'])).toBe(true);
  });
});

describe('anonymise', () => {
  it('strips phones, ID numbers, e-mail, titled names and the known personal strings', () => {
    const out = anonymise(
      '王小明说空调不凉，电话 138-1234-5678 或 020-87654321，身份证 44010619900101123X，住天河区体育西路100号，张先生在家',
      ['王小明', '天河区体育西路100号'],
    );
    expect(out).toBe('[客户]说空调不凉，电话 [电话] 或 [电话]，身份证 [身份证号]，住[地址]，[客户]在家');
  });
});

describe('review state table', () => {
  it('publishing needs a review permission; a published article keeps its state while a draft is reviewed', () => {
    expect(ruleFor('approve', 'draft', 'draft')).toBeNull();
    expect(ruleFor('submit', 'published', 'draft')?.permission).toBe('knowledge:write');
    expect(articleStatusAfter('submit', true)).toBe('published');
    expect(articleStatusAfter('submit', false)).toBe('in_review');
    expect(actionsFor('in_review', 'in_review', (p) => p === 'knowledge:write')).toEqual([]);
    expect(actionsFor('in_review', 'in_review', () => true)).toEqual(['approve', 'reject']);
  });
});
