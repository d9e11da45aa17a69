import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { noticeView } from '@chancery/domain';
import { MailTemplateRegistry } from '@chancery/documents';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MAIL_NOTICE } from '../jobs/job-kinds';
import { type JobContext, JobQueue, PermanentJobFailure } from '../jobs/job-queue';
import { type DueNoticeRow, NoticeRepository, type StateNames } from '@chancery/persistence';
import { NoticeOutbox } from './notice-outbox';

export const MAIL_TEMPLATES = Symbol('MAIL_TEMPLATES');

/** Mail jobs fetched together: a transition's 84 notices go out without a poll between them. */
const MAIL_BATCH = 10;
/** Member states' names are read once for a burst of mail, not once per mail. */
const STATE_NAMES_TTL_MS = 10_000;

/** What the SMTP server's refusal means: try again later, or give up. */
export function isTransient(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  // No SMTP reply at all (refused connection, timeout, dropped socket) is worth a retry too.
  if (typeof code !== 'number') return true;
  return code >= 400 && code < 500;
}

/** What became of one notice's mail. */
export type MailOutcome = 'sent' | 'nothing-to-send';

/**
 * Mails one notice per job (`mail-notice`), after the change that wrote it has committed: the
 * job was enqueued in that change's transaction, so it exists if and only if the notice does,
 * and survives a crash. pg-boss runs it once, on whichever replica fetches it, and retries a
 * transient refusal (4xx, no answer) with back-off; a 5xx fails it for good. The Message-ID was
 * fixed when the notice was written, so the one duplicate a crash between sending and recording
 * can cause is one a mail client folds into the first.
 */
@Injectable()
export class MailDeliverer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailDeliverer.name);
  private readonly transport: Transporter | null;
  private stateNames: { readAt: number; names: Promise<StateNames> } | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
    @Inject(MAIL_TEMPLATES) private readonly templates: MailTemplateRegistry,
    @Inject(JobQueue) jobs: JobQueue,
    @Inject(NoticeOutbox) private readonly outbox: NoticeOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.SMTP_URL
      ? createTransport({
          url: config.SMTP_URL,
          pool: true,
          maxConnections: 2,
          // nodemailer waits 2 min to connect and 10 min on a quiet socket by default.
          connectionTimeout: config.MAIL_TIMEOUT_MS,
          greetingTimeout: config.MAIL_TIMEOUT_MS,
          socketTimeout: config.MAIL_TIMEOUT_MS,
        })
      : null;
    // Without a mail server no replica works mail jobs, and the outbox enqueues none.
    if (this.transport) {
      jobs.register(MAIL_NOTICE, ({ noticeId }, job) => this.deliver(noticeId, job), {
        batchSize: MAIL_BATCH,
      });
    }
  }

  /**
   * Notices left pending without a job (written before mail became a job) get one; for every
   * other the job exists and enqueuing it again does nothing.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.transport) return;
    await this.dataSource.transaction(async (manager) =>
      this.outbox.enqueueMail(manager, await this.notices.pendingMail(manager)),
    );
  }

  onApplicationShutdown(): void {
    // A mail still in flight fails with the transport; its job retries it (here or elsewhere).
    this.transport?.close();
  }

  /** Sends one notice's mail and records the attempt; throws to have the job retried. */
  async deliver(noticeId: string, job: JobContext): Promise<MailOutcome> {
    const manager = this.dataSource.manager;
    const notice = await this.notices.toMail(manager, noticeId);
    if (!notice) return 'nothing-to-send';
    try {
      await this.send(notice, await this.memberStateNames());
    } catch (error) {
      const message = describe(error);
      if (isTransient(error) && !job.lastAttempt) {
        await this.notices.markAttempt(manager, notice.id, message);
        this.logger.warn(
          { notice: notice.id, attempt: job.attempt, error: message },
          'mail deferred',
        );
        throw new Error(message);
      }
      await this.notices.markFailed(manager, notice.id, message);
      this.logger.error({ notice: notice.id, error: message }, 'mail refused; not retried');
      throw new PermanentJobFailure(message);
    }
    await this.notices.markSent(manager, notice.id, new Date());
    return 'sent';
  }

  private memberStateNames(): Promise<StateNames> {
    if (!this.stateNames || Date.now() - this.stateNames.readAt > STATE_NAMES_TTL_MS) {
      const names = this.notices.stateNames(this.dataSource.manager);
      // A failed read is not kept: the next mail asks again.
      names.catch(() => (this.stateNames = null));
      this.stateNames = { readAt: Date.now(), names };
    }
    return this.stateNames.names;
  }

  private async send(notice: DueNoticeRow, names: StateNames): Promise<void> {
    const language = notice.language;
    const stateNames = names(language);
    const view = noticeView(notice.kind, notice.facts, {
      language,
      timeZone: notice.time_zone,
      stateName: (code) => stateNames.get(code) ?? code,
    });
    const base = this.config.PUBLIC_URL ?? `http://${this.config.HOST}:${this.config.PORT}`;
    const mail = this.templates.render(notice.kind, language, {
      ...view,
      recipient: {
        name: notice.display_name,
        state: notice.state_code ? (stateNames.get(notice.state_code) ?? notice.state_code) : '',
      },
      links: {
        draft: notice.draft_id ? `${base}/desk/drafts/${notice.draft_id}` : `${base}/desk`,
        inbox: `${base}/desk/notices`,
        settings: `${base}/desk/notices/settings`,
      },
    });
    await this.transport!.sendMail({
      from: this.config.MAIL_FROM,
      to: { name: notice.display_name, address: notice.email },
      subject: view.title,
      text: mail.text,
      html: mail.html,
      messageId: notice.message_id,
      headers: { 'Content-Language': language },
    });
  }
}

function describe(error: unknown): string {
  const details = error as { responseCode?: number; response?: string; message?: string };
  return (details.response ?? details.message ?? String(error)).slice(0, 500);
}
