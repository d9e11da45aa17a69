import { Inject, Injectable } from '@nestjs/common';
import { hasRole } from '@chancery/domain';
import type { Principal } from '../auth/principal';
import { type JobStatusView, MeetingPacksService } from '../packs/meeting-packs.service';
import { PdfConverter } from '../packs/pdf-converter';
import type { Translator } from './i18n/desk-i18n';

/** What the desk shows of a pack's job: the page renders it, the script polls it. */
export function packProgress(meetingId: string, job: JobStatusView) {
  const percent = job.progress.total
    ? Math.round((100 * job.progress.done) / job.progress.total)
    : 0;
  return {
    id: job.id,
    status: job.status,
    queued: job.status === 'queued',
    running: job.status === 'running',
    // `done` is the count of files made; the state has a name of its own.
    done_: job.status === 'done',
    failed: job.status === 'failed',
    done: job.progress.done,
    total: job.progress.total,
    percent: job.status === 'done' ? 100 : percent,
    error: job.error ?? null,
    fileHref: job.status === 'done' ? `/desk/meetings/${meetingId}/pack/file?job=${job.id}` : null,
    pdf: job.result?.pdf ?? null,
  };
}

const NO_JOB = {
  ...{ id: '', status: 'none', queued: false, running: false, done_: false, failed: false },
  ...{ done: 0, total: 1, percent: 0, error: null, fileHref: null, pdf: null },
};

/** The meeting page's pack panel and the admin's jobs page. */
@Injectable()
export class DeskPacksService {
  constructor(
    @Inject(MeetingPacksService) private readonly packs: MeetingPacksService,
    @Inject(PdfConverter) private readonly pdf: PdfConverter,
  ) {}

  /** Null for those who may not build or fetch a pack (delegates download documents singly). */
  async panel(principal: Principal, meetingId: string) {
    if (!hasRole(principal, 'secretariat') && !hasRole(principal, 'admin')) return null;
    const [latest, pdfMissing] = await Promise.all([
      this.packs.latest(meetingId),
      this.pdf.unavailable(),
    ]);
    return {
      meetingId,
      canBuild: hasRole(principal, 'secretariat'),
      wordOnly: pdfMissing,
      hasJob: latest !== null,
      // The templates are strict: a pack not yet asked for still has every field.
      job: latest ? packProgress(meetingId, latest) : NO_JOB,
    };
  }

  async status(meetingId: string) {
    const latest = await this.packs.latest(meetingId);
    return latest ? packProgress(meetingId, latest) : null;
  }

  async jobs(t: Translator) {
    const jobs = await this.packs.list(100);
    return {
      jobs: jobs.map((job) => ({
        id: job.id,
        kind: job.kind,
        state: job.state,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
        created: t.instant(job.createdAt),
        error: job.error,
        retryable: job.state === 'failed' || job.state === 'cancelled',
      })),
    };
  }
}
