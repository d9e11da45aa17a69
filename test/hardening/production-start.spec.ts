import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../support/database';

const ROOT = resolve(__dirname, '../..');

/** Starts the real entry point (main.ts) and resolves with its log once it listens. */
function startService(env: Record<string, string>): {
  child: ChildProcess;
  ready: Promise<string>;
} {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 80_000);
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Chancery is ready')) {
        clearTimeout(timer);
        resolveReady(output);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  return { child, ready };
}

describe('production settings', () => {
  let dataDir: string;
  let service: ChildProcess | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chancery-production-'));
  });
  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((done) => service!.once('exit', done));
      service.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('never seeds the demo with NODE_ENV=production, and says so at start-up', async () => {
    const databaseUrl = await createTestDatabase({ empty: true });
    const started = startService({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUDIT_KEY: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    });
    service = started.child;
    const log = await started.ready;
    expect(log).toContain('NODE_ENV=production: the demo is never seeded');
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM users');
      expect(Number(rows[0].n)).toBe(0);
    } finally {
      await client.end();
    }
  }, 90_000);
});
