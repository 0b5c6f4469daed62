/**
 * A software WebAuthn authenticator for integration tests (no browser): one P-256 key, "none"
 * attestation, a signature counter that grows with each use. It answers what
 * navigator.credentials.create/get answer once @simplewebauthn/browser made them JSON.
 *
 *   const key = softAuthenticator()
 *   const response = key.register({ challenge, rpId: 'localhost', origin: 'http://localhost:3000' })
 *   const assertion = key.assert({ challenge, rpId, origin })
 */
import crypto from 'node:crypto';

const b64url = (bytes: Buffer) => bytes.toString('base64url');

/** Just enough CBOR (RFC 8949) for a COSE key and an attestation object: integers, byte and text strings, maps. */
function cbor(value: unknown): Buffer {
  const head = (major: number, n: number) => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 256) return Buffer.from([(major << 5) | 24, n]);
    if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value, 'utf8')]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
  throw new Error(`cbor: cannot encode ${typeof value}`);
}

export interface Ceremony {
  challenge: string;
  rpId: string;
  origin: string;
}

export function softAuthenticator() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = crypto.randomBytes(16);
  let counter = 0;
  const cose = cbor(
    new Map<number, unknown>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]),
  );
  const clientData = (type: string, c: Ceremony) => Buffer.from(JSON.stringify({ type, challenge: c.challenge, origin: c.origin, crossOrigin: false }));
  const rpIdHash = (rpId: string) => crypto.createHash('sha256').update(rpId).digest();
  const count = () => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE((counter += 1));
    return b;
  };

  return {
    credentialId: b64url(credentialId),
    get counter() {
      return counter;
    },
    register(c: Ceremony) {
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      // flags: user present, user verified, attested credential data
      const authData = Buffer.concat([rpIdHash(c.rpId), Buffer.from([0x45]), count(), Buffer.alloc(16), idLength, credentialId, cose]);
      const attestationObject = cbor(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]),
      );
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        response: { clientDataJSON: b64url(clientData('webauthn.create', c)), attestationObject: b64url(attestationObject), transports: ['internal'] },
        clientExtensionResults: {},
      };
    },
    assert(c: Ceremony) {
      const authData = Buffer.concat([rpIdHash(c.rpId), Buffer.from([0x05]), count()]);
      const data = clientData('webauthn.get', c);
      const signature = crypto.sign('sha256', Buffer.concat([authData, crypto.createHash('sha256').update(data).digest()]), privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        response: { clientDataJSON: b64url(data), authenticatorData: b64url(authData), signature: b64url(signature) },
        clientExtensionResults: {},
      };
    },
  };
}
