import { Inject, Injectable } from '@nestjs/common';
import type { NoticeChange } from '@chancery/domain';
import type { DraftUnitOfWork } from '../application/transaction-runner';
import { DeskEventLog, type DeskEventInput, NoticeRepository } from '@chancery/persistence';
import { MailDeliverer } from './mail-deliverer';
import { NoticeOutbox } from './notice-outbox';

/**
 * What a draft's use case tells the world, written in its own unit of work: the notices (the
 * outbox) and the live desk's event, both committed with the change or not at all. After
 * commit, this instance's mail sweep is woken at once (other instances hear the NOTIFY; a
 * crash before either is covered by every instance's periodic sweep).
 */
@Injectable()
export class DraftAnnouncer {
  constructor(
    @Inject(NoticeOutbox) private readonly outbox: NoticeOutbox,
    @Inject(DeskEventLog) private readonly events: DeskEventLog,
    @Inject(MailDeliverer) private readonly deliverer: MailDeliverer,
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
  ) {}

  /** `title`: the draft's title after the change (a revision may rename it). */
  async tell(uow: DraftUnitOfWork, change: NoticeChange, title = uow.draft.title): Promise<void> {
    const { draft } = uow;
    const written = await this.outbox.record(
      uow.manager,
      change,
      { id: draft.id, symbol: draft.symbol, title, penholder: draft.penholder },
      uow.now,
    );
    if (written > 0 && this.deliverer.enabled) uow.afterCommit(() => this.deliverer.wake());
  }

  /** Adoption names the meeting that adopted the text. */
  async tellAdoption(uow: DraftUnitOfWork, revision: number, meetingId: string): Promise<void> {
    const meeting = await this.notices.meetingTitle(uow.manager, meetingId);
    await this.tell(uow, { kind: 'adopted', revision, meeting: meeting ?? meetingId });
  }

  async show(uow: DraftUnitOfWork, event: Omit<DeskEventInput, 'draftId'>): Promise<void> {
    await this.events.publish(uow.manager, { ...event, draftId: uow.draft.id } as DeskEventInput);
  }
}
