/**
 * Reading PDFs in tests with npm-only tooling: pdfjs-dist extracts a page's text (which proves the
 * font is embedded with a ToUnicode map) and renders it onto an @napi-rs/canvas surface, so a test
 * can count the ink that glyphs leave in a region (drawn glyphs, not blank boxes).
 */
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const open = (pdf: Buffer) => getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;

export interface PdfInfo {
  pages: number;
  /** Text of each page, items joined with no separator (CJK has no spaces to keep). */
  text: string[];
  info: Record<string, unknown>;
}

export async function readPdf(pdf: Buffer): Promise<PdfInfo> {
  const doc = await open(pdf);
  const text: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    text.push(c.items.map((x) => ('str' in x ? x.str : '')).join(''));
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages: text.length, text, info: meta.info as Record<string, unknown> };
}

export interface Rendered {
  width: number;
  height: number;
  /** Fraction (0–1) of dark pixels in a rectangle given in PDF points from the top-left. */
  ink(x: number, y: number, w: number, h: number): number;
  png(): Buffer;
}

/** Renders one page at `scale` pixels per point on a white background. */
export async function renderPage(pdf: Buffer, page = 1, scale = 1): Promise<Rendered> {
  const doc = await open(pdf);
  const p = await doc.getPage(page);
  const vp = p.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await p.render({ canvas: canvas as never, canvasContext: ctx as never, viewport: vp }).promise;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  await doc.destroy();
  return {
    width: canvas.width,
    height: canvas.height,
    ink(x, y, w, h) {
      let dark = 0;
      let all = 0;
      for (let py = Math.floor(y * scale); py < Math.min(canvas.height, (y + h) * scale); py++)
        for (let px = Math.floor(x * scale); px < Math.min(canvas.width, (x + w) * scale); px++) {
          const i = (py * canvas.width + px) * 4;
          all++;
          if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 128) dark++;
        }
      return all ? dark / all : 0;
    },
    png: () => canvas.toBuffer('image/png'),
  };
}
