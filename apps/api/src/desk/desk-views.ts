import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

export const DESK_VIEWS_DIR = join(__dirname, 'views');

/** Helpers are small and pure; templates can call these and the built-ins, nothing else. */
const HELPERS = {
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

  /** A whole HTML page: the named page inside the layout. `frame` is what every page shows. */
  render(page: string, frame: object, model: object): string {
    const template = this.pages.get(page);
    if (!template || page === 'layout') throw new Error(`No desk view named ${page}`);
    const context = { ...frame, ...model };
    return this.layout({ ...context, body: template(context) });
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
