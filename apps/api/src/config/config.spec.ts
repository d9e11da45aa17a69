import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './config';

describe('configuration read at start-up', () => {
  it('has defaults that run the demo on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      SEED_DEMO: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('sizes the pool to the cores for the embedded server, 10 for a server elsewhere, or as set', () => {
    expect(loadConfig({}).DATABASE_POOL_SIZE).toBe(Math.max(4, 2 * availableParallelism()));
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).DATABASE_POOL_SIZE).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '7' }).DATABASE_POOL_SIZE).toBe(7);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ SEED_DEMO: 'perhaps' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        AUDIT_KEY: 'k'.repeat(40),
        SEED_DEMO: 'true',
      },
      'SEED_DEMO',
    ],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'AUDIT_KEY'],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: 'forever' }, 'DATABASE_STATEMENT_TIMEOUT_MS'],
  ])('stops on %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('never seeds the demo in production, whatever the database', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      AUDIT_KEY: 'k'.repeat(40),
    };
    expect(loadConfig(production).SEED_DEMO).toBe(false);
    expect(loadConfig({ ...production, DATABASE_URL: 'postgres://h/db' }).SEED_DEMO).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
