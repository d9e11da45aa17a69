import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import Handlebars from 'handlebars';
import {
  LANGUAGE_FOLDER,
  TEMPLATE_NAMES,
  isDocumentKind,
  type DocumentKind,
  type DocumentLanguage,
  type TemplateName,
} from './document-kind';
import { MARKUP_ELEMENTS } from './markup-elements';
import type { CompilationView } from './compilation-view';
import type { RedlineView } from './redline-view';
import { TemplateError } from './template-error';
import { HELPER_NAMES, createHelpers } from './template-helpers';
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

type HandlebarsEnvironment = typeof Handlebars;
type TemplateDelegate = Handlebars.TemplateDelegate;

// Strict: a field the data lacks is an error, not an empty string. knownHelpersOnly: a template
// calls only the helpers below and the built-in block helpers, and the compiler can inline them.
const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  // Handlebars' built-in `log` writes template-chosen data to the service's console: not known.
  knownHelpers: { ...Object.fromEntries(HELPER_NAMES.map((name) => [name, true])), log: false },
  preventIndent: true,
} satisfies CompileOptions;

type CompileOptions = Parameters<HandlebarsEnvironment['compile']>[1];

// Templates are untrusted: nothing reachable through a prototype (constructor, __proto__,
// __defineGetter__…) may be read or called, and no unknown helper is resolved at run time.
export const RUNTIME_OPTIONS: Handlebars.RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
};

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

/**
 * Templates are edited by people, not code: a symbolic link (or a folder that is one) could
 * make the renderer read any file the service can, so only plain files inside the root are read.
 */
async function refuseOutside(root: string, path: string): Promise<void> {
  const name = relative(root, path) || '.';
  const refuse = (reason: string) => {
    throw new TemplateError({ templateName: name, language: '*', reason });
  };
  const stats = await lstat(path);
  if (stats.isSymbolicLink())
    refuse(`${name} is a symbolic link: templates must be plain files inside TEMPLATES_DIR`);
  const real = await realpath(path);
  if (real !== root && !real.startsWith(root + sep)) refuse(`${name} lies outside TEMPLATES_DIR`);
}

