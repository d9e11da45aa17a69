// Load test: 50 concurrent downloads of a 2,500-paragraph draft text, on loopback, against the
// built service (a child process on a fresh embedded PostgreSQL, demo seeded):
//   cold    50 clients ask at once for two contents no one has rendered (English, Russian)
//   warm    50 clients × ROUNDS downloads of the same, now cached
//   floor   the same load on bare fastify answering a file of the same size (read per request)
// Throughout, one client in a process of its own asks /health in a loop; the service's RSS is sampled from /proc.
// Renders per content come from the audit trail ("rendered": true marks the delivery that
// caused a render). Bounded: fixed request counts, then one idle minute for the RSS after.
//
//   npm run bench:documents                 (builds dist/ first if it is stale)
//   npm run bench:documents -- --after=10   a shorter wait for the "after" RSS

import { quantile } from '../support/measure';
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const CONNECTIONS = 50;
const ROUNDS = 20;
const PARAGRAPHS = 2500;
const root = join(__dirname, '..', '..');

interface PhaseResult {
  phase: string;
  requests: number;
  failed: number;
  seconds: number;
  latencies: number[];
  health: number[];
  peakRssMb: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const giveUpAt = Date.now() + 180_000;
  while (Date.now() < giveUpAt) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`${base} did not come up within 180 s`);
}

/**
 * /health asked in a loop from a process of its own: in this one, the event loop is busy with
 * the 50 downloads, and its own delays would be counted as the server's (they were: ~50 ms p99
 * even against bare fastify).
 */
async function startHealthProbe(base: string): Promise<{ stop(): Promise<number[]> }> {
  const child = fork(__filename, ['--probe', base], { execArgv: process.execArgv });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the health probe exited with ${code}`)));
  });
  return {
    stop: () =>
      new Promise<number[]>((resolve) => {
        child.once('message', (latencies) => resolve(latencies as number[]));
        child.send('stop');
      }),
  };
}

async function healthProbe(base: string): Promise<void> {
  let running = true;
  process.once('message', () => {
    running = false;
  });
  const latencies: number[] = [];
  await (await fetch(`${base}/health`)).arrayBuffer();
  process.send?.('ready');
  while (running) {
    const started = performance.now();
    await (await fetch(`${base}/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await delay(10);
  }
  process.send?.(latencies, () => process.exit(0));
}

/** Runs `total` requests over `connections` loops while /health and the RSS are sampled. */
async function phase(
  name: string,
  base: string,
  pid: number,
  urls: string[],
  connections: number,
  perConnection: number,
  headers: Record<string, string>,
): Promise<PhaseResult> {
  let running = true;
  let peakRssMb = await rssMb(pid);
  const probe = await startHealthProbe(base);
  const sampler = (async () => {
    while (running) {
      peakRssMb = Math.max(peakRssMb, await rssMb(pid));
      await delay(50);
    }
  })();
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, index) => {
      for (let round = 0; round < perConnection; round++) {
        const begun = performance.now();
        const response = await fetch(urls[index % urls.length], { headers });
        const body = await response.arrayBuffer();
        if (response.status !== 200 || body.byteLength === 0) failed += 1;
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  running = false;
  const [health] = await Promise.all([probe.stop(), sampler]);
  return {
    phase: name,
    requests: latencies.length,
    failed,
    seconds,
    latencies,
    health,
    peakRssMb,
  };
}

function row(result: PhaseResult) {
  return {
    phase: result.phase,
    requests: result.requests,
    failed: result.failed,
    'req/s': (result.requests / result.seconds).toFixed(0),
    'download p50 ms': quantile(result.latencies, 0.5).toFixed(1),
    'download p99 ms': quantile(result.latencies, 0.99).toFixed(1),
    'health n': result.health.length,
    'health p50 ms': quantile(result.health, 0.5).toFixed(1),
    'health p99 ms': quantile(result.health, 0.99).toFixed(1),
    'health max ms': Math.max(...result.health).toFixed(1),
    'peak RSS MB': result.peakRssMb.toFixed(0),
  };
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'secretariat@demo.local', password: 'demo' }),
  });
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

