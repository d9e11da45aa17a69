import { Inject, Injectable } from '@nestjs/common';
import { UserSettingsRepository } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../application/transaction-runner';
import { AppError, notFound } from '../../common/app-error';
import { canonicalTimeZone, DESK_LANGUAGES, isDeskLanguage } from '../../desk/i18n/desk-i18n';
import type { Principal } from '../principal';

export interface UserSettings {
  /** Null: none chosen; the desk follows the browser and mail is in English. */
  language: string | null;
  timeZone: string;
}

/**
 * The signed-in user's language and time zone, which the desk and the mail notices print in.
 * The languages offered are those the desk has a catalogue for.
 */
@Injectable()
export class UserSettingsService {
  private readonly settings = new UserSettingsRepository();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async get(principal: Principal): Promise<UserSettings> {
    const row = await this.settings.find(this.dataSource.manager, principal.userId);
    if (!row) throw notFound('User', principal.userId, 'id');
    return { language: row.language, timeZone: row.time_zone };
  }

  async save(
    principal: Principal,
    input: { language?: string; timeZone?: string },
  ): Promise<UserSettings> {
    if (input.language !== undefined && !isDeskLanguage(input.language)) {
      throw new AppError(
        'UNKNOWN_LANGUAGE',
        `The desk has no language ${JSON.stringify(input.language)}; it speaks ${DESK_LANGUAGES.join(', ')}.`,
        { field: 'language', facts: { languages: DESK_LANGUAGES } },
      );
    }
    const timeZone = input.timeZone === undefined ? undefined : canonicalTimeZone(input.timeZone);
    if (timeZone === null) {
      throw new AppError(
        'UNKNOWN_TIME_ZONE',
        `${JSON.stringify(input.timeZone)} is not a time zone: give an IANA name such as Europe/Moscow or UTC.`,
        { field: 'timeZone' },
      );
    }
    return this.transactions.write(principal, async (uow) => {
      const row = await this.settings.save(uow.manager, principal.userId, {
        language: input.language,
        timeZone,
      });
      if (!row) throw notFound('User', principal.userId, 'id');
      await uow.audit('user.settings-changed', { language: row.language, timeZone: row.time_zone });
      return { language: row.language, timeZone: row.time_zone };
    });
  }
}
