import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults for a first start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      baseUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      smtpUrl: undefined,
      jobWorkers: true,
    });
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.sessionIdleMs).toBe(12 * 3600_000);
  });

  it('reads the environment and trims a trailing slash from BASE_URL', () => {
    const c = loadConfig({
      PORT: '8080',
      BASE_URL: 'https://crm.example.com/',
      DATABASE_URL: 'postgres://x/y',
      JOBS: 'off',
    });
    expect(c).toMatchObject({
      port: 8080,
      baseUrl: 'https://crm.example.com',
      databaseUrl: 'postgres://x/y',
      jobWorkers: false,
    });
  });

  it('lists every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', BASE_URL: 'not a url', SESSION_IDLE_MINUTES: '-5' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toContain('PORT');
      expect((e as Error).message).toContain('BASE_URL');
      expect((e as Error).message).toContain('SESSION_IDLE_MINUTES');
    }
  });
});
