import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_ENV, databaseUrl, testDatabasePrefix } from './test-env';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup)`);
  return value;
}

export function testServerUrl(): string {
  return required(TEST_ENV.serverUrl);
}

export function testEngine(): 'embedded' | 'server' {
  return required(TEST_ENV.engine) === 'server' ? 'server' : 'embedded';
}

/**
 * A database of its own for one test file: a copy of the migrated template, or an empty one
 * (for migration tests).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<string> {
  const serverUrl = testServerUrl();
  const prefix = testDatabasePrefix(required(TEST_ENV.runId));
  // Each test file has its own module registry, so a counter would repeat across files.
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const source = options.empty ? 'template0' : `${prefix}template`;
    // Two workers cloning the template at the same instant make PostgreSQL refuse one of them
    // ("source database is being accessed by other users"): try again shortly.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
        break;
      } catch (error) {
        if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((done) => setTimeout(done, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  return databaseUrl(serverUrl, name);
}