async function registerLargeDraft(base: string, token: string): Promise<string> {
  const operative = Array.from({ length: PARAGRAPHS }, (_, index) => ({
    text:
      `Requests the Secretariat to prepare, in consultation with the member states, a report on ` +
      `measure ${index + 1} of the action plan on confidence building, for the next meeting.`,
  }));
  const response = await fetch(`${base}/api/drafts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      type: 'statement',
      title: 'Statement on confidence building measures',
      adoptingBodyCode: 'CFM',
      penholder: 'KAZ',
      language: 'en',
      preamble: [{ text: 'Recalling the Declaration on Principles Guiding Relations,' }],
      operative,
    }),
  });
  if (response.status !== 201)
    throw new Error(`draft: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function rendersPerContent(base: string, token: string, draftId: string) {
  const response = await fetch(`${base}/api/drafts/${draftId}/audit`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const trail = (await response.json()) as {
    action: string;
    details: { language?: string; rendered?: boolean };
  }[];
  const byLanguage = new Map<string, { renders: number; deliveries: number }>();
  for (const entry of trail.filter((e) => e.action === 'document.rendered')) {
    const counts = byLanguage.get(entry.details.language ?? '?') ?? { renders: 0, deliveries: 0 };
    counts.deliveries += 1;
    if (entry.details.rendered) counts.renders += 1;
    byLanguage.set(entry.details.language ?? '?', counts);
  }
  return Object.fromEntries(byLanguage);
}

/** The floor: bare fastify answering a file read per request (and a /health of its own). */
async function floorServer(file: string, port: number): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  app.get('/health', () => ({ status: 'ok' }));
  app.get('/file.docx', async (_request, reply) =>
    reply
      .header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      )
      .send(await readFile(file)),
  );
  await app.listen({ host: '127.0.0.1', port });
}

async function main(): Promise<void> {
  const afterArg = process.argv.find((arg) => arg.startsWith('--after='));
  const afterSeconds = afterArg ? Number(afterArg.slice('--after='.length)) : 60;
  const dataDir = await mkdtemp(join(tmpdir(), 'chancery-bench-'));
  const [port, pgPort, floorPort] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let floor: ChildProcess | undefined;
  try {
    await waitForHealth(base, server);
    const pid = server.pid!;
    const token = await login(base);
    const draftId = await registerLargeDraft(base, token);
    const headers = { authorization: `Bearer ${token}` };
    const text = `${base}/api/drafts/${draftId}/documents/text.docx`;
    const urls = [text, `${text}?lang=ru`];
    await delay(2_000);
    const idleRss = await rssMb(pid);

    const cold = await phase('cold (2 contents)', base, pid, urls, CONNECTIONS, 1, headers);
    const warm = await phase('warm cache', base, pid, urls, CONNECTIONS, ROUNDS, headers);
    const renders = await rendersPerContent(base, token, draftId);

    const sample = Buffer.from(await (await fetch(text, { headers })).arrayBuffer());
    const file = join(dataDir, 'floor.docx');
    await writeFile(file, sample);
    floor = fork(__filename, ['--floor', file, String(floorPort)], {
      execArgv: process.execArgv,
    });
    const floorBase = `http://127.0.0.1:${floorPort}`;
    await waitForHealth(floorBase, floor);
    const bare = await phase(
      'floor: bare fastify, same file',
      floorBase,
      floor.pid!,
      [`${floorBase}/file.docx`],
      CONNECTIONS,
      ROUNDS,
      {},
    );

    const afterRss: number[] = [];
    for (let second = 0; second < afterSeconds; second++) {
      await delay(1_000);
      afterRss.push(await rssMb(pid));
    }
    const peakRss = Math.max(cold.peakRssMb, warm.peakRssMb);

    console.log(
      `Node ${process.version}, ${availableParallelism()} cores; ${PARAGRAPHS} paragraphs, ` +
        `docx ${(sample.length / 1024).toFixed(0)} KB; ${CONNECTIONS} connections, loopback`,
    );
    console.table([row(cold), row(warm), row(bare)]);
    const rate = (result: PhaseResult) => result.requests / result.seconds;
    console.log(`renders per content (audit): ${JSON.stringify(renders)}`);
    console.log(
      `ratios: warm/floor throughput ${(rate(warm) / rate(bare)).toFixed(2)}, ` +
        `warm/floor download p50 ${(quantile(warm.latencies, 0.5) / quantile(bare.latencies, 0.5)).toFixed(2)}, ` +
        `cold/warm download p50 ${(quantile(cold.latencies, 0.5) / quantile(warm.latencies, 0.5)).toFixed(2)}`,
    );
    console.log(
      `/health p99 during cold ${quantile(cold.health, 0.99).toFixed(1)} ms, ` +
        `during warm ${quantile(warm.health, 0.99).toFixed(1)} ms (goal: under 50)`,
    );
    console.log(
      `service RSS: before ${idleRss.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB, ` +
        `${afterSeconds} s after ${afterRss.at(-1)?.toFixed(0)} MB`,
    );
  } finally {
    floor?.kill('SIGTERM');
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--probe') {
  healthProbe(process.argv[3]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv[2] === '--floor') {
  floorServer(process.argv[3], Number(process.argv[4])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
