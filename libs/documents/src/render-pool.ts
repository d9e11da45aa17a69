import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { CompilationData, RedlineData } from './document-data';
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
  /**
   * An idle worker exits after this long; default 10 s. No worker is kept alive when idle: a
   * worker's heap grows to the largest document it rendered and V8 gives little of it back, so
   * after a burst the process returns to its idle footprint only by letting workers go. The cost
   * is a worker start (tens of ms) on the next render after a quiet spell.
   */
  idleTimeoutMs?: number;
}

/** The signal that stops a render when nobody waits for it any more. */
export interface RenderOptions {
  signal?: AbortSignal;
}

/**
 * A place held in the render queue. Taking it first lets a caller refuse work before it loads
 * the document's data; it is given back when its render ends, or by `release()` if unused.
 */
export interface RenderSlot {
  render(
    kind: DocumentKind,
    language: DocumentLanguage,
    data: unknown,
    options?: RenderOptions,
  ): Promise<Buffer>;
  redline(data: RedlineData, options?: RenderOptions): Promise<Buffer>;
  compilation(data: CompilationData, options?: RenderOptions): Promise<Buffer>;
  release(): void;
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
  private closing = false;

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
      minThreads: 0,
      maxThreads,
      maxQueue,
      idleTimeout: options.idleTimeoutMs ?? 10_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
    });
  }

  /** Renders a document kind's template with the data; see `renderDocument`. */
  render(
    kind: DocumentKind,
    language: DocumentLanguage,
    data: unknown,
    options: RenderOptions = {},
  ): Promise<Buffer> {
    const slot = this.reserve();
    if (!slot) return Promise.reject(this.refusal());
    return slot.render(kind, language, data, options);
  }

  /** Renders the redline between two revisions; see `renderRedline`. */
  redline(data: RedlineData, options: RenderOptions = {}): Promise<Buffer> {
    const slot = this.reserve();
    if (!slot) return Promise.reject(this.refusal());
    return slot.redline(data, options);
  }

  /** Renders the compilation of amendments to a revision; see `renderCompilation`. */
  compilation(data: CompilationData, options: RenderOptions = {}): Promise<Buffer> {
    const slot = this.reserve();
    if (!slot) return Promise.reject(this.refusal());
    return slot.compilation(data, options);
  }

  /** A place in the queue, or null when it is full (a cheap refusal: nothing was loaded yet). */
  reserve(): RenderSlot | null {
    if (this.closing || this.pending >= this.capacity) return null;
    this.pending += 1;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.pending -= 1;
    };
    const run = (job: RenderJob, options: RenderOptions) => this.run(job, options).finally(release);
    return {
      render: (kind, language, data, options = {}) => {
        if (!isDocumentKind(kind)) {
          release();
          return Promise.reject(new TypeError(`unknown document kind "${String(kind)}"`));
        }
        if (!isDocumentLanguage(language)) {
          release();
          return Promise.reject(new TypeError(`unknown document language "${String(language)}"`));
        }
        return run({ type: 'document', kind, language, data }, options);
      },
      redline: (data, options = {}) => run({ type: 'redline', data }, options),
      compilation: (data, options = {}) => run({ type: 'compilation', data }, options),
      release,
    };
  }

  /**
   * Stops the workers. With `abandon`, renders under way are stopped rather than awaited: at
   * shutdown nobody can receive them any more.
   */
  async close(options: { abandon?: boolean } = {}): Promise<void> {
    this.closing = true;
    await this.pool.close({ force: options.abandon ?? false });
  }

  /** Why `reserve()` gave no place: the queue is full, or the pool is closing. */
  refusal(): RenderPoolError {
    return this.closing
      ? new RenderPoolError('closed', 'the render pool is closed')
      : new RenderPoolError('queue-full', 'too many documents are waiting to be rendered');
  }

  /** Worker threads alive now (for health checks and tests). */
  get threadCount(): number {
    return this.pool.threads.length;
  }

  /** Renders running or waiting for a thread. */
  get pendingCount(): number {
    return this.pending;
  }

  private async run(job: RenderJob, options: RenderOptions): Promise<Buffer> {
    const timeout = AbortSignal.timeout(this.taskTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let result: RenderTaskResult;
    try {
      result = await this.pool.run({ templatesDir: this.templatesDir, job }, { signal });
    } catch (error) {
      throw poolError(error, this.taskTimeoutMs, options.signal?.aborted ?? false);
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

function poolError(error: unknown, timeoutMs: number, callerAborted: boolean): RenderPoolError {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  if (message === 'Task queue is at limit')
    return new RenderPoolError('queue-full', 'too many documents are waiting to be rendered', {
      cause: error,
    });
  if (callerAborted)
    return new RenderPoolError('aborted', 'the render was stopped: nobody waits for it', {
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
