import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import {
  TEMPLATE_NAMES,
  isDocumentKind,
  type DocumentKind,
  type DocumentLanguage,
  type TemplateName,
} from './document-kind';
import type { CompilationView } from './compilation-view';
import type { RedlineView } from './redline-view';
import {
  RUNTIME_OPTIONS,
  compileChecked,
  toTemplateError,
  type TemplateDelegate,
} from './template-compiler';
import { TemplateError } from './template-error';
import { readTemplateFolder, templateLanguages } from './template-files';
import { createHelpers } from './template-helpers';
import { defaultTemplatesDir } from './templates-dir';

/** Template sources of one language: `<name>.hbs` files and `partials/<name>.hbs` files, by name. */
export interface LanguageTemplateSources {
  templates: Record<string, string>;
  partials: Record<string, string>;
}

/** Everything a registry is built from; `sharedPartials` are `templates/partials/*.hbs`, used by every language. */
export interface TemplateSources {
  sharedPartials: Record<string, string>;
  languages: Partial<Record<DocumentLanguage, LanguageTemplateSources>>;
}

interface LanguageTemplates {
  readonly templates: ReadonlyMap<TemplateName, TemplateDelegate>;
  /** The partial an error was thrown in, recorded by the partial's wrapper on its way out. */
  readonly failedPartial: WeakMap<object, string>;
}

/**
 * The compiled templates of every language. Each language has its own isolated Handlebars
 * environment (its own helpers and partials; nothing registered globally), and every template
 * is compiled — and checked — when the registry is built, so a broken template fails at load
 * (or at upload, through `withTemplate`) rather than when an official asks for a document.
 */
export class TemplateRegistry {
  private constructor(
    /** Where the templates were read from (informational). */
    readonly templatesDir: string,
    private readonly sources: TemplateSources,
    private readonly languages: ReadonlyMap<DocumentLanguage, LanguageTemplates>,
  ) {}

  /** Reads and compiles `templates/<language>/*.hbs`; `templatesDir` defaults to the repository's `templates/`. */
  static async load(templatesDir: string = defaultTemplatesDir()): Promise<TemplateRegistry> {
    const dir = resolve(templatesDir);
    // TEMPLATES_DIR itself may be a link (a deployment's choice); nothing inside it may be.
    const root = await realpath(dir);
    const sharedPartials = await readTemplateFolder(root, join(root, 'partials'), false);
    const languages: TemplateSources['languages'] = {};
    for (const language of await templateLanguages(root)) {
      languages[language] = {
        templates: await readTemplateFolder(root, join(root, language), true),
        partials: await readTemplateFolder(root, join(root, language, 'partials'), false),
      };
    }
    return TemplateRegistry.fromSources({ sharedPartials, languages }, dir);
  }

  /** Builds a registry from sources held in memory (tests; a template store in the database). */
  static fromSources(sources: TemplateSources, templatesDir = '(in memory)'): TemplateRegistry {
    const languages = new Map<DocumentLanguage, LanguageTemplates>();
    for (const [language, languageSources] of Object.entries(sources.languages)) {
      if (languageSources === undefined) continue;
      languages.set(language, compileLanguage(language, sources.sharedPartials, languageSources));
    }
    if (languages.size === 0) {
      throw new TemplateError({
        templateName: '*',
        language: '*',
        reason: `there are no templates: ${templatesDir} has no folder named by a language code`,
      });
    }
    return new TemplateRegistry(templatesDir, sources, languages);
  }

  /**
   * A copy of this registry with one template or partial replaced, compiled and checked: how a
   * template edited by the secretariat is validated (TemplateError → 422) before it is stored.
   * `name` is a template name (`outcome-document`) or `partials/<name>`.
   */
  withTemplate(language: DocumentLanguage, name: string, source: string): TemplateRegistry {
    if (typeof source !== 'string') throw new TypeError('a template source must be a string');
    const current = this.sources.languages[language];
    if (current === undefined)
      throw new TemplateError({
        templateName: name,
        language,
        reason: `there are no ${language} templates`,
      });
    const partial = name.startsWith('partials/') ? name.slice('partials/'.length) : null;
    const replaced: LanguageTemplateSources =
      partial === null
        ? { templates: { ...current.templates, [name]: source }, partials: current.partials }
        : { templates: current.templates, partials: { ...current.partials, [partial]: source } };
    return TemplateRegistry.fromSources(
      {
        sharedPartials: this.sources.sharedPartials,
        languages: { ...this.sources.languages, [language]: replaced },
      },
      this.templatesDir,
    );
  }

  /** The languages that have templates, in code order. */
  get languageCodes(): string[] {
    return [...this.languages.keys()].sort();
  }

  /** The markup of a document: the kind's template applied to the data. Throws TemplateError. */
  renderMarkup(kind: DocumentKind, language: DocumentLanguage, data: unknown): string {
    if (!isDocumentKind(kind)) throw new TypeError(`unknown document kind "${String(kind)}"`);
    return this.render(kind, language, data);
  }

  /** The markup of a redline, from the comparison `compareRevisions` made. */
  renderRedlineMarkup(language: DocumentLanguage, view: RedlineView): string {
    return this.render('redline', language, view);
  }

  /** The markup of a compilation of amendments, from the layout `compileAmendments` made. */
  renderCompilationMarkup(language: DocumentLanguage, view: CompilationView): string {
    return this.render('compilation', language, view);
  }

  private render(name: TemplateName, language: DocumentLanguage, data: unknown): string {
    const templates = this.languages.get(language);
    if (templates === undefined) {
      throw new TemplateError({
        templateName: name,
        language: String(language),
        reason: `there are no templates for language "${String(language)}"`,
      });
    }
    const template = templates.templates.get(name) as TemplateDelegate;
    try {
      return template(data, RUNTIME_OPTIONS);
    } catch (error) {
      const partial =
        typeof error === 'object' && error !== null
          ? templates.failedPartial.get(error)
          : undefined;
      throw toTemplateError(error, partial ?? name, language);
    }
  }
}

function compileLanguage(
  language: DocumentLanguage,
  sharedPartials: Record<string, string>,
  sources: LanguageTemplateSources,
): LanguageTemplates {
  const env = Handlebars.create();
  env.unregisterHelper('log');
  env.registerHelper(
    createHelpers(
      language,
      (text) => env.escapeExpression(text),
      (markup) => new env.SafeString(markup),
    ),
  );

  const failedPartial = new WeakMap<object, string>();
  const partialSources = new Map<string, { source: string; file: string }>();
  for (const [name, source] of Object.entries(sharedPartials))
    partialSources.set(name, { source, file: `../partials/${name}` });
  for (const [name, source] of Object.entries(sources.partials))
    partialSources.set(name, { source, file: `partials/${name}` });
  const partialNames = new Set(partialSources.keys());

  for (const [name, { source, file }] of partialSources) {
    const compiled = compileChecked(env, source, file, language, partialNames);
    // A partial's errors carry line numbers of the partial's file: remember which file it was.
    const wrapped = (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        if (typeof error === 'object' && error !== null && !failedPartial.has(error))
          failedPartial.set(error, file);
        throw error;
      }
    };
    env.registerPartial(name, wrapped as unknown as TemplateDelegate);
  }

  const templates = new Map<TemplateName, TemplateDelegate>();
  for (const name of TEMPLATE_NAMES) {
    const source = sources.templates[name];
    if (source === undefined)
      throw new TemplateError({
        templateName: name,
        language,
        reason: `the template file ${language}/${name}.hbs is missing`,
      });
    templates.set(name, compileChecked(env, source, name, language, partialNames));
  }
  return { templates, failedPartial };
}
