import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import type { DocumentLanguage } from './document-kind';
import { TemplateError } from './template-error';
import { createHelpers } from './template-helpers';
import { RUNTIME_OPTIONS, compileChecked, toTemplateError } from './template-compiler';
import { readTemplateFolder, templateLanguages } from './template-files';
import { defaultTemplatesDir } from './templates-dir';

const FORMATS = ['text', 'html'] as const;
type MailFormat = (typeof FORMATS)[number];

/**
 * `templates/<language>/mail/`: `<name>.text.hbs` and `<name>.html.hbs` for each mail, and
 * `partials/<partial>.text.hbs` / `.html.hbs` (a text partial for text mails, an HTML one for
 * HTML mails), by file name without `.hbs`.
 */
export interface MailTemplateSources {
  templates: Record<string, string>;
  partials: Record<string, string>;
}

export interface RenderedMail {
  text: string;
  html: string;
}

type TemplateDelegate = Handlebars.TemplateDelegate;

/**
 * The mails' templates, editable by the secretariat like the document templates and held to
 * the same rules (an isolated Handlebars per language and format, strict, no prototype access,
 * no unescaped output, every template compiled at load). HTML mails escape every value; plain
 * text mails print values as they are.
 */
export class MailTemplateRegistry {
  private constructor(
    private readonly compiled: ReadonlyMap<string, TemplateDelegate>,
    readonly names: readonly string[],
  ) {}

  /**
   * Reads `templates/<language>/mail/` for every language folder; every name must have both
   * formats in every language.
   */
  static async load(
    names: readonly string[],
    templatesDir: string = defaultTemplatesDir(),
  ): Promise<MailTemplateRegistry> {
    // The same containment as the document templates: nothing outside TEMPLATES_DIR is read.
    const dir = await realpath(resolve(templatesDir));
    const languages: Partial<Record<DocumentLanguage, MailTemplateSources>> = {};
    for (const language of await templateLanguages(dir)) {
      languages[language] = {
        templates: await readTemplateFolder(dir, join(dir, language, 'mail'), true),
        partials: await readTemplateFolder(dir, join(dir, language, 'mail', 'partials'), false),
      };
    }
    return MailTemplateRegistry.fromSources(names, languages);
  }

  static fromSources(
    names: readonly string[],
    languages: Partial<Record<DocumentLanguage, MailTemplateSources>>,
  ): MailTemplateRegistry {
    const compiled = new Map<string, TemplateDelegate>();
    for (const [language, sources] of Object.entries(languages)) {
      if (sources === undefined) continue;
      for (const format of FORMATS) {
        const env = environment(language, format, sources.partials);
        for (const name of names) {
          const file = `${name}.${format}`;
          const source = sources.templates[file];
          if (source === undefined)
            throw new TemplateError({
              templateName: `mail/${file}`,
              language,
              reason: `the template file ${language}/mail/${file}.hbs is missing`,
            });
          compiled.set(
            key(language, name, format),
            compileChecked(env.handlebars, source, `mail/${file}`, language, env.partials, {
              checkMarkup: false,
              noEscape: format === 'text',
            }),
          );
        }
      }
    }
    return new MailTemplateRegistry(compiled, names);
  }

  /** Both parts of one mail. Throws TemplateError when the data lacks a field the template uses. */
  render(name: string, language: DocumentLanguage, data: unknown): RenderedMail {
    const part = (format: MailFormat) => {
      const template = this.compiled.get(key(language, name, format));
      if (template === undefined)
        throw new TemplateError({
          templateName: `mail/${name}.${format}`,
          language,
          reason: 'there is no such mail template',
        });
      try {
        return template(data, RUNTIME_OPTIONS);
      } catch (error) {
        throw toTemplateError(error, `mail/${name}.${format}`, language);
      }
    };
    return { text: part('text'), html: part('html') };
  }
}

const key = (language: string, name: string, format: MailFormat) => `${language}/${name}.${format}`;

function environment(
  language: DocumentLanguage,
  format: MailFormat,
  partialSources: Record<string, string>,
) {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(
    createHelpers(
      language,
      (text) => handlebars.escapeExpression(text),
      (markup) => new handlebars.SafeString(markup),
    ),
  );
  const suffix = `.${format}`;
  const own = Object.entries(partialSources).filter(([file]) => file.endsWith(suffix));
  const partials = new Set(own.map(([file]) => file.slice(0, -suffix.length)));
  for (const [file, source] of own) {
    const name = file.slice(0, -suffix.length);
    handlebars.registerPartial(
      name,
      compileChecked(handlebars, source, `mail/partials/${file}`, language, partials, {
        checkMarkup: false,
        noEscape: format === 'text',
      }),
    );
  }
  return { handlebars, partials };
}
