import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { PhotoStamp } from '@anxin/contracts';

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** Shanghai wall-clock time of an instant, `YYYY-MM-DD HH:mm:ss +08:00`. */
export function localStamp(at: string): string {
  const d = new Date(Date.parse(at) + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)} +08:00`;
}

/**
 * The lines burned into a photo. Only ASCII is burned: a server without CJK fonts would draw the
 * address as boxes, so the address stays in the recorded stamp (shown beside the photo) and the
 * image carries the order number, the time and the coordinates.
 */
export function stampLines(s: PhotoStamp): string[] {
  const place =
    s.lat !== null && s.lng !== null
      ? `GPS ${s.lat.toFixed(5)}, ${s.lng.toFixed(5)}`
      : 'GPS n/a (see address)';
  return [`${s.number}  ${localStamp(s.at)}`, place];
}

const MAX_EDGE = 1920;

/**
 * Normalises a photo (EXIF orientation applied, longest edge at most 1920 px, JPEG) and burns the
 * stamp into a dark band at the bottom. Throws when the bytes are not a decodable image.
 */
export async function stampPhoto(input: Buffer, stamp: PhotoStamp): Promise<Buffer> {
  const base = sharp(input, { failOn: 'error' })
    .rotate()
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await base.jpeg({ quality: 88 }).toBuffer({ resolveWithObject: true });
  const width = info.width;
  const size = Math.max(14, Math.round(width / 34));
  const lines = stampLines(stamp);
  const band = Math.min(info.height, Math.round(size * (lines.length * 1.35 + 0.8)));
  const text = lines
    .map(
      (l, i) =>
        `<text x="${Math.round(size * 0.6)}" y="${Math.round(size * (1.3 + i * 1.35))}" font-family="DejaVu Sans, sans-serif" font-size="${size}" fill="#fff">${esc(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${band}"><rect width="100%" height="100%" fill="rgba(0,0,0,0.55)"/>${text}</svg>`;
  return sharp(data)
    .composite([{ input: Buffer.from(svg), gravity: 'south' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}
