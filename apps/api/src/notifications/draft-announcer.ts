import { Inject, Injectable } from '@nestjs/common';
import type { NoticeChange } from '@chancery/domain';
import type { DraftUnitOfWork } from '../application/transaction-runner';
import { DeskEventLog, type DeskEventInput, NoticeRepository } from '@chancery/persistence';
import { NoticeOutbox } from './notice-outbox';

/**
 * What a draft's use case tells the world, written in its own unit of work: the notices (the
 * outbox, with their mail jobs) and the live desk's event, all committed with the change or not
 * at all. The job queue's own NOTIFY wakes a worker when the jobs commit.
 */
@Injectable()
export class DraftAnnouncer {
  constructor(
    @Inject(NoticeOutbox) private readonly outbox: NoticeOutbox,
    @Inject(DeskEventLog) private readonly events: DeskEventLog,
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
  ) {}

  /** `title`: the draft's title after the change (a revision may rename it). */
  async tell(uow: DraftUnitOfWork, change: NoticeChange, title = uow.draft.title): Promise<void> {
    const { draft } = uow;
    await this.outbox.record(
      uow.manager,
      change,
      { id: draft.id, symbol: draft.symbol, title, penholder: draft.penholder },
      uow.now,
    );
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