/** The languages TEMPLATES_DIR has templates for: its folders named by a language code. */
export async function templateLanguages(templatesDir: string): Promise<string[]> {
  const entries = await readdir(templatesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && LANGUAGE_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export async function readTemplateFolder(
  root: string,
  dir: string,
  required: boolean,
): Promise<Record<string, string>> {
  let entries: string[];
  try {
    await refuseOutside(root, dir);
    entries = await readdir(dir);
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const sources: Record<string, string> = {};
  await Promise.all(
    entries
      .filter((entry) => entry.endsWith('.hbs'))
      .map(async (entry) => {
        const path = join(dir, entry);
        await refuseOutside(root, path);
        sources[entry.slice(0, -'.hbs'.length)] = await readFile(path, 'utf8');
      }),
  );
  return sources;
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

/** How a template's output is written: document markup (checked), HTML, or plain text. */
export interface OutputRules {
  /** Literal tags must be elements of the document markup (documents only). */
  checkMarkup: boolean;
  /** Plain text: values are printed as they are, not HTML-escaped. */
  noEscape: boolean;
}

const DOCUMENT_OUTPUT: OutputRules = { checkMarkup: true, noEscape: false };

/** Parses, checks and compiles one template; every failure is a TemplateError naming the file and line. */
export function compileChecked(
  env: HandlebarsEnvironment,
  source: unknown,
  templateName: string,
  language: string,
  partialNames: ReadonlySet<string>,
  output: OutputRules = DOCUMENT_OUTPUT,
): TemplateDelegate {
  // Only strings reach compile(): an object would be taken for a parsed AST and compiled to
  // JavaScript as it stands (the bypass of CVE-2026-33937's fix).
  if (typeof source !== 'string')
    throw new TemplateError({ templateName, language, reason: 'the template source is not text' });
  try {
    const program = env.parseWithoutProcessing(source);
    checkProgram(program, templateName, language, partialNames, output.checkMarkup);
    const options = { ...COMPILE_OPTIONS, noEscape: output.noEscape };
    // compile() is lazy; precompile() runs the compiler now, so its errors surface at load.
    env.precompile(source, options);
    return env.compile(source, options);
  } catch (error) {
    throw toTemplateError(error, templateName, language);
  }
}

type AstNode = hbs.AST.Node & Record<string, unknown>;

/** Rules Handlebars cannot enforce: every value escaped, partials that exist, markup elements that exist. */
function checkProgram(
  program: hbs.AST.Program,
  templateName: string,
  language: string,
  partialNames: ReadonlySet<string>,
  checkMarkup: boolean,
): void {
  const fail = (
    node: hbs.AST.Node,
    reason: string,
    line = node.loc.start.line,
    column = node.loc.start.column + 1,
  ): never => {
    throw new TemplateError({ templateName, language, reason, line, column });
  };
  const visit = (node: AstNode | null | undefined): void => {
    if (node === null || node === undefined) return;
    switch (node.type) {
      case 'Program':
        for (const statement of (node as unknown as hbs.AST.Program).body)
          visit(statement as AstNode);
        return;
      case 'MustacheStatement':
        if (!(node as unknown as hbs.AST.MustacheStatement).escaped) {
          fail(
            node,
            'unescaped output ({{{…}}} or {{&…}}) is not allowed: every value is escaped; use the brackets helper for bracketed text',
          );
        }
        return;
      case 'Decorator':
      case 'DecoratorBlock':
        fail(node, 'decorators are not allowed in templates');
        return;
      case 'BlockStatement':
        visit((node as unknown as hbs.AST.BlockStatement).program as unknown as AstNode);
        visit((node as unknown as hbs.AST.BlockStatement).inverse as unknown as AstNode);
        return;
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as unknown as hbs.AST.PartialStatement & { program?: hbs.AST.Program };
        if (partial.name.type !== 'PathExpression')
          fail(node, 'partial names must be written out, not computed');
        const name = (partial.name as hbs.AST.PathExpression).original;
        if (name !== '@partial-block' && !partialNames.has(name))
          fail(
            node,
            `there is no partial "${name}" (partials live in templates/partials and templates/${language}/partials)`,
          );
        visit(partial.program as unknown as AstNode);
        return;
      }
      case 'ContentStatement':
        if (checkMarkup) checkContent(node as unknown as hbs.AST.ContentStatement, fail);
        return;
      default:
        return;
    }
  };
  visit(program as unknown as AstNode);
}

const TAG = /<(\/?)([^\s/>"'=<]+)([^<>]*)/g;
const ATTRIBUTE_NAME = /([^\s="'/>]+)\s*=/g;

/** Checks the element and attribute names a template writes literally, so a typo fails at load with its line. */
function checkContent(
  node: hbs.AST.ContentStatement,
  fail: (node: hbs.AST.Node, reason: string, line?: number, column?: number) => never,
): void {
  const text = node.original as unknown as string;
  const at = (index: number) => {
    const before = text.slice(0, index);
    const newlines = before.split('\n').length - 1;
    const line = node.loc.start.line + newlines;
    const column =
      newlines === 0 ? node.loc.start.column + index + 1 : index - before.lastIndexOf('\n');
    return [line, column] as const;
  };
  for (const match of text.matchAll(TAG)) {
    const [, , name, rest] = match;
    const attributes = MARKUP_ELEMENTS.get(name);
    if (attributes === undefined)
      fail(node, `unknown markup element <${name}>`, ...at(match.index));
    const withoutValues = rest.replace(/"[^"]*"|'[^']*'/g, '""');
    for (const attribute of withoutValues.matchAll(ATTRIBUTE_NAME)) {
      if (!attributes.includes(attribute[1])) {
        fail(
          node,
          `unknown attribute "${attribute[1]}" on <${name}>${attributes.length ? `; it takes ${attributes.join(', ')}` : ''}`,
          ...at(match.index),
        );
      }
    }
  }
}

/** A Handlebars failure, told in the template's terms. */
export function toTemplateError(
  error: unknown,
  templateName: string,
  language: string,
): TemplateError {
  if (error instanceof TemplateError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const details = error as { lineNumber?: unknown; column?: unknown };
  let line = typeof details.lineNumber === 'number' ? details.lineNumber : undefined;
  let column = typeof details.column === 'number' ? details.column + 1 : undefined;
  let reason = message.replace(/ - \d+:\d+$/, '');

  const parseError = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(message);
  if (parseError !== null) {
    line = Number(parseError[1]);
    column = undefined;
    const [excerpt = '', , expected = ''] = parseError[2].split('\n');
    reason = `syntax error near "${excerpt.trim()}": ${expected}`;
  }
  const missing = /^"([^"]+)" not defined in (.*)$/.exec(reason);
  if (missing !== null) {
    reason =
      missing[2] === 'undefined' || missing[2] === 'null'
        ? `"${missing[1]}" is looked up on a value that is missing`
        : `"${missing[1]}" is not in the data (templates are strict: every field they use must be given)`;
  }
  return new TemplateError({ templateName, language, reason, line, column });
}
