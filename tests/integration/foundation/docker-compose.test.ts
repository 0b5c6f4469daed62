import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

/**
 * docker-compose.yml is validated by docker-compose itself (`docker-compose config`), then its
 * normalised form is checked for what operations rely on: PostgreSQL, Redis, two app nodes behind
 * haproxy (issue 17), the named volume, healthchecks, and apps that wait for a healthy PostgreSQL and
 * Redis. No Docker daemon is needed.
 */
const ROOT = path.resolve(__dirname, '../../..');
const APPS = ['app1', 'app2'];

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | null> | string[];
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
}
interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function run(command: string, args: string[], input?: string): SpawnSyncReturns<string> {
  const env = { ...process.env };
  delete env.COMPOSE_FILE; // the file under test is the repository's own, whatever the shell says
  return spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', input, env, timeout: 60_000 });
}

const probe = run('docker-compose', ['version']);
const available = !probe.error && probe.status === 0;

/** JSON form of the normalised configuration: v2 prints it; v1 (Debian's, Python) prints YAML and ships PyYAML. */
function normalise(yamlText: string): ComposeConfig {
  const json = run('docker-compose', ['config', '--format', 'json']);
  if (json.status === 0 && json.stdout.trim().startsWith('{')) return JSON.parse(json.stdout) as ComposeConfig;
  const converted = run('python3', ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], yamlText);
  if (converted.error || converted.status !== 0) {
    throw new Error(`could not read the output of docker-compose config as YAML: ${converted.stderr || converted.error?.message}`);
  }
  return JSON.parse(converted.stdout) as ComposeConfig;
}

function healthTest(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

function environment(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v ?? '')]));
}

if (!available && process.env.CI) {
  // CI installs docker-compose: there, its absence is a broken runner, not a reason to skip.
  it('finds docker-compose on the PATH in CI', () => {
    throw new Error(`docker-compose is not installed on this CI runner (${probe.error?.message ?? probe.stderr})`);
  });
} else if (!available) {
  console.warn('SKIPPED docker-compose.test.ts: `docker-compose` is not on the PATH (apt-get install docker-compose to run it).');
}

(available ? describe : describe.skip)('docker-compose.yml', () => {
  let output: SpawnSyncReturns<string>;
  let config: ComposeConfig;

  beforeAll(() => {
    output = run('docker-compose', ['config']);
    if (output.status === 0) config = normalise(output.stdout);
  });

  it('is accepted by docker-compose config', () => {
    expect(output.error).toBeUndefined();
    expect({ status: output.status, stderr: output.stderr }).toEqual({ status: 0, stderr: expect.not.stringMatching(/ERROR/) });
    expect(output.stdout).toContain('services:');
  });

  it('defines postgres, redis, two app nodes and haproxy in front of them', () => {
    expect(Object.keys(config.services)).toEqual(expect.arrayContaining(['postgres', 'redis', ...APPS, 'haproxy']));
    expect(config.services.postgres.image).toBe('postgres:16');
    expect(config.services.redis.image).toBe('redis:7');
    for (const app of APPS) expect(config.services[app].build).toBeDefined();
    expect(config.services.haproxy.image).toMatch(/^haproxy:/);
    const mounts = (config.services.haproxy.volumes ?? []).map((v) => (typeof v === 'string' ? v : `${v.source}:${v.target}`));
    expect(mounts.some((m) => m.includes('deploy/haproxy.cfg') && m.includes('/usr/local/etc/haproxy/haproxy.cfg'))).toBe(true);
  });

  it('keeps PostgreSQL data in the named volume pgdata', () => {
    expect(Object.keys(config.volumes ?? {})).toContain('pgdata');
    const mounts = (config.services.postgres.volumes ?? []).map((v) =>
      typeof v === 'string' ? v.split(':').slice(0, 2).join(':') : `${v.source}:${v.target}`,
    );
    expect(mounts).toContain('pgdata:/var/lib/postgresql/data');
  });

  it('gives every service a healthcheck that probes the service itself', () => {
    for (const name of ['postgres', 'redis', ...APPS]) {
      expect(config.services[name].healthcheck?.disable).not.toBe(true);
    }
    expect(healthTest(config.services.postgres)).toContain('pg_isready');
    expect(healthTest(config.services.redis)).toMatch(/redis-cli.*ping/);
    for (const app of APPS) expect(healthTest(config.services[app])).toMatch(/\/(readyz|healthz)/);
  });

  it('starts each app node only once PostgreSQL and Redis are healthy', () => {
    for (const app of APPS) {
      const dependsOn = config.services[app].depends_on;
      expect(Array.isArray(dependsOn)).toBe(false);
      const conditions = dependsOn as Record<string, { condition?: string }>;
      expect(conditions.postgres?.condition).toBe('service_healthy');
      expect(conditions.redis?.condition).toBe('service_healthy');
    }
  });

  it('runs every app node in production against the postgres and redis services, each with its own name', () => {
    const names = new Set<string>();
    for (const app of APPS) {
      const env = environment(config.services[app]);
      expect(env.NODE_ENV).toBe('production');
      expect(env.DEMO).toBe('1');
      const url = new URL(env.DATABASE_URL);
      expect(url.hostname).toBe('postgres');
      expect(url.pathname).toBe('/concordia');
      expect(new URL(env.REDIS_URL).hostname).toBe('redis');
      names.add(env.NODE_NAME);
    }
    expect(names.size).toBe(APPS.length);
  });
});
