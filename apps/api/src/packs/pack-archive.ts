import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export const CHUNK_BYTES = 1024 * 1024;

/** Where the archive's bytes go, 1 MiB at a time, in order. */
export type ChunkStore = (seq: number, data: Buffer) => Promise<void>;

/** A fixed date for every entry: the same inputs make the same archive. */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * A ZIP written as it is made (yazl): entries go in one after another and the archive flows
 * out in chunks to the store, with back-pressure, so neither the archive nor more than a chunk
 * of it is ever held in memory. Word files and PDFs are compressed already: they are stored;
 * the manifest and the index are deflated.
 */
export class PackArchive {
  private readonly zip = new ZipFile();
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private readonly written: Promise<void>;

  constructor(store: ChunkStore) {
    let pending: Buffer[] = [];
    let size = 0;
    let seq = 0;
    const flush = async () => {
      if (size === 0) return;
      const data = Buffer.concat(pending, size);
      pending = [];
      size = 0;
      await store(seq, data);
      seq += 1;
    };
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        pending.push(chunk);
        size += chunk.length;
        if (size < CHUNK_BYTES) return done();
        flush().then(() => done(), done);
      },
      final: (done) => {
        flush().then(() => done(), done);
      },
    });
    this.written = pipeline(this.zip.outputStream, sink);
    // Surfaced by finish(); without a handler an early failure would be unhandled.
    this.written.catch(() => undefined);
  }

  addBuffer(name: string, content: Buffer, compress: boolean): void {
    this.zip.addBuffer(content, name, { compress, mtime: ENTRY_DATE, mode: 0o100644 });
  }

  /** A file on disk, read when its turn comes (not now). */
  addFile(path: string, name: string): void {
    this.zip.addFile(path, name, { compress: false, mtime: ENTRY_DATE, mode: 0o100644 });
  }

  /** Ends the archive; its size and sha256 once the last chunk is stored. */
  async finish(): Promise<{ bytes: number; sha256: string }> {
    this.zip.end();
    await this.written;
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Stops writing (a failed build): whatever was stored is the caller's to delete. */
  abort(): void {
    (this.zip.outputStream as unknown as import('node:stream').Readable).destroy();
  }
}
