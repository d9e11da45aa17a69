import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { RedlineData } from './document-data';
import {
  isDocumentKind,
  isDocumentLanguage,
  type DocumentKind,
  type DocumentLanguage,
} from './document-kind';
import type { RenderJob, RenderTask, RenderTaskResult } from './render-task';
import { RenderPoolError, deserializeRenderError } from './template-error';
import { defaultTemplatesDir } from './templates-dir';

export interface DocumentRenderPoolOptions {
  /** Template folder; defaults to the repository's `templates/`. */
  templatesDir?: string;
  /** Worker threads rendering at once; default min(2, cores). */
  maxThreads?: number;
  /** Renders waiting for a thread before new ones are refused (RenderPoolError 'queue-full'); default 32 per thread. */
  maxQueue?: number;
  /** A render taking longer is stopped and its worker replaced (RenderPoolError 'timeout'); default 60 s. */
  taskTimeoutMs?: number;
  /** Heap limit of each worker, so a runaway template costs one worker, not the service; default 1024 MB. */
  maxHeapMb?: number;
}

/**
 * Renders documents in worker threads behind a concurrency cap, so that one large document
 * never holds up the event loop of the HTTP server. Errors arrive as in a direct call:
 * TemplateError (with its fields) for a template's fault; RenderPoolError when the pool is
 * saturated, a render times out or a worker dies.
 */
export class DocumentRenderPool {
  readonly templatesDir: string;
  private readonly pool: Piscina<RenderTask, RenderTaskResult>;
  private readonly taskTimeoutMs: number;
  /** Renders running or waiting; counted here because piscina does not cap abortable tasks. */
  private pending = 0;
  private readonly capacity: number;

  constructor(options: DocumentRenderPoolOptions = {}) {
    this.templatesDir = resolve(options.templatesDir ?? defaultTemplatesDir());
    const maxThreads = options.maxThreads ?? Math.min(2, availableParallelism());
    if (!Number.isInteger(maxThreads) || maxThreads < 1)
      throw new RangeError(`maxThreads must be a whole number ≥ 1, not ${maxThreads}`);
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
    const maxQueue = options.maxQueue ?? maxThreads * 32;
    this.capacity = maxThreads + maxQueue;
    this.pool = new Piscina<RenderTask, RenderTaskResult>({
      filename: workerEntry(),
      minThreads: 1,
      maxThreads,
      maxQueue,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
    });
  }

  /** Renders a document kind's template with the data; see `renderDocument`. */
  render(kind: DocumentKind, language: DocumentLanguage, data: unknown): Promise<Buffer> {
    if (!isDocumentKind(kind))
      return Promise.reject(new TypeError(`unknown document kind "${String(kind)}"`));
    if (!isDocumentLanguage(language))
      return Promise.reject(new TypeError(`unknown document language "${String(language)}"`));
    return this.run({ type: 'document', kind, language, data });
  }

  /** Renders the redline between two revisions; see `renderRedline`. */
  redline(data: RedlineData): Promise<Buffer> {
    return this.run({ type: 'redline', data });
  }

  /** Finishes the renders under way and stops the workers. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Worker threads alive now (for health checks and tests). */
  get threadCount(): number {
    return this.pool.threads.length;
  }

  private async run(job: RenderJob): Promise<Buffer> {
    if (this.pending >= this.capacity)
      throw new RenderPoolError('queue-full', 'too many documents are waiting to be rendered');
    let result: RenderTaskResult;
    this.pending += 1;
    try {
      result = await this.pool.run(
        { templatesDir: this.templatesDir, job },
        { signal: AbortSignal.timeout(this.taskTimeoutMs) },
      );
    } catch (error) {
      throw poolError(error, this.taskTimeoutMs);
    } finally {
      this.pending -= 1;
    }
    if (result instanceof Uint8Array)
      return Buffer.from(result.buffer, result.byteOffset, result.byteLength);
    throw deserializeRenderError(result.error);
  }
}

/**
 * The worker's entry file, next to this one: render-worker.ts when the library runs from its
 * sources (Jest, ts-node), render-worker.js once compiled (dist/…).
 */
function workerEntry(): string {
  return join(__dirname, `render-worker${extname(__filename)}`);
}

function poolError(error: unknown, timeoutMs: number): RenderPoolError {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  if (message === 'Task queue is at limit')
    return new RenderPoolError('queue-full', 'too many documents are waiting to be rendered', {
      cause: error,
    });
  if (name === 'AbortError' || name === 'TimeoutError')
    return new RenderPoolError('timeout', `rendering took longer than ${timeoutMs} ms`, {
      cause: error,
    });
  if (/closed|destroyed|terminat/i.test(message))
    return new RenderPoolError('closed', 'the render pool is closed', { cause: error });
  return new RenderPoolError('worker-failed', `a render worker failed: ${message}`, {
    cause: error,
  });
}
