// Compiling one template: Handlebars in strict mode, checked first for what Handlebars cannot
// enforce (unescaped output, decorators, unknown partials, markup elements that do not exist),
// and every failure told as a TemplateError in the template's terms.

import Handlebars from 'handlebars';
import { MARKUP_ELEMENTS } from './markup-elements';
import { TemplateError } from './template-error';
import { HELPER_NAMES } from './template-helpers';

export type HandlebarsEnvironment = typeof Handlebars;
export type TemplateDelegate = Handlebars.TemplateDelegate;

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
