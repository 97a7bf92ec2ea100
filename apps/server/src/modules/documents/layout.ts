import PDFDocument from 'pdfkit';

/**
 * A4 business-document layout on pdfkit: a cursor that flows down the page, sections, label/value
 * grids, ruled tables whose header repeats on a new page, right-aligned totals, signature boxes,
 * and a footer with page numbers and the print stamp on every page. One CJK font, registered as
 * `cjk` (bold is the same glyphs stroked, so no second font file is needed).
 */
const MARGIN = 42;
const FOOTER = 26;
const INK = '#1f2329';
const MUTED = '#646a73';
const RULE = '#c9cdd4';
const FILL = '#f2f3f5';
const BODY = 9.5;

export interface Column {
  header: string;
  /** Share of the table width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}
export interface TotalRow {
  label: string;
  value: string;
  strong?: boolean;
}
export interface SignatureBox {
  label: string;
  /** A PNG/JPEG drawn inside the box (the customer's signature). */
  image?: Buffer | null;
  /** Printed inside an empty box (e.g. "not signed"). */
  empty?: string;
  /** Printed under the box, left (e.g. "Date: 2026-11-03"). */
  note?: string;
}

export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN;
  readonly width: number;
  y = MARGIN;

  constructor(font: Buffer, info: { title: string; author: string; at: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: info.title, Author: info.author, Creator: 'Anxin', CreationDate: info.at },
    });
    this.doc.registerFont('cjk', font);
    this.doc.font('cjk').fontSize(BODY).fillColor(INK);
    this.width = this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER;
  }

  /** Starts a new page when `height` more points would run into the footer. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.y = MARGIN;
    return true;
  }

  private write(
    text: string,
    x: number,
    y: number,
    o: { width: number; size?: number; color?: string; align?: Column['align']; bold?: boolean },
  ): void {
    const d = this.doc.fontSize(o.size ?? BODY).fillColor(o.color ?? INK);
    if (o.bold) d.lineWidth(0.35).strokeColor(o.color ?? INK);
    d.text(text, x, y, {
      width: o.width,
      align: o.align ?? 'left',
      lineGap: 1.5,
      ...(o.bold ? { fill: true, stroke: true } : {}),
    });
  }

  private heightOf(text: string, width: number, size = BODY): number {
    return this.doc.fontSize(size).heightOfString(text || ' ', { width, lineGap: 1.5 });
  }

  private hline(y: number, x1 = this.left, x2 = this.left + this.width, color = RULE, w = 0.6): void {
    this.doc.moveTo(x1, y).lineTo(x2, y).lineWidth(w).strokeColor(color).stroke();
  }

  /** Company name, the document's title, and its number and date on the right. */
  header(h: { company: string; title: string; meta: string[] }): void {
    this.write(h.company, this.left, this.y, { width: this.width, size: 11, color: MUTED });
    this.y += 18;
    this.write(h.title, this.left, this.y, { width: this.width, size: 20, bold: true });
    const metaW = 220;
    let my = this.y + 2;
    for (const line of h.meta) {
      this.write(line, this.left + this.width - metaW, my, {
        width: metaW,
        align: 'right',
        color: MUTED,
      });
      my += 13;
    }
    this.y = Math.max(this.y + 30, my + 4);
    this.hline(this.y, undefined, undefined, INK, 1.2);
    this.y += 10;
  }

  section(title: string): void {
    this.ensure(48);
    this.y += 6;
    this.doc.rect(this.left, this.y, 3, 13).fill(INK);
    this.write(title, this.left + 9, this.y + 0.5, { width: this.width - 9, size: 11, bold: true });
    this.y += 20;
  }

  paragraph(text: string, color = INK): void {
    const h = this.heightOf(text, this.width);
    this.ensure(h);
    this.write(text, this.left, this.y, { width: this.width, color });
    this.y += h + 6;
  }

  /** Label/value pairs in `columns` columns; a pair with `wide` takes a whole row. */
  fields(pairs: { label: string; value: string; wide?: boolean }[], columns = 2): void {
    const labelW = Math.min(
      110,
      Math.max(...pairs.map((p) => this.doc.fontSize(BODY).widthOfString(p.label))) + 10,
    );
    const colW = this.width / columns;
    let row: typeof pairs = [];
    const flush = () => {
      if (!row.length) return;
      const valueW = (p: (typeof pairs)[number]) => (p.wide ? this.width : colW) - labelW - 8;
      const h = Math.max(...row.map((p) => this.heightOf(p.value || '—', valueW(p)))) + 6;
      this.ensure(h);
      row.forEach((p, i) => {
        const x = this.left + i * colW;
        this.write(p.label, x, this.y, { width: labelW, color: MUTED });
        this.write(p.value || '—', x + labelW, this.y, { width: valueW(p) });
      });
      this.y += h;
      row = [];
    };
    for (const p of pairs) {
      if (p.wide) {
        flush();
        row = [p];
        flush();
        continue;
      }
      row.push(p);
      if (row.length === columns) flush();
    }
    flush();
    this.y += 4;
  }

  /** A ruled table; rows that do not fit start a new page under a repeated header. */
  table(cols: Column[], rows: string[][]): void {
    const total = cols.reduce((s, c) => s + c.width, 0);
    const widths = cols.map((c) => (c.width / total) * this.width);
    const pad = 3.5;
    const heightOfRow = (cells: string[], size = BODY) =>
      Math.max(...cells.map((t, i) => this.heightOf(t, widths[i]! - 2 * pad, size))) + 2 * pad;
    const drawRow = (cells: string[], head: boolean) => {
      const h = heightOfRow(cells);
      if (head) this.doc.rect(this.left, this.y, this.width, h).fill(FILL);
      let x = this.left;
      cells.forEach((t, i) => {
        this.write(t, x + pad, this.y + pad, {
          width: widths[i]! - 2 * pad,
          align: cols[i]!.align ?? 'left',
          color: head ? MUTED : INK,
        });
        x += widths[i]!;
      });
      this.y += h;
      this.hline(this.y);
    };
    const headCells = cols.map((c) => c.header);
    this.ensure(heightOfRow(headCells) + heightOfRow(rows[0] ?? ['']));
    this.hline(this.y, undefined, undefined, INK, 0.8);
    drawRow(headCells, true);
    for (const r of rows) {
      if (this.ensure(heightOfRow(r))) {
        this.hline(this.y, undefined, undefined, INK, 0.8);
        drawRow(headCells, true);
      }
      drawRow(r, false);
    }
    this.y += 6;
  }

  /** Label and amount pairs right-aligned under a table; the strong one is ruled above. */
  totals(rows: TotalRow[]): void {
    const w = 230;
    const x = this.left + this.width - w;
    this.ensure(rows.length * 16 + 6);
    for (const r of rows) {
      if (r.strong) {
        this.hline(this.y, x, x + w, INK, 0.8);
        this.y += 3;
      }
      const size = r.strong ? 11 : BODY;
      this.write(r.label, x, this.y, { width: w - 110, align: 'right', color: r.strong ? INK : MUTED, size });
      this.write(r.value, x + w - 105, this.y, { width: 105, align: 'right', size, bold: !!r.strong });
      this.y += r.strong ? 18 : 14;
    }
    this.y += 4;
  }

  /** Boxes side by side for signatures or stamps; an image is fitted inside its box. */
  signatures(boxes: SignatureBox[], lead?: string): void {
    const gap = 16;
    const w = (this.width - gap * (boxes.length - 1)) / boxes.length;
    const h = 72;
    // The sentence the signer confirms stays on the page of the boxes.
    this.ensure(h + 40 + (lead ? this.heightOf(lead, this.width) + 6 : 0));
    if (lead) this.paragraph(lead);
    this.y += 6;
    boxes.forEach((b, i) => {
      const x = this.left + i * (w + gap);
      this.write(b.label, x, this.y, { width: w, color: MUTED });
      const top = this.y + 15;
      this.doc.rect(x, top, w, h).lineWidth(0.8).strokeColor(RULE).stroke();
      if (b.image) {
        try {
          this.doc.image(b.image, x + 6, top + 6, {
            fit: [w - 12, h - 12],
            align: 'center',
            valign: 'center',
          });
        } catch {
          // An unreadable image prints as an empty box rather than failing the document.
          this.write(b.empty ?? '', x, top + h / 2 - 6, { width: w, align: 'center', color: MUTED });
        }
      } else if (b.empty)
        this.write(b.empty, x, top + h / 2 - 6, { width: w, align: 'center', color: MUTED });
      if (b.note) this.write(b.note, x, top + h + 5, { width: w, color: MUTED });
    });
    this.y += 15 + h + 22;
  }

  /** Page numbers and the print stamp on every page, then the finished file. */
  finish(pageLabel: (i: number, n: number) => string, stamp: string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      // Writing below the bottom margin would otherwise open a new page.
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - MARGIN - FOOTER + 8;
      this.hline(y);
      this.write(stamp, this.left, y + 5, { width: this.width - 110, size: 7.5, color: MUTED });
      this.write(pageLabel(i - start + 1, count), this.left + this.width - 110, y + 5, {
        width: 110,
        size: 8,
        align: 'right',
        color: MUTED,
      });
      this.doc.page.margins.bottom = bottomMargin;
    }
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

/** Integer fen as ¥1,234.50 (negative amounts with a minus sign). */
export function money(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
