import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { WordImportError } from './word-import-error';
import type { WordImportTask, WordImportTaskResult } from './word-import-task';
import type { WordReading } from './word-reading';

export interface WordImportPoolOptions {
  /** Files read at once; default 1 (a read takes milliseconds, and the two cores serve requests too). */
  maxThreads?: number;
  /** Files waiting for a thread before new ones are refused (IMPORT_BUSY); default 8. */
  maxQueue?: number;
  /** A read taking longer is stopped and its worker replaced (IMPORT_TIMEOUT); default 5 s. */
  taskTimeoutMs?: number;
  /** Heap limit of the worker: a file that slips past the caps costs the worker, not the service; default 96 MB. */
  maxHeapMb?: number;
}

/**
 * Reads uploaded Word files in a worker thread with a time limit, so that neither a large
 * file nor a hostile one holds up the event loop. A refusal arrives as a WordImportError.
 */
export class WordImportPool {
  private readonly pool: Piscina<WordImportTask, WordImportTaskResult>;
  private readonly taskTimeoutMs: number;
  private pending = 0;
  private readonly capacity: number;
  private started: Promise<unknown> | null = null;

  constructor(options: WordImportPoolOptions = {}) {
    const maxThreads = options.maxThreads ?? 1;
    const maxQueue = options.maxQueue ?? 8;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 5_000;
    this.capacity = maxThreads + maxQueue;
    this.pool = new Piscina<WordImportTask, WordImportTaskResult>({
      filename: join(__dirname, '..', `render-worker${extname(__filename)}`),
      workerData: { taskModule: './word-import/word-import-task' },
      // Started by the first upload, not at boot (most instances import rarely), and kept a while.
      minThreads: 0,
      maxThreads,
      maxQueue,
      idleTimeout: 10 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 96 },
    });
  }

  async read(bytes: Buffer): Promise<WordReading> {
    if (this.pending >= this.capacity) throw new WordImportError('IMPORT_BUSY');
    this.pending += 1;
    let result: WordImportTaskResult;
    try {
      // The time limit is the read's: starting a worker (and, from sources, compiling it) is not.
      this.started ??= this.pool.run({ bytes: new Uint8Array(0) }).catch(() => undefined);
      await this.started;
      result = await this.pool.run(
        { bytes: new Uint8Array(bytes) },
        { signal: AbortSignal.timeout(this.taskTimeoutMs) },
      );
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'AbortError' || name === 'TimeoutError')
        throw new WordImportError('IMPORT_TIMEOUT', `The limit is ${this.taskTimeoutMs / 1000} s.`);
      if (error instanceof Error && error.message === 'Task queue is at limit')
        throw new WordImportError('IMPORT_BUSY');
      throw error;
    } finally {
      this.pending -= 1;
    }
    if ('reading' in result) return result.reading;
    if ('refusal' in result)
      throw new WordImportError(result.refusal.code, result.refusal.detail, result.refusal.part);
    throw new Error(`a Word import worker failed: ${result.failure}`);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
