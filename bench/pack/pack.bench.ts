/**
 * The 7th CFM's meeting pack (en and ru), Word only and Word + PDF, against its floor: the sum
 * of rendering its documents one by one in this same process (and, with PDF, converting each
 * alone with LibreOffice), every render uncached. Also /health's p99 while a pack builds (the
 * work is off the event loop: render threads, LibreOffice processes), against /health idle.
 *
 *   npm run bench:pack            (embedded PostgreSQL, or DATABASE_URL's server)
 */
import 'reflect-metadata';
import { openBenchDatabase } from '../support/bench-database';
import { median, quantile } from '../support/measure';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MeetingPackRepository } from '@chancery/persistence';
import type { Principal } from '../../apps/api/src/auth/principal';
import { loadConfig } from '../../apps/api/src/config/config';
import { createApp } from '../../apps/api/src/create-app';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { MeetingPacksService } from '../../apps/api/src/packs/meeting-packs.service';
import type { PackFormat } from '../../apps/api/src/packs/packs.dto';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main(): Promise<void> {
  const { dataSource, close } = await openBenchDatabase(8);
  const work = await mkdtemp(join(tmpdir(), 'chancery-bench-pack-'));
  try {
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
      `/health p99 idle ${quantile(idle, 0.99).toFixed(1)} ms (n=${idle.length}), while the Word + PDF pack builds ${quantile(busy, 0.99).toFixed(1)} ms (n=${busy.length}; p50 ${quantile(busy, 0.5).toFixed(1)} ms, max ${Math.max(...busy).toFixed(1)} ms)`,
    );
    await app.close();
  } finally {
    await rm(work, { recursive: true, force: true });
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
