/**
 * A Content-Disposition value: `inline` to open in the browser (PDF, video), `attachment` to save.
 * The name goes as an ASCII fallback (`ascii`, else the name with other characters as `_`) and in
 * RFC 5987 form for Chinese names, with the characters 5987 reserves escaped too.
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string, ascii?: string): string {
  const fallback = (ascii ?? filename).replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
