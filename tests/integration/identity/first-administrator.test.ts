import { PassThrough, Readable } from 'node:stream';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runUserCreate } from '../../../server/src/cli/user-create-command';
import { startWorld, type World } from './support/world';
import { requestAs } from '../../utils/people';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

async function run(args: string[], stdin: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  const code = await runUserCreate(args, { stdin: Readable.from([stdin]), stdout, stderr }, async () => world.pool);
  return { code, out, err };
}

describe('npm run user:create', () => {
  it('creates the first administrator with the password read from a piped stdin, who can then sign in', async () => {
    const result = await run(['--email', 'Chief@Concordia.test', '--name', 'Ana Chief', '--admin'], 'a very long admin password\n');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/Created administrator chief@concordia\.test/);
    const signedIn = await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', {
      email: 'chief@concordia.test',
      password: 'a very long admin password',
    });
    expect(signedIn.body.user).toMatchObject({ displayName: 'Ana Chief', isAdmin: true });
    const audit = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'user.created' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0].subject).toMatchObject({ isAdmin: true, via: 'command line' });
  });

  it('refuses a taken email, a short password and missing arguments', async () => {
    expect(await run(['--email', 'chief@concordia.test', '--name', 'Again'], 'another long password\n')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/already exists/),
    });
    expect(await run(['--email', 'short@concordia.test', '--name', 'Short'], 'short\n')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/at least 12 characters/),
    });
    expect(await run(['--name', 'Nobody'], 'a very long password\n')).toMatchObject({ code: 2, err: expect.stringMatching(/--email.*Usage/s) });
  });

  it('is wired as an npm script', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    expect(pkg.scripts['user:create']).toBe('tsx server/src/cli/user-create.ts');
    const help = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../../server/src/cli/user-create.ts'), '--bogus'], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect({ status: help.status, usage: /Usage: npm run user:create/.test(help.stderr) }).toEqual({ status: 2, usage: true });
  });
});
