/**
 * Verification for whoever holds a file, signed in or not: by fingerprint (what the footer of every
 * page says), or by uploading the file itself, which is checked byte for byte.
 */
import { z } from 'zod';
import type { Request } from 'express';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { AppError } from '../../http/errors';
import { findVersionByFingerprint } from '../../versions/version-store';
import { verifyOffThread } from '../../exports/verify-thread';
import { AddressLimit } from '../../http/rate-limit';
import { fingerprintParamsSchema, verificationSchema, type Verification } from '../../../../shared/src/api/versions';
import { attestationsOf, signedVersionOf } from '../../signatures/signed-version';
import { printedAttestations } from '../../exports/alternat';
import { serialize } from '../../../../shared/src/canonical';
import type { Attestations } from '../../../../shared/src/versions/signature-conventions';

/** The largest file accepted for checking. */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

type Registered = NonNullable<Verification['registered']>;

async function registered(ctx: AppContext, fingerprint: string): Promise<Registered | null> {
  const row = await findVersionByFingerprint(ctx.pool, fingerprint);
  return row
    ? {
        documentId: row.document_id,
        title: row.title,
        versionId: row.id,
        seq: row.seq,
        kind: row.kind,
        name: row.name,
        takenAt: row.created_at.toISOString(),
        documentStatus: row.document_status,
      }
    : null;
}

/**
 * Whether a genuine file of a document's signed version prints the initials and confirmations
 * recorded for it now (what an export made now would print); null for any other version. A file
 * with fewer may simply have been downloaded before a later initialling; one with others was not
 * made here.
 */
async function attestationsMatch(ctx: AppContext, found: Registered, printed: Attestations | null): Promise<boolean | null> {
  const signed = await signedVersionOf(ctx.pool, found.documentId);
  if (!signed?.version || signed.version.id !== found.versionId) return null;
  const recorded = printedAttestations(signed.version.record, signed.version.fingerprint, await attestationsOf(ctx.pool, signed.version));
  return serialize(recorded ?? null) === serialize(printed ?? null);
}

function readBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        reject(new AppError('payload_too_large', { limit: `${limit} bytes` }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function verifyRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  // A check costs seconds of the verification thread and the route is public: few per address.
  let perAddress: AddressLimit | null = null;
  const limit = (req: Request) => (perAddress ??= new AddressLimit(ctx, 'verify', ctx.env.VERIFY_MAX_PER_ADDRESS, 'verify_rate_limited')).consume(req);
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/verify/:fingerprint',
      tag: 'verify',
      summary: 'Which document and version a fingerprint names',
      access: { kind: 'public' },
      params: fingerprintParamsSchema,
      response: z.object({ fingerprint: z.string(), known: z.boolean(), registered: verificationSchema.shape.registered }),
      handler: async ({ params }) => {
        const found = await registered(ctx, params.fingerprint);
        return { fingerprint: params.fingerprint, known: found !== null, registered: found };
      },
    })
    .add({
      method: 'post',
      path: '/verify',
      tag: 'verify',
      summary: 'Check an exported file (PDF, DOCX, JSON, Akoma Ntoso)',
      description:
        'The body is the file itself, `Content-Type: application/octet-stream`, at most 25 MiB. Genuine means: its record hashes to its fingerprint, that fingerprint names a version held here, and the file is byte for byte the export of that version (an original under the alternat is redrawn as that original: `original` says whose it is; `attestationsMatch` whether the initials and confirmations it prints are those recorded now for the signed version). At most VERIFY_MAX_PER_ADDRESS checks per address per RATE_LIMIT_WINDOW_SECONDS (429 verify_rate_limited); checked one at a time on a worker thread (503 server_busy when too many wait).',
      access: { kind: 'public' },
      csrf: 'origin',
      response: verificationSchema,
      errors: ['verify_rate_limited', 'server_busy'],
      handler: async ({ req }) => {
        if (req.body !== undefined && !Buffer.isBuffer(req.body) && req.is('application/json')) {
          // express.json already read it: the bytes as sent are gone, and bytes are what is checked.
          throw new AppError('validation_failed', { field: 'Content-Type', reason: 'send the file as application/octet-stream' });
        }
        await limit(req);
        const bytes = await readBody(req, MAX_UPLOAD_BYTES);
        let found: Registered | null = null;
        const { attestations, ...result } = await verifyOffThread(bytes, async (fingerprint) => (found = await registered(ctx, fingerprint)) !== null);
        const known = found as Registered | null;
        const matches = result.genuine && known ? await attestationsMatch(ctx, known, attestations) : null;
        return { ...result, registered: known, attestationsMatch: matches } satisfies Verification;
      },
    });
}
