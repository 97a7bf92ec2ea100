import type { FastifyRequest } from 'fastify';
import { DomainError, fieldError } from './errors.ts';

export interface UploadedFile {
  body: Buffer;
  /** The form's plain text fields (the first value of each, at most 64 characters). */
  fields: Record<string, string>;
}

/**
 * Reads one uploaded file from the multipart field `file` (imports of workbooks and CSV), with the
 * form's text fields. Missing file: 400 on `file`; too large: 413 naming the limit. Any further file
 * part is drained, not kept.
 */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart())
    throw fieldError('file', 'required', 'Send the file as multipart/form-data in field `file`');
  let body: Buffer | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') {
        if (typeof part.value === 'string' && part.value && !(part.fieldname in fields))
          fields[part.fieldname] = part.value.slice(0, 64);
        continue;
      }
      if (part.fieldname !== 'file' || body) {
        part.file.resume();
        continue;
      }
      body = await part.toBuffer();
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('request.payload_too_large', `The file may be at most ${maxBytes} bytes`, {
        errors: [{ path: 'file', rule: 'max_size', params: { maxBytes }, message: 'too large' }],
        extra: { limitBytes: maxBytes },
      });
    throw err;
  }
  if (!body) throw fieldError('file', 'required', 'Send the file in the multipart field `file`');
  return { body, fields };
}
