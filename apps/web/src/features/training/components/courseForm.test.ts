import { describe, expect, it } from 'vitest';
import { courseBody, formValuesOf } from './courseForm.ts';

describe('course form', () => {
  it('numbers questions and options and maps right answers by position, both ways', () => {
    const body = courseBody({
      title: ' 空调安装 ',
      lessons: [{ title: '一', body: '正文' }],
      questions: [
        { text: '单选', kind: 'single', options: [{ text: 'x' }, { text: 'y' }], correct: 1 },
        {
          text: '多选',
          kind: 'multiple',
          options: [{ text: 'x' }, { text: 'y' }, { text: 'z' }],
          correct: [0, 2],
        },
      ],
    });
    expect(body.title).toBe('空调安装');
    expect(body.questions.map((q) => [q.id, q.correct])).toEqual([
      ['q1', ['b']],
      ['q2', ['a', 'c']],
    ]);
    const back = formValuesOf({
      ...body,
      id: 'c',
      seriesId: 'c',
      edition: 1,
      status: 'draft',
      lessons: body.lessons.map((l, i) => ({ ...l, no: i + 1, article: null })),
      files: [],
      attemptCount: 0,
      publishedAt: null,
      createdAt: '',
      updatedAt: '',
      version: 1,
    });
    expect(back.questions.map((q) => q.correct)).toEqual([1, [0, 2]]);
  });
});
