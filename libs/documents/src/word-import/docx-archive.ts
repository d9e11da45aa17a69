import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { WordImportError } from './word-import-error';

export interface DocxLimits {
  /** Entries in the archive; a Word document has a few dozen. */
  maxEntries: number;
  /** Uncompressed bytes the central directory may declare, all entries together. */
  maxDeclaredBytes: number;
  /** Bytes one XML part we read may inflate to (declared and actual). */
  maxPartBytes: number;
  /** Bytes all the parts we read may inflate to together. */
  maxInflatedBytes: number;
}

const MiB = 1024 * 1024;

// A 1,000-paragraph draft's document.xml inflates to about 1 MiB; these leave room for
// documents with images and long tables while keeping a bomb far below the memory budget.
export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxEntries: 2000,
  maxDeclaredBytes: 256 * MiB,
  maxPartBytes: 24 * MiB,
  maxInflatedBytes: 48 * MiB,
};

const COMPOUND_FILE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

const fromBuffer = promisify(
  (buffer: Buffer, options: yauzl.Options, callback: (error: Error | null, zip: ZipFile) => void) =>
    yauzl.fromBuffer(buffer, options, callback),
);

/**
 * A .docx read as the hostile zip it may be: every entry's name, flags and declared size are
 * checked from the central directory before a byte is inflated, and the bytes actually
 * inflated are counted and capped while streaming (the declared sizes may lie).
 */
export class DocxArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly limits: DocxLimits,
  ) {}

  static async open(bytes: Buffer, limits: DocxLimits = DEFAULT_DOCX_LIMITS): Promise<DocxArchive> {
    if (bytes.length === 0) throw new WordImportError('EMPTY_FILE');
    // Word saves a password-protected document as an OLE compound file, not as a zip.
    if (bytes.subarray(0, 8).equals(COMPOUND_FILE_SIGNATURE))
      throw new WordImportError('ENCRYPTED', '(Or it is an old .doc file: save it as .docx.)');
    let zip: ZipFile;
    try {
      zip = await fromBuffer(bytes, {
        lazyEntries: true,
        autoClose: false,
        // yauzl refuses absolute paths, ".." and backslashes in names itself with this on.
        strictFileNames: true,
        validateEntrySizes: true,
      });
    } catch (error) {
      throw new WordImportError('NOT_A_ZIP', undefined, messageOf(error));
    }
    if (zip.entryCount > limits.maxEntries) {
      zip.close();
      throw new WordImportError('TOO_MANY_ENTRIES', `It holds ${zip.entryCount}.`);
    }
    const entries = await readCentralDirectory(zip).catch((error: unknown) => {
      zip.close();
      throw error;
    });
    let declared = 0;
    for (const entry of entries.values()) declared += entry.uncompressedSize;
    if (declared > limits.maxDeclaredBytes) {
      zip.close();
      throw new WordImportError(
        'DECLARED_TOO_LARGE',
        `It declares ${megabytes(declared)}; at most ${megabytes(limits.maxDeclaredBytes)} is read.`,
      );
    }
    return new DocxArchive(zip, entries, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflates one part, handing its text to `onText` chunk by chunk as UTF-8 is decoded. */
  async read(name: string, onText: (text: string) => void): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no part ${name} in the archive`);
    if (entry.uncompressedSize > this.limits.maxPartBytes) {
      throw new WordImportError(
        'DECLARED_TOO_LARGE',
        `${name} declares ${megabytes(entry.uncompressedSize)}; at most ${megabytes(this.limits.maxPartBytes)} is read.`,
        name,
      );
    }
    const stream = await this.zip.openReadStreamPromise(entry).catch((error: unknown) => {
      throw new WordImportError('CORRUPT_ARCHIVE', undefined, `${name}: ${messageOf(error)}`);
    });
    const decoder = new TextDecoder('utf-8');
    let partBytes = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        partBytes += chunk.length;
        this.inflated += chunk.length;
        if (partBytes > this.limits.maxPartBytes || this.inflated > this.limits.maxInflatedBytes) {
          throw new WordImportError('INFLATED_TOO_LARGE', undefined, name);
        }
        onText(decoder.decode(chunk, { stream: true }));
      }
    } catch (error) {
      stream.destroy();
      if (error instanceof WordImportError) throw error;
      // validateEntrySizes: the entry inflates past the size its header declared.
      if (/too many bytes in the stream/.test(messageOf(error)))
        throw new WordImportError('INFLATED_TOO_LARGE', undefined, name);
      throw new WordImportError('CORRUPT_ARCHIVE', undefined, `${name}: ${messageOf(error)}`);
    }
    onText(decoder.decode());
  }

  close(): void {
    this.zip.close();
  }
}

function readCentralDirectory(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      const refusal = refuseEntry(entry);
      if (refusal) return reject(refusal);
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: unknown) => {
      const message = messageOf(error);
      reject(
        /invalid relative path|absolute path|invalid characters in fileName/.test(message)
          ? new WordImportError('UNSAFE_ENTRY', undefined, message)
          : new WordImportError('CORRUPT_ARCHIVE', undefined, message),
      );
    });
    zip.readEntry();
  });
}

/** What yauzl checks too, checked here again so the rule does not hang on an option. */
function refuseEntry(entry: Entry): WordImportError | null {
  const name = entry.fileName;
  if (
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-z]:/i.test(name) ||
    name.split('/').includes('..')
  ) {
    return new WordImportError('UNSAFE_ENTRY', undefined, name);
  }
  if (entry.isEncrypted()) return new WordImportError('ENCRYPTED', undefined, name);
  return null;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
