import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import type pg from 'pg';
import { z } from 'zod';
import { createUser } from '../commands/users';
import { AppError } from '../http/errors';
import { translator } from '../i18n';
import { readNewPassword } from './read-password';
import { assertPasswordAllowed } from '../auth/password-policy';

export const USAGE =
  'Usage: npm run user:create -- --email EMAIL --name "DISPLAY NAME" [--admin] [--language en|es]\n' +
  'The password is asked for (without echo), or read from the first line of a piped stdin.\n';

const argsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  admin: z.boolean().default(false),
  language: z.enum(['en', 'es']).default('en'),
});

/** `npm run user:create`: creates an account (the first administrator). Returns the exit code; the database is opened only once the input is good. */
export async function runUserCreate(
  argv: string[],
  io: { stdin: Readable; stdout: Writable; stderr: Writable },
  database: () => Promise<pg.Pool>,
): Promise<number> {
  let options: z.infer<typeof argsSchema>;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' }, language: { type: 'string' } },
      strict: true,
    });
    options = argsSchema.parse(values);
  } catch (err) {
    const detail = err instanceof z.ZodError ? err.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
    io.stderr.write(`${detail}\n${USAGE}`);
    return 2;
  }
  let password: string;
  try {
    password = await readNewPassword(io.stdin as Readable & { isTTY?: boolean }, io.stdout);
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  try {
    // The rules before the database: a refused password opens nothing (createUser checks them again).
    assertPasswordAllowed(password, { email: options.email, displayName: options.name });
    const user = await createUser(
      { pool: await database() },
      { email: options.email, displayName: options.name, password, isAdmin: options.admin, uiLanguage: options.language },
    );
    io.stdout.write(`Created ${user.isAdmin ? 'administrator' : 'user'} ${user.email} (${user.id}).\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      io.stderr.write(`${translator('en')(err.code, err.params)}\n`);
      return 1;
    }
    throw err;
  }
}
