/**
 * The 7th CFM's meeting pack (en and ru), Word only and Word + PDF, against its floor: the sum
 * of rendering its documents one by one in this same process (and, with PDF, converting each
 * alone with LibreOffice), every render uncached. Also /health's p99 while a pack builds (the
 * work is off the event loop: render threads, LibreOffice processes), against /health idle.
 *
 *   npm run bench:pack            (embedded PostgreSQL, or DATABASE_URL's server)
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  MeetingPackRepository,
  buildDataSourceOptions,
  migrate,
  startEmbeddedDatabase,
} from '@chancery/persistence';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Principal } from '../../apps/api/src/auth/principal';
import { loadConfig } from '../../apps/api/src/config/config';
import { createApp } from '../../apps/api/src/create-app';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { MeetingPacksService } from '../../apps/api/src/packs/meeting-packs.service';
import type { PackFormat } from '../../apps/api/src/packs/packs.dto';
import { seedDemoData } from '../../apps/api/src/seed/seed-demo-data';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  let cleanup = async () => {};
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'chancery-bench-'));
    const embedded = await startEmbeddedDatabase({
      dataDir: dir,
      port: 54000 + Math.floor(Math.random() * 900),
    });
    serverUrl = embedded.url;
    cleanup = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const database = `chancery_bench_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const dataSource = new DataSource(buildDataSourceOptions({ url: url.toString(), poolSize: 8 }));
  await dataSource.initialize();
  const work = await mkdtemp(join(tmpdir(), 'chancery-bench-pack-'));
  try {
    await migrate(dataSource);
    await seedDemoData(dataSource);
    const config = loadConfig({ SEED_DEMO: 'false', LOG_LEVEL: 'silent', JOB_POLL_MS: '500' });
    const app = await createApp({
      config,
      jwtSecret: 'x'.repeat(32),
      dataSource,
      engine: 'embedded',
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.getHttpServer().address() as { port: number };
    const health = `http://127.0.0.1:${address.port}/health`;
    const documents = app.get(DocumentsService);
    const packs = app.get(MeetingPacksService);
    const [meeting] = await dataSource.query<{ id: string }[]>(
      `SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.code = 'CFM' AND m.sequence = 7`,
    );
    const [secretariat] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE email = 'secretariat@demo.local'`,
    );
    const principal: Principal = {
      userId: secretariat.id,
      roles: ['secretariat'],
      chairOf: [],
      stateCode: null,
      email: 'secretariat@demo.local',
      displayName: 'Secretariat',
    };
    const drafts = await new MeetingPackRepository().drafts(dataSource.manager, meeting.id);
    const uncached = () => dataSource.query(`DELETE FROM document_cache`);

    // The floor: each document rendered alone, one after another (uncached), and converted alone.
    const floor = async (withPdf: boolean) => {
      await uncached();
      let total = 0;
      let files = 0;
      for (const language of ['en', 'ru']) {
        for (const doc of await documents.packDocuments(meeting.id, language, drafts)) {
          const started = process.hrtime.bigint();
          const { content } = await doc.fetch();
          if (withPdf) {
            const input = join(work, `floor-${files}.docx`);
            await writeFile(input, content);
            await run('soffice', [
              `-env:UserInstallation=file://${work}/lo-floor`,
              '--headless',
              '--convert-to',
              'pdf',
              '--outdir',
              work,
              input,
            ]);
          }
          total += Number(process.hrtime.bigint() - started) / 1e6;
          files += 1;
        }
      }
      return { ms: total, files };
    };

    const pack = async (formats: PackFormat[], probe?: () => Promise<void>) => {
      await uncached();
      await dataSource.query(`DELETE FROM meeting_packs`);
      const started = process.hrtime.bigint();
      const accepted = await packs.request(principal, meeting.id, { formats });
      const probing = probe ? probe() : Promise.resolve();
      for (;;) {
        const view = await packs.view(accepted.jobId);
        if (view.status === 'done') break;
        if (view.status === 'failed') throw new Error(`pack failed: ${view.error}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      stop = true;
      await probing;
      stop = false;
      return ms;
    };

    let stop = false;
    const latencies: number[] = [];
    const probeHealth = async () => {
      while (!stop) {
        const started = process.hrtime.bigint();
        await fetch(health).then((r) => r.text());
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };

    const wordFloors: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) wordFloors.push((await floor(false)).ms);
    const wordFloor = median(wordFloors);
    const wordPacks: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) wordPacks.push(await pack(['docx']));
    const word = median(wordPacks);
    const { ms: pdfFloor, files } = await floor(true);
    // /health idle, then while the Word + PDF pack builds.
    stop = false;
    const idleRun = probeHealth();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    stop = true;
    await idleRun;
    stop = false;
    const idle = [...latencies];
    latencies.length = 0;
    const both = await pack(['docx', 'pdf'], probeHealth);
    const busy = [...latencies];

    const line = (name: string, value: number, base: number) =>
      `${name.padEnd(34)} ${value.toFixed(0).padStart(7)} ms   floor ${base.toFixed(0).padStart(7)} ms   ratio ${(value / base).toFixed(2)}×`;
    console.log(
      `7th CFM meeting pack: ${files} documents in en and ru together, median of ${ROUNDS} (PDF: 1)`,
    );
    console.log(line('pack, Word only', word, wordFloor));
    console.log(line('pack, Word + PDF', both, pdfFloor));
    console.log(
      `/health p99 idle ${percentile(idle, 99).toFixed(1)} ms (n=${idle.length}), while the Word + PDF pack builds ${percentile(busy, 99).toFixed(1)} ms (n=${busy.length}; p50 ${percentile(busy, 50).toFixed(1)} ms, max ${Math.max(...busy).toFixed(1)} ms)`,
    );
    await app.close();
  } finally {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await rm(work, { recursive: true, force: true });
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
