import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. Keys are relative slash paths chosen by the server (never by the
 * uploader). Local disk today; an S3-compatible implementation only has to honour these three.
 */
export interface FileStorage {
  put(key: string, body: Readable | Buffer): Promise<void>;
  /** Throws FileNotFoundError when the key does not exist. */
  get(key: string): Promise<Readable>;
  /** Deleting a missing key is not an error (cleanup after a failed upload may repeat). */
  delete(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(key: string) {
    super(`file not found: ${key}`);
    this.name = 'FileNotFoundError';
  }
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Rejects absolute paths, `..` and odd characters so a key can never escape the storage root. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((p) => p === '..' || p === '.')) {
    throw new RangeError(`unsafe storage key: ${JSON.stringify(key)}`);
  }
}
