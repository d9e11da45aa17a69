import { DomainError, LANGUAGE_CODE, type Language } from '@chancery/domain';
import { defaultTemplatesDir, templateLanguages } from '@chancery/documents';
import { LanguageRepository, type LanguageRow } from '@chancery/persistence';
import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** The forum's working languages as the service started with them (the `languages` table). */
export class WorkingLanguages {
  constructor(readonly rows: readonly LanguageRow[]) {}

  get codes(): Language[] {
    return this.rows.map((row) => row.code);
  }

  /** The forum's first language: what a document is printed in when none is asked for. */
  get first(): Language {
    return this.rows[0]?.code ?? 'en';
  }

  find(code: string): LanguageRow | undefined {
    return this.rows.find((row) => row.code === code);
  }

  /** The language asked for, or the first one; 404 for a language the forum does not work in. */
  resolve(code: string | undefined): Language {
    const language = code ?? this.first;
    if (this.find(language)) return language;
    throw new DomainError(
      'UNKNOWN_LANGUAGE',
      `"${language}" is not a working language of the forum (${this.codes.join(', ')}).`,
      { field: 'lang', category: 'not-found', facts: { language, workingLanguages: this.codes } },
    );
  }

  /**
   * Reads the languages and checks that each has its templates folder: a working language the
   * documents cannot be printed in stops the service at start-up, not at an official's request.
   */
  static async load(dataSource: DataSource, templatesDir: string): Promise<WorkingLanguages> {
    const rows = await new LanguageRepository().languages(dataSource.manager);
    const folders = await templateLanguages(templatesDir);
    const lacking = rows.filter((row) => !folders.includes(row.code));
    if (lacking.length > 0) {
      throw new Error(
        `The forum works in ${lacking.map((row) => `${row.name} (${row.code})`).join(', ')}, ` +
          `but ${templatesDir} has no ${lacking.map((row) => `${row.code}/`).join(', ')} folder: ` +
          'add the templates of every working language (copy templates/en/ and translate it) ' +
          'or remove the language from the languages table.',
      );
    }
    return new WorkingLanguages(rows);
  }
}

export const workingLanguagesProvider: Provider = {
  provide: WorkingLanguages,
  inject: [DataSource, APP_CONFIG],
  useFactory: (dataSource: DataSource, config: AppConfig) =>
    WorkingLanguages.load(dataSource, config.TEMPLATES_DIR ?? defaultTemplatesDir()),
};

/** A language code from a path (`…/translations/:lang`): 404 for anything that is not one. */
export function languageCode(lang: string): string {
  if (!LANGUAGE_CODE.test(lang)) throw notFound('Language', lang, 'lang');
  return lang;
}
