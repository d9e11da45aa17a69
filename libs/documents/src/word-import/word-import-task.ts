// What a worker thread does for the Word import pool: read the file, hand back plain data.

import { WordImportError, type WordImportRefusal } from './word-import-error';
import { readWordFile, type WordReading } from './word-reading';

export interface WordImportTask {
  bytes: Uint8Array;
}

export type WordImportTaskResult =
  | { reading: WordReading }
  | { refusal: { code: WordImportRefusal; detail?: string; part?: string } }
  | { failure: string };

export default async function runWordImportTask(
  task: WordImportTask,
): Promise<WordImportTaskResult> {
  try {
    const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    return { reading: await readWordFile(bytes) };
  } catch (error) {
    // Structured clone keeps neither the class nor the fields of an error: send them as data.
    if (error instanceof WordImportError) return { refusal: error.toJSON() };
    return { failure: error instanceof Error ? error.message : String(error) };
  }
}
