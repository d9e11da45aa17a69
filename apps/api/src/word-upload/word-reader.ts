import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { WordImportError, WordImportPool, type WordReading } from '@chancery/documents';
import { AppError, type AppErrorCode } from '../common/app-error';

/**
 * Reads uploaded Word files off the event loop, for every route that takes one: one pool of
 * worker threads (with its time limit and queue cap) whether the file is a revision or a
 * delegation's tracked copy. A refusal becomes the problem that says why, on the `file` field.
 */
@Injectable()
export class WordReader implements OnApplicationShutdown {
  private readonly pool = new WordImportPool();

  async read(file: Buffer): Promise<WordReading> {
    try {
      return await this.pool.read(file);
    } catch (error) {
      if (!(error instanceof WordImportError)) throw error;
      // Every refusal of the reader has its line in the error catalogue (a compile error if not).
      const code: AppErrorCode = error.code;
      throw new AppError(code, error.message, {
        field: 'file',
        facts: error.part ? { part: error.part } : undefined,
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
