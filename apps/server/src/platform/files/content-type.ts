/**
 * Allowed upload types, recognised by their leading bytes: the declared Content-Type is the
 * client's claim, the magic number is what the file is. Both must agree.
 */
export const ALLOWED_UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'video/mp4',
  'video/quicktime',
  'application/pdf',
] as const;
export type UploadType = (typeof ALLOWED_UPLOAD_TYPES)[number];

const ascii = (b: Buffer, from: number, to: number): string => b.subarray(from, to).toString('latin1');

/** The type the bytes say, or null. Needs the first 16 bytes (fewer: null). */
export function sniffType(head: Buffer): UploadType | null {
  if (head.length < 12) return null;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
    if (brand === 'qt  ') return 'video/quicktime';
    return 'video/mp4';
  }
  return null;
}

export const isAllowedType = (t: string): t is UploadType =>
  (ALLOWED_UPLOAD_TYPES as readonly string[]).includes(t);
