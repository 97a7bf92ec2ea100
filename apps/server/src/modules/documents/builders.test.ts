import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPdf, renderPage } from '../../../test/pdf.ts';
import {
  sampleQuote,
  sampleReport,
  sampleStatement,
  signaturePng,
} from '../../../test/factories/documents.ts';
import { documentFont, resetFontCache, VENDORED_FONT } from './fonts.ts';
import { money, Sheet } from './layout.ts';
import { documentLocale, WORDS } from './locale.ts';
import { buildQuote, buildReceipt } from './quote.ts';
import { rmbUpper, type Print } from './render.ts';
import { buildServiceReport } from './service-report.ts';
import { buildStatement } from './statement.ts';

const font = readFileSync(VENDORED_FONT);
const AT = new Date('2026-11-03T02:00:00.000Z');
const print = (locale: 'zh-CN' | 'en-US' = 'zh-CN'): Print => ({
  locale,
  words: WORDS[locale],
  company: locale === 'zh-CN' ? '安心售后服务中心' : 'Anxin After-sales Service Centre',
  font,
  at: AT,
  stamp: WORDS[locale].printedBy('张经理（zhang）', '2026-11-03 10:00', 'doc-1'),
});
/** The title line of every document (header: company at the top margin, title under it). */
const TITLE = { x: 42, y: 58, w: 160, h: 28 };

/** A page whose only text is `title` in the header's title position. */
async function titleOnly(title: string) {
  const s = new Sheet(font, { title: 't', author: 'a', at: AT });
  s.header({ company: '', title, meta: [] });
  return s.finish(() => '', '');
}

describe('the vendored font', () => {
  it('is small, a single OpenType font, and draws Chinese as glyphs (a missing character leaves no ink)', async () => {
    expect(font.length).toBeLessThan(5_000_000);
    expect(font.subarray(0, 4).toString('latin1')).toBe('OTTO');
    const drawn = (await renderPage(await titleOnly('维修单'))).ink(TITLE.x, TITLE.y, TITLE.w, TITLE.h);
    // U+20000… (CJK extension B) is outside the subset: what a missing glyph looks like here.
    const missing = (await renderPage(await titleOnly('\u{20000}\u{20001}\u{20002}'))).ink(
      TITLE.x,
      TITLE.y,
      TITLE.w,
      TITLE.h,
    );
    expect(drawn).toBeGreaterThan(0.05);
    expect(missing).toBeLessThan(drawn / 5);
  });

  describe('the documents.policy font path', () => {
    afterEach(() => resetFontCache());
    it('uses a readable font file and falls back, with an error logged, on an unreadable one', async () => {
      const logger = { error: vi.fn() };
      expect((await documentFont(VENDORED_FONT, logger)).equals(font)).toBe(true);
      expect(logger.error).not.toHaveBeenCalled();
      const fallback = await documentFont('/nonexistent/SimSun.ttf', logger);
      expect(fallback.equals(font)).toBe(true);
      expect(logger.error).toHaveBeenCalledWith(
        expect.objectContaining({ fontPath: '/nonexistent/SimSun.ttf', fallback: VENDORED_FONT }),
        expect.stringContaining('fontPath'),
      );
      // Not a font at all (this test file): refused the same way.
      await documentFont(new URL(import.meta.url).pathname, logger);
      expect(logger.error).toHaveBeenCalledTimes(2);
    });
  });
});

