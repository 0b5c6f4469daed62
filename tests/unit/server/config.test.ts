import { ConfigError, envSchema, loadEnv } from '../../../server/src/config/env';

describe('configuration', () => {
  it('starts with defaults when nothing is set', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DEMO).toBe(true);
    expect(env.COLLAB_MAX_FRAME_BYTES).toBe(1024 * 1024);
  });

  it('treats an empty value as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  const malformed: Array<[string, string]> = [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DEMO', 'maybe'],
    ['DEMO_PASSWORD', 'abc'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['COLLAB_MAX_FRAME_BYTES', '12'],
    ['COLLAB_MAX_CONNECTIONS_PER_USER', '0'],
    ['ACTIVITY_EDIT_WINDOW_SECONDS', '0'],
    ['VERIFY_MAX_PER_ADDRESS', '0'],
    ['COLLAB_DEV_OPEN', 'yes'],
    ['COMPACT_AFTER_UPDATES', '-1'],
    ['TRUST_PROXY', 'sure'],
    ['IMPORT_MAX_BYTES', '12'],
    ['IMPORT_MAX_BYTES', 'ten megabytes'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_ABSOLUTE_HOURS', 'forever'],
    ['LOGIN_MAX_ATTEMPTS_PER_ACCOUNT', '0'],
    ['LOGIN_MAX_ATTEMPTS_PER_IP', '-5'],
    ['LOGIN_WINDOW_MINUTES', '1.5'],
    ['RATE_LIMIT_PER_USER', '0'],
    ['RATE_LIMIT_PER_ADDRESS', 'many'],
    ['RATE_LIMIT_WINDOW_SECONDS', '86400'],
    ['INVITATION_TTL_HOURS', '0'],
    ['COLLAB_TOKEN_SECONDS', '1'],
    ['PUBLIC_URL', 'concordia.example.org'],
    ['SMTP_URL', 'http://mail.example.org'],
    ['SMTP_FROM', 'x'],
    ['IDENTITY_SECRET_KEY', 'not thirty-two bytes'],
    ['REDIS_URL', 'http://redis:6379'],
    ['NODE_NAME', 'node one'],
    ['ANTI_ENTROPY_SECONDS', '0'],
    ['REDIS_STREAM_MAXLEN', '5'],
  ];

  it.each(malformed)('refuses a malformed %s naming it', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(ConfigError);
    try {
      loadEnv({ [name]: value });
    } catch (err) {
      expect((err as ConfigError).variable).toBe(name);
      expect((err as ConfigError).message).toContain(name);
    }
  });

  it('requires DATABASE_URL in production, naming it when it is missing', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
    expect(loadEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/concordia' }).DATABASE_URL).toBe('postgres://db/concordia');
  });

  it('requires DATABASE_URL with REDIS_URL: several nodes share one PostgreSQL', () => {
    expect(() => loadEnv({ REDIS_URL: 'redis://redis:6379' })).toThrow(/DATABASE_URL/);
    expect(loadEnv({ REDIS_URL: 'redis://redis:6379', DATABASE_URL: 'postgres://db/concordia' }).REDIS_URL).toBe('redis://redis:6379');
    expect(loadEnv({}).REDIS_URL).toBeUndefined();
  });

  it('covers every variable of the schema in the malformed cases or the defaults', () => {
    const tested = new Set(malformed.map(([n]) => n));
    for (const name of Object.keys(envSchema.shape)) {
      if (!tested.has(name)) expect(['HOST', 'DATA_DIR', 'ALLOWED_ORIGINS']).toContain(name);
    }
  });
});
