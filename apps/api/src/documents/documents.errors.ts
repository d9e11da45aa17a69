import type { TemplateError } from '@chancery/documents';
import { AppError } from '../common/app-error';

export const redlineOrder = (from: number, to: number): AppError =>
  new AppError(
    'REDLINE_ORDER',
    `Compare an earlier revision with a later one: from (${from}) must be before to (${to}).`,
    { field: 'from' },
  );

export const templateBroken = (error: TemplateError): AppError =>
  new AppError('TEMPLATE_ERROR', `The template cannot be rendered: ${error.message}`, {
    facts: {
      template: error.templateName,
      language: error.language,
      line: error.line,
      column: error.column,
      reason: error.reason,
    },
  });

/** An expected refusal under load: answered 503 without a stack in the log. */
export const renderingBusy = (reason: string): AppError =>
  new AppError(
    'RENDERING_BUSY',
    `Documents cannot be rendered right now (${reason}); try again shortly.`,
  );

/** The client closed the connection before the document was ready (nginx's 499); nobody reads it. */
export const clientGone = (): AppError =>
  new AppError('CLIENT_CLOSED_REQUEST', 'The client went away before the document was ready.');
