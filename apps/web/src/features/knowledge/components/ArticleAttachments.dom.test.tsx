import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { ArticleDetail, ArticleVersion } from '@anxin/contracts';
import { problem, renderPage } from '../../../test/dom.tsx';
import { ArticlePanel } from './ArticlePanel.tsx';
import { ArticleView } from './ArticleView.tsx';

const version = (over: Partial<ArticleVersion> = {}): ArticleVersion => ({
  id: 'v-1',
  number: 1,
  status: 'draft',
  title: '洗衣机安装说明',
  summary: '',
  body: '按说明书安装',
  visibility: 'public',
  categoryCode: null,
  modelCodes: [],
  faultCodes: [],
  keywords: [],
  fault: null,
  attachments: [
    { kind: 'video', name: '安装视频', fileId: 'f-video' },
    { kind: 'link', name: '厂家网站', url: 'https://example.com/' },
  ],
  authorName: '质检员',
  reviewerName: null,
  reviewNote: null,
  submittedAt: null,
  publishedAt: null,
  updatedAt: '2026-11-23T02:00:00.000Z',
  ...over,
});
const ARTICLE: ArticleDetail = {
  id: 'a-1',
  slug: 'washer-install',
  kind: 'manual',
  status: 'draft',
  title: '洗衣机安装说明',
  visibility: 'public',
  categoryCode: null,
  helpfulCount: 0,
  unhelpfulCount: 0,
  resolvedCount: 0,
  pendingStatus: 'draft',
  updatedAt: '2026-11-23T02:00:00.000Z',
  version: 3,
  published: null,
  pending: version(),
  actions: ['submit'],
  canEdit: true,
};
const GET = 'GET /api/v1/knowledge/articles/a-1';
const UPLOAD = 'POST /api/v1/knowledge/files';
const SAVE = 'PUT /api/v1/knowledge/articles/a-1/draft';

const WORDS = {
  'zh-CN': { edit: '编辑草稿', upload: '上传文件', save: '保存草稿', refused: '不支持' },
  'en-US': { edit: 'Edit draft', upload: 'Upload file', save: 'Save draft', refused: 'not supported' },
} as const;

describe.each(['zh-CN', 'en-US'] as const)('article attachments (%s)', (locale) => {
  const w = WORDS[locale];

  it('plays an uploaded video inline and keeps links as links', async () => {
    await renderPage(<ArticlePanel id="a-1" />, { locale, api: { [GET]: ARTICLE } });
    const view = await screen.findByTestId('kb-attachments');
    const video = view.querySelector('video')!;
    expect(video.getAttribute('src')).toBe('/api/v1/knowledge/files/f-video');
    expect(video.hasAttribute('controls')).toBe(true);
    expect(within(view).getByText('厂家网站').closest('a')!.getAttribute('href')).toBe(
      'https://example.com/',
    );
  });

  it('uploads a manual in the editor and saves the draft naming the file', async () => {
    const { user, api } = await renderPage(<ArticlePanel id="a-1" />, {
      locale,
      api: {
        [GET]: ARTICLE,
        [UPLOAD]: problem(415, 'request.unsupported_media_type'),
        [SAVE]: { ...ARTICLE, version: 4 },
      },
    });
    await user.click(await screen.findByRole('button', { name: new RegExp(w.edit) }));
    expect(screen.getByTestId('kb-upload').textContent).toContain(w.upload);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const pdf = new File(['%PDF-1.4'], '洗衣机说明书.pdf', { type: 'application/pdf' });

    // A refused upload is explained in words and adds no row.
    await user.upload(input, pdf);
    await waitFor(() => expect(document.body.textContent).toContain(w.refused));
    expect(document.body.textContent).not.toContain('server detail');
    expect(screen.queryByTestId('kb-attachment-row-2')).toBeNull();

    api.on({
      [UPLOAD]: { id: 'f-pdf', filename: '洗衣机说明书.pdf', contentType: 'application/pdf', sizeBytes: 8 },
    });
    await user.upload(document.querySelector('input[type=file]') as HTMLInputElement, pdf);
    await waitFor(() => expect(api.requests(UPLOAD)).toHaveLength(2));
    const row = await screen.findByTestId('kb-attachment-row-2');
    expect((within(row).getByTestId('kb-attachment-name-2') as HTMLInputElement).value).toBe('洗衣机说明书');
    await waitFor(() =>
      expect(row.querySelector('a')?.getAttribute('href')).toBe('/api/v1/knowledge/files/f-pdf'),
    );

    await user.click(screen.getByTestId('kb-save-draft'));
    await waitFor(() => expect(api.requests(SAVE)).toHaveLength(1));
    const body = api.requests(SAVE)[0]!.body as { content: { attachments: unknown[] } };
    expect(body.content.attachments).toEqual([
      { kind: 'video', name: '安装视频', fileId: 'f-video' },
      { kind: 'link', name: '厂家网站', url: 'https://example.com/' },
      { kind: 'manual', name: '洗衣机说明书', fileId: 'f-pdf' },
    ]);
  });

  it('fetches files through the portal route in the portal', async () => {
    await renderPage(
      <ArticleView
        portal
        article={version({ attachments: [{ kind: 'manual', name: '说明书', fileId: 'f-pdf' }] })}
      />,
      { locale },
    );
    const link = screen.getByTestId('kb-attachment-file');
    expect(link.getAttribute('href')).toBe('/api/v1/portal/knowledge/files/f-pdf');
    expect(link.textContent).toContain('说明书');
  });
});
