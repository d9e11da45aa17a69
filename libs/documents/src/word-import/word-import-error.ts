/** Why a Word file was refused; the API answers 422 (413 for a file too large to read). */
export const WORD_IMPORT_REFUSALS = {
  EMPTY_FILE: 'The file is empty.',
  NOT_A_ZIP: 'The file is not a Word document (.docx): it is not a zip archive.',
  UNSAFE_ENTRY: 'The archive names a file outside itself (an absolute path, "..", or a backslash).',
  ENCRYPTED: 'The document is encrypted or password-protected; save an unprotected copy.',
  TOO_MANY_ENTRIES: 'The archive holds more files than a Word document does.',
  DECLARED_TOO_LARGE: 'The archive declares more uncompressed data than a Word document holds.',
  INFLATED_TOO_LARGE:
    'The archive inflates to more data than it declares or than a Word document holds.',
  CORRUPT_ARCHIVE: 'The archive is damaged and cannot be read.',
  MISSING_DOCUMENT: 'The archive has no word/document.xml: it is not a Word document.',
  DOCTYPE_REFUSED:
    'The document contains a DOCTYPE declaration, which Word never writes; it is refused.',
  MALFORMED_XML: 'The document XML is not well-formed.',
  NO_PARAGRAPHS: 'The document has no paragraphs of text.',
  NO_TRACKED_CHANGES: 'The document has no tracked changes to read as amendments.',
  IMPORT_TIMEOUT: 'Reading the document took too long.',
  IMPORT_BUSY: 'Too many documents are being read right now; try again shortly.',
} as const;

export type WordImportRefusal = keyof typeof WORD_IMPORT_REFUSALS;

export function isWordImportRefusal(code: unknown): code is WordImportRefusal {
  return typeof code === 'string' && Object.hasOwn(WORD_IMPORT_REFUSALS, code);
}

/** A Word file refused with its reason: a code, a sentence, and the part of the file at fault. */
export class WordImportError extends Error {
  override readonly name = 'WordImportError';
  constructor(
    readonly code: WordImportRefusal,
    readonly detail?: string,
    readonly part?: string,
  ) {
    super(detail ? `${WORD_IMPORT_REFUSALS[code]} ${detail}` : WORD_IMPORT_REFUSALS[code]);
  }

  toJSON(): { code: WordImportRefusal; detail?: string; part?: string } {
    return { code: this.code, detail: this.detail, part: this.part };
  }
}
