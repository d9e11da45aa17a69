import type { DocumentKind, DocumentLanguage, TemplateName } from './document-kind';
import { compileAmendments } from './compilation-view';
import type { CompilationData, RedlineData } from './document-data';
import { markupToDocx } from './markup-to-docx';
import { compareRevisions } from './redline-view';
import { MarkupError, TemplateError } from './template-error';
import { TemplateRegistry } from './template-registry';

/** Renders a document: template → markup → Word. Throws TemplateError (also for invalid markup). */
export async function renderDocument(
  registry: TemplateRegistry,
  kind: DocumentKind,
  language: DocumentLanguage,
  data: unknown,
): Promise<Buffer> {
  const markup = registry.renderMarkup(kind, language, data);
  return toDocx(markup, kind, language);
}

let defaultRegistry: Promise<TemplateRegistry> | undefined;

/**
 * The differences between two revisions as a Word document with tracked changes (insertions and
 * deletions Word's Review pane can accept or reject), attributed to the later revision's author
 * and date, laid out by the `redline` template of the header's language. Without a registry,
 * the templates in the default folder are loaded once and kept.
 */
export async function renderRedline(
  data: RedlineData,
  registry?: TemplateRegistry,
): Promise<Buffer> {
  const templates = registry ?? (await loadDefaultRegistry());
  const language = data.header.language;
  const markup = templates.renderRedlineMarkup(language, compareRevisions(data));
  return toDocx(markup, 'redline', language);
}

/**
 * The compilation of amendments to a revision as a Word document: each paragraph followed by
 * every amendment to it as tracked changes whose author is the proposing state, so Word's
 * Review pane lists the proposals delegation by delegation; the table of amendments at the end.
 */
export async function renderCompilation(
  data: CompilationData,
  registry?: TemplateRegistry,
): Promise<Buffer> {
  const templates = registry ?? (await loadDefaultRegistry());
  const language = data.header.language;
  const markup = templates.renderCompilationMarkup(language, compileAmendments(data));
  return toDocx(markup, 'compilation', language);
}

function loadDefaultRegistry(): Promise<TemplateRegistry> {
  return (defaultRegistry ??= TemplateRegistry.load().catch((error: unknown) => {
    defaultRegistry = undefined;
    throw error;
  }));
}

async function toDocx(
  markup: string,
  templateName: TemplateName,
  language: DocumentLanguage,
): Promise<Buffer> {
  try {
    return await markupToDocx(markup);
  } catch (error) {
    // The markup came from the template, so the template is what has to be fixed.
    if (error instanceof MarkupError) {
      throw new TemplateError({
        templateName,
        language,
        reason: `produced invalid markup: ${error.reason}`,
        line: error.line,
        column: error.column,
        inMarkup: true,
      });
    }
    throw error;
  }
}
