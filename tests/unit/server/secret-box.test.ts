/** Secrets kept at rest (TOTP seeds, OpenID client secrets): AES-256-GCM under IDENTITY_SECRET_KEY, bound to their purpose. */
import { SecretBox } from '../../../server/src/auth/secret-box';

const KEY = '0f'.repeat(32);

it('seals a value that opens under the same key and purpose, and never shows it', () => {
  const box = SecretBox.fromKey(KEY);
  const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:alice');
  expect(sealed).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
  expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
  expect(box.open(sealed, 'totp:alice')).toBe('JBSWY3DPEHPK3PXP');
  expect(box.seal('JBSWY3DPEHPK3PXP', 'totp:alice')).not.toBe(sealed);
});

it('refuses to open a value under another purpose, another key, or tampered with', () => {
  const sealed = SecretBox.fromKey(KEY).seal('secret', 'totp:alice');
  expect(() => SecretBox.fromKey(KEY).open(sealed, 'totp:bob')).toThrow();
  expect(() => SecretBox.fromKey(Buffer.alloc(32, 7).toString('base64')).open(sealed, 'totp:alice')).toThrow();
  const [v, iv, tag, body] = sealed.split(':');
  const flipped = Buffer.from(body, 'base64url');
  flipped[0] ^= 1;
  expect(() => SecretBox.fromKey(KEY).open([v, iv, tag, flipped.toString('base64url')].join(':'), 'totp:alice')).toThrow();
  expect(() => SecretBox.fromKey(undefined).open(sealed, 'totp:alice')).toThrow(/not configured/);
});

it('keeps values plain without a key, and a key configured later still opens them', () => {
  const plain = SecretBox.fromKey(undefined).seal('secret', 'p');
  expect(plain).toBe('plain:secret');
  expect(SecretBox.fromKey(KEY).open(plain, 'p')).toBe('secret');
});

it('refuses a key that is not 32 bytes', () => {
  expect(() => SecretBox.fromKey('too short')).toThrow(/32 bytes/);
});
