import { Inject, Injectable } from '@nestjs/common';
import { planNotices, type NoticeChange, type NoticeDraft } from '@chancery/domain';
import { DraftRepository, NoticeRepository } from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MAIL_NOTICE } from '../jobs/job-kinds';
import { JobQueue } from '../jobs/job-queue';

/** The domain of a mail address ("Chancery <chancery@forum.org>" → "forum.org"). */
export function mailDomain(address: string): string {
  return /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? 'chancery.invalid';
}

/**
 * Writes the notices of a change into the outbox, inside the change's own transaction, with a
 * mail job for each when there is a mail server: notices and jobs exist if and only if the
 * change commits. Delivery happens after commit (MailDeliverer, as the jobs run).
 */
@Injectable()
export class NoticeOutbox {
  private readonly messageIdDomain: string;

  constructor(
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.messageIdDomain = mailDomain(config.MAIL_FROM);
  }

  async record(
    manager: EntityManager,
    change: NoticeChange,
    draft: NoticeDraft,
    now: Date,
  ): Promise<number> {
    const planned = planNotices({
      change,
      draft,
      members: await this.drafts.memberStates(manager),
      recipients: await this.notices.delegates(manager),
      onDate: now,
    });
    // Without a mail server the notices stay in the desk's inbox.
    const mail = this.config.SMTP_URL !== undefined;
    const written = await this.notices.insert(manager, planned, {
      mail,
      messageIdDomain: this.messageIdDomain,
      now,
    });
    if (mail) await this.enqueueMail(manager, written);
    return written.length;
  }

  /** A mail job per notice, its id the notice's: enqueuing one that exists does nothing. */
  async enqueueMail(manager: EntityManager, noticeIds: readonly string[]): Promise<void> {
    await this.jobs.sendMany(
      { manager },
      MAIL_NOTICE,
      noticeIds.map((id) => ({ id, data: { noticeId: id } })),
    );
  }
}
