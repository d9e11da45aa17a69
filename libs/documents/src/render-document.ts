import type { DocumentKind, DocumentLanguage, TemplateName } from './document-kind';
import type { RedlineData } from './document-data';
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
  const templates =
    registry ??
    (await (defaultRegistry ??= TemplateRegistry.load().catch((error: unknown) => {
      defaultRegistry = undefined;
      throw error;
    })));
  const language = data.header.language;
  const markup = templates.renderRedlineMarkup(language, compareRevisions(data));
  return toDocx(markup, 'redline', language);
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
