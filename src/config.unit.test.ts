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

  it('keeps files on disk by default; FILE_STORAGE=s3 reads the bucket settings', () => {
    expect(loadConfig({}).fileStorage).toEqual({ kind: 'disk' });
    expect(
      loadConfig({
        FILE_STORAGE: 's3',
        S3_BUCKET: 'agency-files',
        S3_ENDPOINT: 'https://minio.example.com:9000',
        S3_ACCESS_KEY_ID: 'AKIA1',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      }).fileStorage,
    ).toEqual({
      kind: 's3',
      endpoint: 'https://minio.example.com:9000',
      region: 'us-east-1',
      bucket: 'agency-files',
      credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    expect(
      loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'b-1', S3_REGION: 'eu-west-3' }).fileStorage,
    ).toMatchObject({
      region: 'eu-west-3',
      credentials: undefined,
      endpoint: undefined,
      forcePathStyle: false,
    });
  });

  it('lists every S3 problem at once: no bucket, half a key pair, a bad endpoint or store', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      return expect.unreachable();
    };
    const m = message({ FILE_STORAGE: 's3', S3_ACCESS_KEY_ID: 'AKIA1', S3_ENDPOINT: 'ftp://x', PORT: 'x' });
    expect(m).toContain('S3_BUCKET: Required when FILE_STORAGE=s3');
    expect(m).toContain('S3_SECRET_ACCESS_KEY');
    expect(m).toContain('S3_ENDPOINT');
    expect(m).toContain('PORT');
    expect(message({ FILE_STORAGE: 'ftp' })).toContain('FILE_STORAGE');
    expect(message({ FILE_STORAGE: 's3', S3_BUCKET: 'Not_A_Bucket' })).toContain('S3_BUCKET');
    // S3 settings are not required while files stay on disk.
    expect(loadConfig({ S3_BUCKET: 'unused-bucket' }).fileStorage).toEqual({ kind: 'disk' });
  });
});
