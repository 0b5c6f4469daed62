import fs from 'node:fs';
import { verifyFile } from '../exports/verify-file';

/**
 * `npm run verify -- FILE`: checks an exported file with no database and no network — its record
 * hashes to the fingerprint it states, the record is consistent, and the file is byte for byte what
 * Concordia renders from it. Exit code 0 when genuine, 1 when not, 2 when the file cannot be read.
 * Whether the fingerprint names a version somebody actually took: GET /api/verify/<fingerprint>.
 */
async function run(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('Usage: npm run verify -- FILE (a PDF, DOCX, JSON or Akoma Ntoso export)\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    process.stderr.write(`Cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const result = await verifyFile(bytes);
  if (result.genuine && result.record) {
    const { record } = result;
    const title = Object.values(record.title)[0] ?? record.documentId;
    process.stdout.write(
      `GENUINE ${result.format} export of “${title}” (document ${record.documentId}), ${record.kind} version ${record.versionId}` +
        `${record.name ? ` “${record.name}”` : ''} of ${record.takenAt}\nfingerprint ${result.fingerprint}\n` +
        `Check that this fingerprint is the one published for the signed text (GET /api/verify/${result.fingerprint}).\n`,
    );
    const original = result.original;
    if (original) process.stdout.write(`original for ${Object.values(original.name)[0] ?? original.code} (${original.number} of ${original.of})\n`);
    return 0;
  }
  process.stdout.write(`NOT GENUINE (${result.failure})${result.fingerprint ? `: the file states the fingerprint ${result.fingerprint}` : ''}\n`);
  for (const problem of result.problems) process.stdout.write(`  ${problem}\n`);
  return 1;
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(2);
  },
);
