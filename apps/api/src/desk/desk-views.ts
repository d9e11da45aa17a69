import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import {
  type MessageKey,
  type MessageValues,
  type Translator,
  languageName,
} from './i18n/desk-i18n';

export const DESK_VIEWS_DIR = join(__dirname, 'views');

/** The page's Translator, handed to every template in its data (`@i18n`), partials included. */
function translatorOf(options: Handlebars.HelperOptions): Translator {
  const found = (options.data as { i18n?: Translator } | undefined)?.i18n;
  if (!found) throw new Error('A desk view was rendered without its Translator');
  return found;
}

/**
 * Helpers are small and pure; templates can call these and the built-ins, nothing else.
 * `{{t "key" name=value}}` prints a catalogue message (escaped like any value);
 * `{{tx "key" …}}` one whose message holds the catalogue's own markup (Translator.html).
 */
const HELPERS = {
  t: (key: string, options: Handlebars.HelperOptions) =>
    translatorOf(options).t(key as MessageKey, options.hash as MessageValues),
  tx: (key: string, options: Handlebars.HelperOptions) =>
    new Handlebars.SafeString(
      translatorOf(options).html(key as MessageKey, options.hash as MessageValues),
    ),
  languageName: (code: string, options: Handlebars.HelperOptions) =>
    languageName(code, translatorOf(options)),
  eq: (a: unknown, b: unknown) => a === b,
  not: (value: unknown) => !value,
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
} as const;

const COMPILE_OPTIONS = {
  // A misspelt field fails the render (and the tests) instead of printing nothing.
  strict: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((name) => [name, true])),
  knownHelpersOnly: true,
  preventIndent: true,
} satisfies CompileOptions;

type Template = Handlebars.TemplateDelegate;

/**
 * The desk's Handlebars: an instance of its own (no global helpers or partials), strict,
 * prototype access left off (Handlebars' default since 4.6; never re-enabled here), every
 * `{{value}}` escaped. The one unescaped output is the layout's `{{{body}}}`, which is a page
 * this class rendered. Templates are read and compiled once, at start-up: a broken template
 * stops the service rather than a page.
 */
@Injectable()
export class DeskViews {
  private readonly handlebars = Handlebars.create();
  private readonly pages = new Map<string, Template>();
  private readonly layout: Template;

  constructor() {
    for (const [name, helper] of Object.entries(HELPERS))
      this.handlebars.registerHelper(name, helper);
    const partials = join(DESK_VIEWS_DIR, 'partials');
    for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
      this.handlebars.registerPartial(basename(file, '.hbs'), this.compile(join(partials, file)));
    }
    for (const file of readdirSync(DESK_VIEWS_DIR).filter((f) => f.endsWith('.hbs'))) {
      this.pages.set(basename(file, '.hbs'), this.compile(join(DESK_VIEWS_DIR, file)));
    }
    const layout = this.pages.get('layout');
    if (!layout) throw new Error(`The desk's layout.hbs is missing from ${DESK_VIEWS_DIR}`);
    this.layout = layout;
  }

  /**
   * A whole HTML page: the named page inside the layout, in the Translator's language.
   * `frame` is what every page shows.
   */
  render(page: string, frame: object, model: object, i18n: Translator): string {
    const template = this.pages.get(page);
    if (!template || page === 'layout') throw new Error(`No desk view named ${page}`);
    const context = { ...frame, ...model };
    const data = { data: { i18n } };
    return this.layout({ ...context, body: template(context, data) }, data);
  }

  private compile(path: string): Template {
    // Only strings reach compile(): a template is never built from an object (STACK.md).
    const source: string = readFileSync(path, 'utf8');
    const template = this.handlebars.compile(source, COMPILE_OPTIONS);
    try {
      // Compilation is lazy in Handlebars; force it so that a syntax error surfaces now.
      this.handlebars.precompile(source, COMPILE_OPTIONS);
    } catch (error) {
      throw new Error(`The desk view ${path} does not compile: ${(error as Error).message}`);
    }
    return template;
  }
}