describe('service report (维修单)', () => {
  it('prints the order, visit, parts, charges and signature as text in Chinese, title drawn', async () => {
    const pdf = await buildServiceReport(print(), sampleReport({ signature: await signaturePng() }));
    const { pages, text, info } = await readPdf(pdf);
    expect(pages).toBe(1);
    expect(info.Title).toBe('维修单 WO-20261103-0007');
    for (const s of [
      '安心售后服务中心',
      '维修单',
      '王小明',
      '138****5678',
      '滚筒洗衣机 XQG100-B14',
      '排水泵叶轮破损',
      '更换排水泵',
      '已修复',
      'DP-77812',
      '客户付费',
      '¥340.00',
      '客户签字',
      '本人确认以上服务已完成',
      '第 1 页 / 共 1 页',
    ])
      expect(text[0]).toContain(s);
    expect(text[0]).not.toContain('13812345678');
    const page = await renderPage(pdf);
    expect(page.ink(TITLE.x, TITLE.y, TITLE.w, TITLE.h)).toBeGreaterThan(0.05);
  });

  it('is written in English for en-US (stored Chinese data printed as it is)', async () => {
    const pdf = await buildServiceReport(print('en-US'), sampleReport({ quote: null, completedAt: null }));
    const [text] = (await readPdf(pdf)).text;
    // Not completed: nothing for the customer to confirm yet.
    expect(text).not.toContain('I confirm');
    for (const s of ['Service report', 'Anxin After-sales Service Centre', 'Fixed', 'Drain pump', '王小明'])
      expect(text).toContain(s);
    expect(text).toContain('Nothing charged on this order');
    expect(text).toContain('(not signed)');
    expect(text).toContain('Page 1 of 1');
  });
});

describe('quotes, receipts and statements', () => {
  it('prints a quote with its lines and totals', async () => {
    const [text] = (await readPdf(await buildQuote(print(), sampleQuote()))).text;
    for (const s of [
      '报价单',
      'BJ-20261103-0001',
      '维修工时（洗衣机）',
      '¥356.00',
      '-¥16.00',
      '¥340.00',
      '已确认',
    ])
      expect(text).toContain(s);
  });

  it('prints a receipt with the amount in capitals', async () => {
    const q = sampleQuote();
    const [text] = (await readPdf(await buildReceipt(print(), q, q.payments[0]!))).text;
    for (const s of ['收款收据', 'SK-20261103-0001', '现金', '¥200.00', '人民币贰佰元整'])
      expect(text).toContain(s);
  });

  it('runs a long statement over pages, the table header and page numbers on each', async () => {
    const { pages, text } = await readPdf(await buildStatement(print(), sampleStatement(60)));
    expect(pages).toBeGreaterThan(1);
    for (let i = 0; i < pages; i++) {
      expect(text[i]).toContain('说明');
      expect(text[i]).toContain(`第 ${i + 1} 页 / 共 ${pages} 页`);
    }
    expect(text.at(-1)).toContain('合计');
    expect(text.at(-1)).toContain(money(60 * 4_500 - 10_000 + 500));
  });
});

describe('words', () => {
  it('formats money and Chinese capitals', () => {
    expect(money(123_456_789)).toBe('¥1,234,567.89');
    expect(money(-1_600)).toBe('-¥16.00');
    expect(rmbUpper(20_000)).toBe('贰佰元整');
    expect(rmbUpper(100_105)).toBe('壹仟零壹元零伍分');
    expect(rmbUpper(1_000_050)).toBe('壹万元伍角整');
    expect(rmbUpper(12)).toBe('壹角贰分');
    expect(rmbUpper(0)).toBe('零元整');
  });

  it('picks the language: ?locale=, else the user’s, else Accept-Language, else zh-CN', () => {
    const user = { kind: 'user', locale: 'en-US' };
    expect(documentLocale('zh-CN', user, 'en')).toBe('zh-CN');
    expect(documentLocale(undefined, user, 'zh-CN')).toBe('en-US');
    expect(documentLocale(undefined, { kind: 'token', locale: 'zh-CN' }, 'en-GB,en;q=0.9')).toBe('en-US');
    expect(documentLocale(undefined, null, 'fr-FR, zh-TW;q=0.5')).toBe('zh-CN');
    expect(documentLocale(undefined, null, undefined)).toBe('zh-CN');
    expect(documentLocale('de-DE', null, 'en')).toBe('en-US');
  });
});
