import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Brand tokens are stored sealed with AES-256-GCM under a key kept in the data directory (not in
 * the database), so a copy of the database alone does not hand out access to the other brands.
 * The key file is made on first use, readable by the server's user only.
 */
export class TokenSealer {
  private key: Buffer | undefined;
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'secrets', 'brandinbox.key');
  }

  private keyOf(): Buffer {
    if (this.key) return this.key;
    if (!fs.existsSync(this.file)) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      // wx: a second node racing us keeps the first key.
      try {
        fs.writeFileSync(this.file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    this.key = Buffer.from(fs.readFileSync(this.file, 'utf8').trim(), 'base64');
    return this.key;
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.keyOf(), iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join(
      '.',
    );
  }

  open(sealed: string): string {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || !body) throw new Error('brand token: unknown seal format');
    const d = createDecipheriv('aes-256-gcm', this.keyOf(), Buffer.from(iv, 'base64'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
  }
}

export const tokenHint = (token: string): string => `••••${token.slice(-4)}`;
