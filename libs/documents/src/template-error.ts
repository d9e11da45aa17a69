/** Where a template failed: the API answers 422 with these fields. */
export interface TemplateErrorDetails {
  /** Template or partial file, relative to its language folder and without `.hbs`: `outcome-document`, `partials/letterhead`. */
  templateName: string;
  language: string;
  /** What went wrong, without the position. */
  reason: string;
  /** 1-based line in the template file (or in the generated markup, see `inMarkup`). */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** The position is in the markup the template produced, not in the template file. */
  inMarkup?: boolean;
}

/**
 * A template that does not compile, fails while rendering (a field missing from the data in
 * strict mode, a helper refusing its argument) or produces invalid markup.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly templateName: string;
  readonly language: string;
  readonly reason: string;
  readonly line?: number;
  readonly column?: number;
  readonly inMarkup: boolean;

  constructor(details: TemplateErrorDetails) {
    super(describe(details));
    this.templateName = details.templateName;
    this.language = details.language;
    this.reason = details.reason;
    this.line = details.line;
    this.column = details.column;
    this.inMarkup = details.inMarkup ?? false;
  }

  toJSON(): TemplateErrorDetails & { message: string } {
    return {
      message: this.message,
      templateName: this.templateName,
      language: this.language,
      reason: this.reason,
      line: this.line,
      column: this.column,
      inMarkup: this.inMarkup,
    };
  }
}

function describe(details: TemplateErrorDetails): string {
  const where = [`template ${details.language}/${details.templateName}`];
  if (details.line !== undefined) {
    where.push(`${details.inMarkup ? 'markup line' : 'line'} ${details.line}`);
  }
  if (details.column !== undefined) where.push(`column ${details.column}`);
  return `${where.join(', ')}: ${details.reason}`;
}

/** Markup that breaks the rules in templates/README.md (unknown element, bad attribute, unclosed tag…). */
export class MarkupError extends Error {
  override readonly name = 'MarkupError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`markup line ${line}, column ${column}: ${reason}`);
  }
}

/** `aborted`: the caller's signal fired (nobody waits for the document any more). */
export type RenderPoolErrorCode = 'queue-full' | 'timeout' | 'aborted' | 'closed' | 'worker-failed';

/** The render pool could not take or finish the job (the API answers 503). */
export class RenderPoolError extends Error {
  override readonly name = 'RenderPoolError';
  constructor(
    readonly code: RenderPoolErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An error as it crosses from a worker thread: structured clone keeps no class and no own fields. */
export type SerializedRenderError =
  | { kind: 'TemplateError'; details: TemplateErrorDetails; stack?: string }
  | { kind: 'MarkupError'; reason: string; line: number; column: number; stack?: string }
  | { kind: 'Error'; name: string; message: string; stack?: string };

export function serializeRenderError(error: unknown): SerializedRenderError {
  if (error instanceof TemplateError) {
    const { templateName, language, reason, line, column, inMarkup } = error;
    return {
      kind: 'TemplateError',
      details: { templateName, language, reason, line, column, inMarkup },
      stack: error.stack,
    };
  }
  if (error instanceof MarkupError) {
    const { reason, line, column, stack } = error;
    return { kind: 'MarkupError', reason, line, column, stack };
  }
  if (error instanceof Error) {
    return { kind: 'Error', name: error.name, message: error.message, stack: error.stack };
  }
  return { kind: 'Error', name: 'Error', message: String(error) };
}

export function deserializeRenderError(serialized: SerializedRenderError): Error {
  let error: Error;
  switch (serialized.kind) {
    case 'TemplateError':
      error = new TemplateError(serialized.details);
      break;
    case 'MarkupError':
      error = new MarkupError(serialized.reason, serialized.line, serialized.column);
      break;
    case 'Error':
      error = new Error(serialized.message);
      error.name = serialized.name;
      break;
  }
  // Keep the worker's stack: it is the one that shows where the failure happened.
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
