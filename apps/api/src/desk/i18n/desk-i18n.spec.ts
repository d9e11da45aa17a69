import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { DESK_VIEWS_DIR } from '../desk-views';
import en from './en.json';
import ru from './ru.json';
import { DESK_LANGUAGES, canonicalTimeZone, negotiateLanguage, translator } from './desk-i18n';

const CATALOGUES: Record<string, Record<string, string>> = { en, ru };

/** The names a message uses: its placeholders (with their kind) and its markup tags. */
function signature(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]): void => {
    for (const element of elements as {
      type: number;
      value?: string;
      options?: object;
      children?: unknown[];
    }[]) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag (the parser's TYPE).
      if (element.type === 8) {
        names.add(`<${element.value}>`);
        walk(element.children ?? []);
      } else if (element.type >= 1 && element.type <= 6) {
        names.add(`{${element.value}}`);
      }
      for (const option of Object.values(element.options ?? {}) as { value: unknown[] }[])
        walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

describe('the desk catalogues', () => {
  it('are one per desk language', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...DESK_LANGUAGES].sort());
  });

  it.each(DESK_LANGUAGES.filter((language) => language !== 'en'))(
    '%s has exactly the keys of en, with the same placeholders and markup',
    (language) => {
      const other = CATALOGUES[language];
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      const differing = Object.entries(en as Record<string, string>)
        .filter(([key, message]) => {
          const mine = signature(message, 'en');
          const theirs = signature(other[key], language);
          return JSON.stringify(mine) !== JSON.stringify(theirs);
        })
        .map(([key]) => key);
      expect(differing).toEqual([]);
    },
  );

  it('have no empty message and no message left in English in another language by mistake', () => {
    for (const catalogue of Object.values(CATALOGUES))
      for (const message of Object.values(catalogue)) expect(message.trim()).not.toBe('');
    // A Russian message without a Cyrillic letter is English left behind, unless it is only
    // placeholders, codes and symbols (e.g. "{page} · Chancery").
    const untranslated = Object.entries(ru as Record<string, string>)
      .filter(([, message]) => !/[А-Яа-яЁё]/.test(message))
      .filter(([, message]) =>
        /[A-Za-z]{3,}/.test(message.replace(/\{[^}]*\}|<\/?\w+>|Chancery|UTC/g, '')),
      )
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('hold every key that a view asks for', () => {
    const files = [
      ...readdirSync(DESK_VIEWS_DIR).map((file) => join(DESK_VIEWS_DIR, file)),
      ...readdirSync(join(DESK_VIEWS_DIR, 'partials')).map((file) =>
        join(DESK_VIEWS_DIR, 'partials', file),
      ),
    ].filter((file) => file.endsWith('.hbs'));
    const asked = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\{\{\s*tx?\s+"([^"]+)"/g)].map((m) => m[1]),
    );
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((key) => !(key in en))).toEqual([]);
  });
});

describe('Translator', () => {
  it('fills placeholders and plurals in the rules of each language', () => {
    const badge = (language: 'en' | 'ru', count: number) =>
      translator(language).html('layout.unreadBadge', { count });
    expect(badge('en', 1)).toBe('1<span class="visually-hidden"> unread</span>');
    expect(badge('ru', 1)).toContain('непрочитанное');
    expect(badge('ru', 3)).toContain('непрочитанных');
    expect(badge('ru', 21)).toContain('непрочитанное');
  });

  it('escapes every value and keeps only its own markup', () => {
    const html = translator('en').html('problem.fieldError', {
      field: '<script>',
      message: 'a & "b"',
    });
    expect(html).toBe('<strong>&lt;script&gt;</strong>: a &amp; &quot;b&quot;');
  });

  it('refuses a message with a value missing, and an unknown key', () => {
    expect(() => translator('en').t('nav.delegation')).toThrow();
    expect(() => translator('en').t('no.such.key' as 'nav.drafts')).toThrow(/No desk message/);
  });

  it("prints instants in the official's zone and language, with the zone named", () => {
    const at = '2024-12-17T14:05:00Z';
    expect(translator('en').instant(at)).toBe('17 Dec 2024, 14:05 UTC');
    expect(translator('ru', 'Europe/Moscow').instant(at)).toMatch(/^17 дек\. 2024 г\., 17:05 /);
    expect(translator('en', 'Asia/Almaty').inputValue(new Date(at))).toBe('2024-12-17T19:05');
    expect(translator('en').date('2024-12-17')).toBe('17 Dec 2024');
    // A datetime-local field is read back in the zone it was shown in.
    expect(translator('ru', 'Europe/Moscow').fromInputValue('2024-12-17T17:05:00Z')).toBe(
      '2024-12-17T14:05:00.000Z',
    );
    expect(translator('en', 'America/New_York').fromInputValue('2024-07-01T09:00:00Z')).toBe(
      '2024-07-01T13:00:00.000Z',
    );
    expect(translator('en').fromInputValue('2024-12-17T17:05:00Z')).toBe('2024-12-17T17:05:00Z');
    expect(translator('ru').list(['IND', 'RUS', 'BRA'])).toBe('IND, RUS и BRA');
  });
});

describe('the language of a request and a time zone', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['en-US,en;q=0.9,ru;q=0.8', 'en'],
    ['de-DE,de;q=0.9,ru;q=0.5', 'ru'],
    ['fr;q=1, en;q=0.2, ru;q=0.7', 'ru'],
    ['ru;q=0', null],
    ['zh-CN', null],
  ])('Accept-Language %j → %j', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('knows IANA zones and nothing else', () => {
    expect(canonicalTimeZone('Europe/Moscow')).toBe('Europe/Moscow');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});
