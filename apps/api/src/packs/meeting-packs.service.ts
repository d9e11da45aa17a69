import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DocumentLanguage } from '@chancery/documents';
import { MeetingPackRepository, type MeetingPackRow } from '@chancery/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../application/transaction-runner';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { DocumentsService, type PackDocument } from '../documents/documents.service';
import { MEETING_PACK } from '../jobs/job-kinds';
import { JobQueue, type JobView } from '../jobs/job-queue';
import { PdfConverter } from './pdf-converter';
import { PACK_FORMATS, type PackFormat } from './packs.dto';

/** Bump when the archive's layout changes: packs built before are not reused. */
const PACK_LAYOUT = 2;

export type PublicJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface PackPlan {
  languages: DocumentLanguage[];
  /** As asked (the pack's row keeps them: a replica with LibreOffice may build what was asked). */
  requested: PackFormat[];
  /** As made here. */
  formats: PackFormat[];
  /** Why PDFs are left out, when they are. */
  pdfMissing: string | null;
  documents: PackDocument[];
  inputHash: string;
}

export interface JobStatusView {
  id: string;
  kind: string;
  status: PublicJobStatus;
  progress: { done: number; total: number };
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  error?: string;
  result?: {
    file: string;
    bytes: number;
    sha256: string;
    files: number;
    formats: PackFormat[];
    pdf: { included: boolean; reason?: string };
  };
}

const STATE_TO_STATUS: Record<JobView['state'], PublicJobStatus> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'done',
  cancelled: 'failed',
  failed: 'failed',
};

/**
 * The meeting pack as the API sees it: asked for (202 and a job), followed (progress), fetched
 * (the archive, streamed from its chunks). A pack is found again by the content hash of its
 * inputs: the cache keys of its documents (the document cache's own hashing), its languages and
 * formats, and whether PDFs can be made — so an unchanged meeting's second request is answered
 * with the pack already built, at once.
 */
