import { describe, expect, it } from 'vitest';
import { apiAs, coverageOf, createCaller, uniqueSuffix } from '../factories.ts';
import { shot, signIn, useJourney } from '../harness.ts';

const j = useJourney();
/** The journey's own article (test 1 publishes it, test 2 troubleshoots with it). */
const suffix = uniqueSuffix();
const title = `空调外机咔哒响后停机 K${suffix}`;

interface Article {
  id: string;
  version: number;
}

/**
 * Issue #17, the agent's half: a reviewed fault-library article is suggested while the agent types
 * the caller's symptom, the agent opens it and resolves the call remotely with it, and the order
 * shows the article. Then the customer's half: the portal's self-service finds a public article,
 * walks its checks and the customer marks it fixed (a deflection on the knowledge figures).
 */
describe('knowledge base', () => {
  it('suggests an article at intake, resolves the call with it, and the order shows it', async () => {
    const { page, context, app } = j;
    const admin = await apiAs(context.request, app.url, 'admin');
    const where = await coverageOf(admin, 'GD001');
    const caller = await createCaller(admin, { ...where, suffix });
    // A quality reviewer writes, reviews and publishes the article (the journey's own data).
    let a = await admin<Article>('POST', '/api/v1/knowledge/articles', {
      slug: `e2e-click-stop-${suffix}`,
      kind: 'fault',
      title,
      summary: '外机咔哒一声后停机，几分钟后重启',
      visibility: 'public',
      categoryCode: where.categoryCode,
      keywords: [`K${suffix}`, '咔哒'],
      fault: {
        symptom: '空调外机咔哒一声后停机',
        causes: ['电压过低触发保护'],
        checks: ['确认空调用独立插座', '断电五分钟后重新开机'],
        fix: '断电重启后恢复；仍停机请报修检查电压和压缩机',
      },
    });
    a = await admin<Article>('POST', `/api/v1/knowledge/articles/${a.id}/steps`, {
      action: 'submit',
      version: a.version,
    });
    a = await admin<Article>('POST', `/api/v1/knowledge/articles/${a.id}/steps`, {
      action: 'approve',
      version: a.version,
    });

    await signIn(page, app.url, 'agent');
    await page.goto(`${app.url}/agent`);
    const phone = page.getByTestId('caller-number');
    await phone.waitFor();
    await phone.fill(caller.phone);
    await phone.press('Enter');
    await page.getByTestId('customer-panel').waitFor();
    await page.getByTestId('order-description').fill(`外机咔哒一声就停机了 K${suffix}`);
    const suggestion = page.getByTestId('kb-suggestion').filter({ hasText: title });
    await suggestion.waitFor();
    await shot(page, 'knowledge-intake-suggestions');
    await suggestion.click();
    await page.getByTestId('kb-suggestion-drawer').getByTestId('kb-article-view').waitFor();
    await page.getByTestId('kb-use-article').click();
    await page.getByTestId('order-knowledge-article').waitFor();
    expect(await page.getByTestId('order-guidance').inputValue()).toContain('断电重启');
    await page.getByTestId('order-submit').click();
    const number = page.getByTestId('order-created-number');
    await number.waitFor();
    await number.click();
    await page.getByTestId('wo-detail').waitFor();
    expect(await page.getByTestId('wo-status').first().getAttribute('data-status')).toBe('remote_resolved');
    const link = page.getByTestId('order-knowledge-article');
    await link.getByText(title).waitFor();
    await shot(page, 'knowledge-order-article');
    await link.getByText(title).click();
    await page.getByTestId('kb-article-panel').waitFor();
    const resolved = await admin<{ resolvedCount: number }>('GET', `/api/v1/knowledge/articles/${a.id}`);
    expect(resolved.resolvedCount).toBe(1);
    expect(j.errors).toEqual([]);
  });

  it('the customer troubleshoots in the portal and marks it fixed: a deflection', async () => {
    const { app, browser, context } = j;
    const admin = await apiAs(context.request, app.url, 'admin');
    const before = await admin<{ deflected: number }>('GET', '/api/v1/knowledge/figures');
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await phoneContext.newPage();
    await page.goto(`${app.url}/portal/help`);
    await page.getByTestId('portal-help-search').locator('input').fill(`外机咔哒停机 K${suffix}`);
    await page.getByTestId('portal-help-search').locator('input').press('Enter');
    const hit = page.getByTestId('portal-help-hit').filter({ hasText: title });
    await hit.waitFor();
    await shot(page, 'knowledge-portal-search');
    await hit.click();
    await page.getByTestId('portal-help-article').waitFor();
    await page.getByTestId('portal-help-next').click();
    await page.getByTestId('portal-help-fixed').click();
    await page.getByTestId('portal-help-done').waitFor();
    await shot(page, 'knowledge-portal-fixed');
    const after = await admin<{ deflected: number }>('GET', '/api/v1/knowledge/figures');
    expect(after.deflected).toBe(before.deflected + 1);
    await phoneContext.close();
  });

  it('a reviewer uploads a manual to an article in the browser and opens it', async () => {
    const { page, context, app } = j;
    const admin = await apiAs(context.request, app.url, 'admin');
    const a = await admin<Article>('POST', '/api/v1/knowledge/articles', {
      slug: `e2e-manual-${suffix}`,
      kind: 'manual',
      title: `洗衣机安装说明书 M${suffix}`,
      summary: '安装与保养',
      visibility: 'public',
    });
    await signIn(page, app.url, 'quality');
    await page.goto(`${app.url}/knowledge/articles/${a.id}`);
    await page.getByTestId('kb-edit').click();
    // A tiny PDF: the server checks its leading bytes against the declared type.
    await page.locator('input[type=file]').setInputFiles({
      name: '洗衣机说明书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      ),
    });
    const name = page.getByTestId('kb-attachment-name-0');
    await name.waitFor();
    expect(await name.inputValue()).toBe('洗衣机说明书');
    await shot(page, 'knowledge-editor-upload');
    await page.getByTestId('kb-save-draft').click();
    const file = page.getByTestId('kb-attachment-file').filter({ hasText: '洗衣机说明书' });
    await file.waitFor();
    await shot(page, 'knowledge-article-manual');
    const href = (await file.getAttribute('href'))!;
    const [tab] = await Promise.all([context.waitForEvent('page'), file.click()]);
    await tab.close();
    // What the new tab loaded, fetched again with the reviewer's session: the PDF as uploaded.
    const res = await page.request.get(`${app.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The same pages in English.
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-en-US').click();
    await page.getByTestId('kb-attachments').getByText('Download').waitFor();
    await shot(page, 'knowledge-article-manual-en');
    await page.getByTestId('kb-edit').click();
    await page.getByTestId('kb-upload').getByText('Upload file').waitFor();
    await shot(page, 'knowledge-editor-upload-en');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-zh-CN').click();
    expect(j.errors).toEqual([]);
  });
});
