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
import { PgListener } from '../live/pg-listener';
import {
  type DueNoticeRow,
  NOTICES_CHANNEL,
  NoticeRepository,
  type StateNames,
} from '@chancery/persistence';

export const MAIL_TEMPLATES = Symbol('MAIL_TEMPLATES');

/** Notices sent per sweep before the sweep yields (the next one follows at once if more are due). */
const SWEEP_LIMIT = 50;
const RETRY_MAX_MS = 6 * 3600 * 1000;

/** What the SMTP server's refusal means: try again later, or give up. */
export function isTransient(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  // No SMTP reply at all (refused connection, timeout, dropped socket) is worth a retry too.
  if (typeof code !== 'number') return true;
  return code >= 400 && code < 500;
}

/** Exponential back-off from `base`, capped, with jitter so replicas do not retry in step. */
export function retryDelay(attempt: number, baseMs: number, random = Math.random): number {
  const exponential = Math.min(RETRY_MAX_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

/**
 * Mails the notices in the outbox after their change has committed. Every instance sweeps
 * (on a timer, and at once when a commit announces pending mail); a notice is locked while
 * it is sent and marked sent in the same transaction, so it goes out once. A 4xx answer is
 * retried with back-off, a 5xx gives up. The Message-ID was fixed when the notice was written.
 */
@Injectable()
export class MailDeliverer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailDeliverer.name);
  private readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
    @Inject(MAIL_TEMPLATES) private readonly templates: MailTemplateRegistry,
    @Inject(PgListener) private readonly listener: PgListener,
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
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.transport) return;
    await this.listener.listen(NOTICES_CHANNEL, () => this.wake());
    this.listener.onReconnect(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.config.JOB_POLL_MS);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
    this.transport?.close();
  }

  /** Resolves once no sweep runs on this instance (and none was asked for meanwhile). */
  async idle(): Promise<void> {
    while (this.sweeping) await this.sweeping;
  }

  /** Starts a sweep, or asks the running one to look again when it is done. */
  wake(): void {
    if (this.stopped || !this.transport) return;
    if (this.sweeping) {
      this.again = true;
      return;
    }
    this.sweeping = this.sweep()
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'mail could not be delivered; will retry'),
      )
      .finally(() => {
        this.sweeping = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Sends what is due; returns how many notices it settled (sent, retried or failed). */
  async sweep(): Promise<void> {
    const names = await this.notices.stateNames(this.dataSource.manager);
    for (let settled = 0; settled < SWEEP_LIMIT && !this.stopped; settled += 1) {
      const found = await this.dataSource.transaction(async (manager) => {
        const notice = await this.notices.lockNextDue(manager, new Date());
        if (!notice) return false;
        try {
          await this.send(notice, names);
          await this.notices.markSent(manager, notice.id, new Date());
        } catch (error) {
          const message = describe(error);
          if (isTransient(error) && notice.attempts + 1 < this.config.MAIL_MAX_ATTEMPTS) {
            const delay = retryDelay(notice.attempts + 1, this.config.MAIL_RETRY_BASE_MS);
            await this.notices.markRetry(manager, notice.id, new Date(Date.now() + delay), message);
            this.logger.warn(
              { notice: notice.id, delayMs: delay, error: message },
              'mail deferred',
            );
            setTimeout(() => this.wake(), delay).unref();
          } else {
            await this.notices.markFailed(manager, notice.id, message);
            this.logger.error({ notice: notice.id, error: message }, 'mail refused; not retried');
          }
        }
        return true;
      });
      if (!found) return;
    }
    this.again = true;
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