@Injectable()
export class MeetingPacksService {
  private readonly packs = new MeetingPackRepository();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(PdfConverter) private readonly pdf: PdfConverter,
  ) {}

  /** What a pack of this meeting holds now, and the hash that names it. */
  async plan(
    meetingId: string,
    languages?: readonly DocumentLanguage[],
    formats: readonly PackFormat[] = PACK_FORMATS,
  ): Promise<PackPlan> {
    const pdfMissing = formats.includes('pdf') ? await this.pdf.unavailable() : null;
    const made = PACK_FORMATS.filter((f) => formats.includes(f) && !(f === 'pdf' && pdfMissing));
    if (made.length === 0)
      throw new AppError('PDF_UNAVAILABLE', `Only PDF was asked for, and ${pdfMissing}.`, {
        field: 'formats',
      });
    // In the forum's order; a language it does not work in is refused (404), as for a download.
    const working = await this.documents.workingLanguages();
    for (const language of languages ?? []) working.resolve(language);
    const ordered = working.codes.filter((l) => !languages || languages.includes(l));
    const drafts = await this.packs.drafts(this.dataSource.manager, meetingId);
    const documents: PackDocument[] = [];
    for (const language of ordered)
      documents.push(...(await this.documents.packDocuments(meetingId, language, drafts)));
    const inputHash = createHash('sha256')
      .update(
        JSON.stringify({
          layout: PACK_LAYOUT,
          meetingId,
          languages: ordered,
          formats: made,
          pdf: pdfMissing === null && made.includes('pdf'),
          documents: documents.map((d) => d.key),
        }),
      )
      .digest('hex');
    const requested = PACK_FORMATS.filter((f) => formats.includes(f));
    return { languages: ordered, requested, formats: made, pdfMissing, documents, inputHash };
  }

  /** POST /api/meetings/:id/pack: the pack already built (or building) for these inputs, or a new job. */
  async request(
    principal: Principal,
    meetingId: string,
    input: { languages?: DocumentLanguage[]; formats?: PackFormat[] },
  ): Promise<{ jobId: string; status: PublicJobStatus; cached: boolean }> {
    const plan = await this.plan(meetingId, input.languages, input.formats);
    return this.transactions.write(principal, async (uow) => {
      const reusable = await this.packs.reusable(uow.manager, meetingId, plan.inputHash);
      if (reusable) return { jobId: reusable.id, status: reusable.status, cached: true };
      const id = await this.packs.insert(uow.manager, {
        meetingId,
        inputHash: plan.inputHash,
        languages: plan.languages,
        formats: plan.requested,
        requestedBy: principal.userId,
        now: uow.now,
      });
      // The job goes with the pack's row, in the same transaction: its id is the pack's.
      await this.jobs.send(uow, MEETING_PACK, { packId: id }, { id });
      await uow.audit('meeting.pack-requested', {
        meetingId,
        pack: id,
        languages: plan.languages,
        formats: plan.formats,
        documents: plan.documents.length,
      });
      return { jobId: id, status: 'queued' as const, cached: false };
    });
  }

  /** GET /api/jobs/:id: a job of any kind; a pack's progress and result with it. */
  async view(id: string): Promise<JobStatusView> {
    const [pack, job] = await Promise.all([
      this.packs.find(this.dataSource.manager, id),
      this.jobs.find(id),
    ]);
    if (!pack && !job) throw notFound('Job', id, 'jobId');
    return jobStatus(id, pack, job);
  }

  /** Runs a failed job again (the admin's retry); a pack starts over as queued. */
  async retry(id: string): Promise<JobStatusView> {
    const job = await this.jobs.find(id);
    if (!job) throw notFound('Job', id, 'jobId');
    if (job.state !== 'failed' && job.state !== 'cancelled')
      throw new AppError('JOB_NOT_RETRYABLE', `The job is ${STATE_TO_STATUS[job.state]}.`, {
        facts: { state: job.state },
      });
    const pack = await this.packs.find(this.dataSource.manager, id);
    if (pack) await this.packs.requeue(this.dataSource.manager, id);
    await this.jobs.retry(id);
    return this.view(id);
  }

  /** The newest jobs, for the admin's page. */
  list(limit = 100): Promise<JobView[]> {
    return this.jobs.list(limit);
  }

  /** The meeting's newest pack (the desk's meeting page). */
  async latest(meetingId: string): Promise<JobStatusView | null> {
    const pack = await this.packs.latest(this.dataSource.manager, meetingId);
    if (!pack) return null;
    return jobStatus(pack.id, pack, await this.jobs.find(pack.id));
  }

  /** GET /api/jobs/:id/file: the archive, read chunk by chunk as the client takes it. */
  async file(id: string): Promise<{ stream: Readable; bytes: number; fileName: string }> {
    const pack = await this.packs.find(this.dataSource.manager, id);
    if (!pack) throw notFound('Job', id, 'jobId');
    if (pack.status !== 'done')
      throw new AppError(
        'JOB_NOT_FINISHED',
        `The pack is ${pack.status}; its file comes once it is done.`,
        {
          facts: { status: pack.status, done: pack.done, total: pack.total },
        },
      );
    const packs = this.packs;
    const manager = this.dataSource.manager;
    async function* chunks() {
      for (let seq = 0; ; seq += 1) {
        const data = await packs.chunk(manager, id, seq);
        if (!data) return;
        yield data;
      }
    }
    const meeting = (pack.manifest as { meeting?: { symbol?: string } } | null)?.meeting?.symbol;
    const stem = (meeting ?? 'meeting').replace(/[^A-Za-z0-9.-]+/g, '_');
    return {
      stream: Readable.from(chunks(), { objectMode: false }),
      bytes: Number(pack.bytes),
      fileName: `${stem}_pack.zip`,
    };
  }
}

function jobStatus(id: string, pack: MeetingPackRow | null, job: JobView | null): JobStatusView {
  // The pack's row is the truth once it is done; before, the queue says whether it runs.
  let status: PublicJobStatus = job ? STATE_TO_STATUS[job.state] : (pack?.status ?? 'failed');
  if (pack?.status === 'done') status = 'done';
  else if (pack && status === 'done') status = pack.status;
  const manifest = pack?.manifest as {
    files?: unknown[];
    formats?: PackFormat[];
    pdf?: { included: boolean; reason?: string };
  } | null;
  const error = pack?.error ?? job?.error ?? undefined;
  return {
    id,
    kind: job?.kind ?? 'meeting-pack',
    status,
    progress: pack
      ? { done: pack.done, total: pack.total }
      : { done: status === 'done' ? 1 : 0, total: 1 },
    attempts: job?.attempts ?? (pack?.status === 'done' ? 1 : 0),
    maxAttempts: job?.maxAttempts ?? 1,
    createdAt: (pack?.created_at ?? job!.createdAt).toISOString(),
    ...(error && status !== 'done' ? { error } : {}),
    ...(pack?.status === 'done' && manifest
      ? {
          result: {
            file: `/api/jobs/${id}/file`,
            bytes: Number(pack.bytes),
            sha256: pack.sha256!,
            files: manifest.files?.length ?? 0,
            formats: manifest.formats ?? [],
            pdf: manifest.pdf ?? { included: false },
          },
        }
      : {}),
  };
}
