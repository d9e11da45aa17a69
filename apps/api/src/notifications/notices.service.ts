import { Inject, Injectable } from '@nestjs/common';
import { isLanguage, type Language, noticeView, type NoticeKind } from '@chancery/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-error';
import { NoticeRepository } from '@chancery/persistence';

/** How many notices the inbox shows (newest first). */
export const INBOX_LIMIT = 200;

/** The signed-in user's inbox and notification settings. */
@Injectable()
export class NoticesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
  ) {}

  /**
   * `language`: the one the page is in (the desk follows the browser for a user who chose
   * none); otherwise the user's, or English.
   */
  async inbox(userId: string, language?: Language) {
    const manager = this.dataSource.manager;
    const reader = await this.notices.readerSettings(manager, userId);
    language ??= isLanguage(reader?.language) ? reader.language : 'en';
    const names = (await this.notices.stateNames(manager))(language);
    const rows = await this.notices.forRecipient(manager, userId, INBOX_LIMIT);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      draftId: row.draft_id ?? undefined,
      title: noticeView(row.kind, row.facts, {
        language,
        timeZone: reader?.time_zone ?? 'UTC',
        stateName: (code) => names.get(code) ?? code,
      }).title,
      createdAt: new Date(row.created_at).toISOString(),
      readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    }));
  }

  async markRead(userId: string, noticeId: string | null): Promise<number> {
    const changed = await this.notices.markRead(
      this.dataSource.manager,
      userId,
      noticeId,
      new Date(),
    );
    if (noticeId !== null && changed === 0) {
      // Someone else's notice is as absent as one that never existed.
      if (!(await this.notices.isRecipient(this.dataSource.manager, noticeId, userId)))
        throw notFound('Notice', noticeId, 'id');
    }
    return changed;
  }

  async settings(userId: string) {
    return { optOut: await this.notices.optOut(this.dataSource.manager, userId) };
  }

  async saveSettings(userId: string, optOut: readonly NoticeKind[]) {
    const kinds = [...new Set(optOut)];
    await this.notices.saveOptOut(this.dataSource.manager, userId, kinds);
    return { optOut: kinds };
  }
}
