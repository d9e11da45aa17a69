import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildDataSourceOptions } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import type { Clock } from '../../apps/api/src/application/clock';
import { databaseTimeouts, loadConfig } from '../../apps/api/src/config/config';
import { createApp } from '../../apps/api/src/create-app';
import type { ZodType } from 'zod';
import { createTestDatabase, testEngine } from './database';
import { expectBody } from './responses';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed-body tests. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TypedRequestOptions<T> extends RequestOptions {
  /** The endpoint's output schema: the answer must be a 2xx and match it (see expectBody). */
  as: ZodType<T>;
}

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  databaseUrl: string;
  baseUrl: string;
  request<T>(
    method: string,
    path: string,
    options: TypedRequestOptions<T>,
  ): Promise<ApiResponse<T>>;
  request<T = unknown>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<ApiResponse<T>>;
  /** Signs in a demo account (password "demo") and returns its bearer token. */
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: {
    databaseUrl?: string;
    env?: Record<string, string>;
    jwtSecret?: string;
    /** A clock the test moves (deadlines), instead of waiting for time to pass. */
    clock?: Clock;
    auditKey?: string;
    poolSize?: number;
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    // Seven suites share two cores: a test that is not about timeouts must not trip on one.
    // Tests about them set their own, small values.
    DATABASE_CONNECT_TIMEOUT_MS: '60000',
    DATABASE_STATEMENT_TIMEOUT_MS: '60000',
    ...options.env,
  });
  const dataSource = new DataSource(
    buildDataSourceOptions({
      url: databaseUrl,
      poolSize: options.poolSize ?? 12,
      ...databaseTimeouts(config),
    }),
  );
  await dataSource.initialize();
  const app = await createApp({
    config,
    jwtSecret: options.jwtSecret ?? randomBytes(32).toString('hex'),
    // Replicas of one database share its audit key, as a deployment's replicas share AUDIT_KEY.
    auditKey:
      options.auditKey ?? createHash('sha256').update(`audit-key:${databaseUrl}`).digest('hex'),
    logStream: options.logStream,
    dataSource,
    engine: testEngine(),
    clock: options.clock,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const tokens = new Map<string, string>();

  async function request<T>(
    method: string,
    path: string,
    opts: RequestOptions | TypedRequestOptions<T> = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json')
      ? await response.json()
      : type.includes('text') || type.includes('html')
        ? await response.text()
        : Buffer.from(await response.arrayBuffer());
    const answer: ApiResponse = {
      status: response.status,
      headers: response.headers,
      body: parsed,
    };
    if ('as' in opts) return { ...answer, body: expectBody(answer, opts.as) };
    return answer as ApiResponse<T>;
  }

  return {
    app,
    dataSource,
    databaseUrl,
    baseUrl,
    request,
    async login(email: string) {
      const cached = tokens.get(email);
      if (cached) return cached;
      const response = await request<{ accessToken: string }>('POST', '/api/auth/login', {
        body: { email, password: 'demo' },
      });
      if (response.status !== 200)
        throw new Error(
          `login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      tokens.set(email, response.body.accessToken);
      return response.body.accessToken;
    },
    async close() {
      await app.close();
      await dataSource.destroy();
    },
  };
}
