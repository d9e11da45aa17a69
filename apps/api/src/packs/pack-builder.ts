import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { DocumentRepository, MeetingPackRepository } from '@chancery/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../application/clock';
import { AppError } from '../common/app-error';
import type { PackDocument } from '../documents/documents.service';
import { MEETING_PACK } from '../jobs/job-kinds';
import { type JobContext, JobQueue } from '../jobs/job-queue';
import { MeetingPacksService } from './meeting-packs.service';
import { PackArchive } from './pack-archive';
import { PdfConverter } from './pdf-converter';

/** Word files handed to one LibreOffice call: one start-up shared, progress still moves. */
const PDF_BATCH = 4;

export interface ManifestFile {
  file: string;
  symbol: string;
  title: string;
  language: string;
  format: 'docx' | 'pdf';
  bytes: number;
  sha256: string;
}

function stemOf(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9.-]+/g, '_');
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The meeting-pack job: every document of the meeting in every language asked, as Word (from
 * the document cache, or rendered once by the render pool) and PDF (LibreOffice), zipped as it
 * goes into 1 MiB rows, with a manifest and an index; progress (done/total) is stored after
 * each file. An attempt starts over from nothing (its earlier chunks are deleted), so a worker
 * killed mid-job costs only time: the queue hands the job to another (lost heartbeat).
 */
@Injectable()
export class PackBuilder {
  private readonly logger = new Logger(PackBuilder.name);
  private readonly packs = new MeetingPackRepository();
  private readonly meetings = new DocumentRepository();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(JobQueue) jobs: JobQueue,
    @Inject(MeetingPacksService) private readonly service: MeetingPacksService,
    @Inject(PdfConverter) private readonly pdf: PdfConverter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    jobs.register(MEETING_PACK, ({ packId }, job) => this.build(packId, job));
  }

  async build(packId: string, job: JobContext): Promise<{ bytes: number; sha256: string } | null> {
    const manager = this.dataSource.manager;
    const pack = await this.packs.find(manager, packId);
    if (!pack || pack.status === 'done') return null;
    const work = await mkdtemp(join(tmpdir(), 'chancery-pack-'));
    let archive: PackArchive | null = null;
    try {
      const plan = await this.service.plan(pack.meeting_id, pack.languages, pack.formats as never);
      const withPdf = plan.formats.includes('pdf');
      const total = plan.documents.length * plan.formats.length;
      await this.packs.start(manager, packId, total);
      archive = new PackArchive((seq, data) => this.packs.appendChunk(manager, packId, seq, data));
      const files: ManifestFile[] = [];
      const names = new Set<string>();
      const toConvert: { doc: PackDocument; docx: string; stem: string }[] = [];
      let done = 0;
      for (const doc of plan.documents) {
        job.signal.throwIfAborted();
        let stem = `${stemOf(doc.symbol)}_${doc.language}`;
        // Two documents of one symbol (a report and a text, say) keep both.
        if (names.has(stem)) stem = `${stemOf(doc.symbol)}_${doc.name}_${doc.language}`;
        names.add(stem);
        const { content, sha256 } = await this.fetchDocument(doc, job.signal);
        archive.addBuffer(`${stem}.docx`, content, false);
        files.push({
          file: `${stem}.docx`,
          symbol: doc.symbol,
          title: doc.title,
          language: doc.language,
          format: 'docx',
          bytes: content.length,
          sha256,
        });
        if (withPdf) {
          const docx = join(work, `${stem}.docx`);
          await writeFile(docx, content);
          toConvert.push({ doc, docx, stem });
        }
        done += 1;
        await this.packs.progress(manager, packId, done);
      }
      for (let i = 0; i < toConvert.length; i += PDF_BATCH) {
        job.signal.throwIfAborted();
        const batch = toConvert.slice(i, i + PDF_BATCH);
        const pdfs = await this.pdf.convert(
          batch.map((b) => b.docx),
          work,
        );
        for (const [index, path] of pdfs.entries()) {
          const { doc, stem } = batch[index];
          // Read twice from disk (hash now, zip later), never held in memory.
          files.push({
            file: `${stem}.pdf`,
            symbol: doc.symbol,
            title: doc.title,
            language: doc.language,
            format: 'pdf',
            bytes: (await stat(path)).size,
            sha256: await sha256OfFile(path),
          });
          archive.addFile(path, `${stem}.pdf`);
        }
        done += batch.length;
        await this.packs.progress(manager, packId, done);
      }
      const meeting = await this.meetings.meeting(manager, pack.meeting_id);
      const symbol = plan.documents[0]?.symbol.replace(/\/1$/, '') ?? pack.meeting_id;
      const manifest = {
        meeting: {
          id: pack.meeting_id,
          symbol,
          title: meeting?.title ?? null,
          body: meeting?.body_code ?? null,
          sequence: meeting?.sequence ?? null,
        },
        generatedAt: this.clock.now().toISOString(),
        languages: plan.languages,
        formats: plan.formats,
        pdf: plan.pdfMissing
          ? { included: false, reason: plan.pdfMissing }
          : { included: withPdf, ...(withPdf ? {} : { reason: 'PDF was not asked for' }) },
        inputHash: plan.inputHash,
        files: [...files].sort((a, b) => a.file.localeCompare(b.file)),
      };
      archive.addBuffer(
        'manifest.json',
        Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
        true,
      );
      archive.addBuffer('index.txt', Buffer.from(indexText(manifest)), true);
      const result = await archive.finish();
      archive = null;
      await this.packs.finish(manager, packId, { manifest, ...result, now: this.clock.now() });
      this.logger.log(
        { pack: packId, files: files.length, bytes: result.bytes },
        'meeting pack built',
      );
      return result;
    } catch (error) {
      archive?.abort();
      const message = (error as Error).message ?? String(error);
      await this.packs
        .failed(manager, packId, { error: message, final: job.lastAttempt, now: this.clock.now() })
        .catch(() => undefined);
      throw error;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** From the document cache, or rendered now; a busy render pool is waited for, not failed. */
  private async fetchDocument(doc: PackDocument, signal: AbortSignal) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await doc.fetch(signal);
      } catch (error) {
        const busy = error instanceof AppError && error.code === 'RENDERING_BUSY';
        if (!busy || attempt >= 20) throw error;
        await delay(250 * attempt, undefined, { signal });
      }
    }
  }
}

function indexText(manifest: {
  meeting: { symbol: string; title: string | null };
  generatedAt: string;
  formats: string[];
  pdf: { included: boolean; reason?: string };
  files: ManifestFile[];
}): string {
  const lines = [
    `Meeting pack: ${manifest.meeting.symbol}${manifest.meeting.title ? ` — ${manifest.meeting.title}` : ''}`,
    `Generated: ${manifest.generatedAt}`,
    `Formats: ${manifest.formats.join(', ')}${manifest.pdf.included ? '' : ` (no PDF: ${manifest.pdf.reason})`}`,
    '',
  ];
  const bySymbol = new Map<string, ManifestFile[]>();
  for (const file of manifest.files) {
    const key = `${file.symbol}\t${file.title}`;
    bySymbol.set(key, [...(bySymbol.get(key) ?? []), file]);
  }
  for (const [key, entries] of bySymbol) {
    const [symbol, title] = key.split('\t');
    lines.push(`${symbol}  ${title}`);
    for (const entry of entries)
      lines.push(`    ${entry.file}  (${entry.language}, ${entry.format})`);
  }
  return `${lines.join('\n')}\n`;
}
