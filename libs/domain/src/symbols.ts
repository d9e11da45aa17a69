import { DomainError } from './errors';

export interface DocumentSymbolParts {
  /** The forum's acronym, e.g. 'CICA'. */
  forum: string;
  /** The body the document is circulated to, e.g. 'CFM'. */
  bodyCode: string;
  /** The meeting's sequence number (the 7th CFM), or null for a document outside a session. */
  session: number | null;
  documentNumber: number;
  /** The revision circulated; 0 or 1 (or none) for the original text. */
  revision?: number;
}

const CODE = /^[A-Z][A-Z0-9]*$/;
const SYMBOL =
  /^([A-Z][A-Z0-9]*)\/([A-Z][A-Z0-9]*)(?:\/([1-9][0-9]*))?\/DOC\.([1-9][0-9]*)(?:\/Rev\.([1-9][0-9]*))?$/;

/**
 * UN-style document symbol: 'CICA/CFM/7/DOC.1', 'CICA/CFM/DOC.1' without a session. As in
 * UN practice the first circulation carries no suffix and each re-circulation counts from
 * 1: revision 2 is '/Rev.1', revision 3 '/Rev.2'. Throws INVALID_SYMBOL_PART on bad parts
 * (codes are capital letters and digits, starting with a letter, so that a body code can
 * never be mistaken for a session number).
 */
export function formatDocumentSymbol(parts: DocumentSymbolParts): string {
  const { forum, bodyCode, session, documentNumber, revision } = parts;
  checkCode('forum', forum);
  checkCode('bodyCode', bodyCode);
  if (session !== null) checkCount('session', session, 1);
  checkCount('documentNumber', documentNumber, 1);
  if (revision !== undefined) checkCount('revision', revision, 0);
  const sessionPart = session === null ? '' : `/${session}`;
  return `${forum}/${bodyCode}${sessionPart}/DOC.${documentNumber}${revisionSuffix(revision ?? 0)}`;
}

function revisionSuffix(revision: number): string {
  return revision >= 2 ? `/Rev.${revision - 1}` : '';
}

/** The symbol a draft's revision is circulated under: its base symbol with the '/Rev.' suffix. */
export function revisionSymbol(symbol: string, revision: number): string {
  return `${symbol}${revisionSuffix(revision)}`;
}

/**
 * The parts of a symbol, or null if it is not one formatDocumentSymbol could produce.
 * `revision` is the revision number (1 for a symbol without '/Rev.').
 */
export function parseDocumentSymbol(
  symbol: string,
): (DocumentSymbolParts & { revision: number }) | null {
  const match = SYMBOL.exec(symbol);
  if (!match) return null;
  const [, forum, bodyCode, session, documentNumber, rev] = match;
  const numbers = [session, documentNumber, rev].map((n) => (n === undefined ? null : Number(n)));
  if (numbers.some((n) => n !== null && !Number.isSafeInteger(n + 1))) return null;
  const [sessionNumber, docNumber, revNumber] = numbers;
  return {
    forum,
    bodyCode,
    session: sessionNumber,
    documentNumber: docNumber ?? 0,
    revision: revNumber === null ? 1 : revNumber + 1,
  };
}

function checkCode(field: string, value: string): void {
  if (typeof value !== 'string' || !CODE.test(value)) {
    throw new DomainError(
      'INVALID_SYMBOL_PART',
      `A document symbol's ${field} is written in capital letters and digits, starting with a letter; got ${JSON.stringify(value)}.`,
      { field, facts: { [field]: value } },
    );
  }
}

function checkCount(field: string, value: number, min: number): void {
  // +1 keeps the Rev. arithmetic (n - 1, n + 1) exact.
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(value + 1) || value < min) {
    throw new DomainError(
      'INVALID_SYMBOL_PART',
      `A document symbol's ${field} must be a whole number of at least ${min}; got ${String(value)}.`,
      { field, facts: { [field]: value } },
    );
  }
}
