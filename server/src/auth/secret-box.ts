/**
 * Secrets the server must read back (TOTP seeds, OpenID Connect client secrets), sealed at rest with
 * AES-256-GCM under IDENTITY_SECRET_KEY (32 bytes, as 64 hex characters or base64).
 *
 * A sealed value reads `v1:<iv>:<tag>:<ciphertext>` (base64url); the `purpose` given to seal() and
 * open() is bound as additional data, so a value sealed for one use (say, one user's TOTP seed) does not
 * open for another. Without a key a value is kept as `plain:<value>`: Concordia runs without any setup,
 * and a key configured later still opens the old values (and seals the next ones).
 */
import crypto from 'node:crypto';

const SEALED = 'v1';
const PLAIN = 'plain';

export class SecretBox {
  private constructor(private readonly key: Buffer | null) {}

  /** From IDENTITY_SECRET_KEY (undefined: values are kept as plain text). Throws on a key that is not 32 bytes. */
  static fromKey(configured: string | undefined): SecretBox {
    if (!configured) return new SecretBox(null);
    const key = parseKey(configured);
    if (!key) throw new Error('IDENTITY_SECRET_KEY must be 32 bytes: 64 hex characters or 44 base64 characters');
    return new SecretBox(key);
  }

  get encrypts(): boolean {
    return this.key !== null;
  }

  seal(value: string, purpose: string): string {
    if (!this.key) return `${PLAIN}:${value}`;
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return [SEALED, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  /** The value, or throws when it was sealed under another key or purpose, or sealed but no key is configured. */
  open(stored: string, purpose: string): string {
    if (stored.startsWith(`${PLAIN}:`)) return stored.slice(PLAIN.length + 1);
    const [version, iv, tag, body] = stored.split(':');
    if (version !== SEALED || !iv || !tag || body === undefined) throw new Error('secret-box: not a sealed value');
    if (!this.key) throw new Error('secret-box: value is sealed but IDENTITY_SECRET_KEY is not configured');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const decoded = Buffer.from(trimmed, 'base64');
  return decoded.length === 32 ? decoded : null;
}

const boxes = new Map<string, SecretBox>();

/** One box per configured key (parsing once); `env` is ctx.env. */
export function secretBox(env: { IDENTITY_SECRET_KEY?: string }): SecretBox {
  const configured = env.IDENTITY_SECRET_KEY ?? '';
  let box = boxes.get(configured);
  if (!box) {
    box = SecretBox.fromKey(configured || undefined);
    boxes.set(configured, box);
  }
  return box;
}
