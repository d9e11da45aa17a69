import fc from 'fast-check';
import { DomainError } from './errors';
import { formatDocumentSymbol, parseDocumentSymbol, type DocumentSymbolParts } from './symbols';

const CFM7: DocumentSymbolParts = { forum: 'CICA', bodyCode: 'CFM', session: 7, documentNumber: 1 };

describe('formatDocumentSymbol', () => {
  it('writes forum, body, session and document number', () => {
    expect(formatDocumentSymbol(CFM7)).toBe('CICA/CFM/7/DOC.1');
  });

  it('leaves out the session for a document outside a session', () => {
    expect(formatDocumentSymbol({ ...CFM7, session: null })).toBe('CICA/CFM/DOC.1');
  });

  it.each([
    [undefined, 'CICA/CFM/7/DOC.1'],
    [0, 'CICA/CFM/7/DOC.1'],
    [1, 'CICA/CFM/7/DOC.1'],
    [2, 'CICA/CFM/7/DOC.1/Rev.1'],
    [3, 'CICA/CFM/7/DOC.1/Rev.2'],
  ])('follows UN practice for re-circulation: revision %p is %s', (revision, symbol) => {
    expect(formatDocumentSymbol({ ...CFM7, revision })).toBe(symbol);
  });

  it.each<[string, Partial<DocumentSymbolParts>]>([
    ['forum', { forum: 'cica' }],
    ['forum', { forum: '' }],
    ['bodyCode', { bodyCode: 'C/FM' }],
    ['bodyCode', { bodyCode: '7' }],
    ['session', { session: 0 }],
    ['session', { session: 1.5 }],
    ['documentNumber', { documentNumber: 0 }],
    ['documentNumber', { documentNumber: -1 }],
    ['revision', { revision: -1 }],
    ['revision', { revision: Number.NaN }],
  ])('refuses a bad %s (%p) with INVALID_SYMBOL_PART', (field, bad) => {
    const attempt = () => formatDocumentSymbol({ ...CFM7, ...bad });
    expect(attempt).toThrow(DomainError);
    expect(thrownBy(attempt)).toMatchObject({ code: 'INVALID_SYMBOL_PART', field });
  });
});

describe('parseDocumentSymbol', () => {
  it('reads a symbol back into its parts, revision counted from the original text', () => {
    expect(parseDocumentSymbol('CICA/SOC/12/DOC.4/Rev.2')).toEqual({
      forum: 'CICA',
      bodyCode: 'SOC',
      session: 12,
      documentNumber: 4,
      revision: 3,
    });
    expect(parseDocumentSymbol('CICA/CFM/DOC.1')).toEqual({
      forum: 'CICA',
      bodyCode: 'CFM',
      session: null,
      documentNumber: 1,
      revision: 1,
    });
  });

  it.each([
    '',
    'CICA/CFM/7',
    'CICA/DOC.1',
    'CICA/CFM/07/DOC.1',
    'CICA/CFM/7/DOC.0',
    'CICA/CFM/7/DOC.1/Rev.0',
    'CICA/CFM/7/DOC.1/Rev.',
    'cica/CFM/7/DOC.1',
    'CICA/CFM/7/DOC.1/',
    ' CICA/CFM/7/DOC.1',
    'CICA/CFM/99999999999999999999/DOC.1',
  ])('answers null for the malformed symbol %p', (symbol) => {
    expect(parseDocumentSymbol(symbol)).toBeNull();
  });

  const code = fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/);
  const parts = fc.record({
    forum: code,
    bodyCode: code,
    session: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    documentNumber: fc.integer({ min: 1, max: 10_000 }),
    revision: fc.integer({ min: 1, max: 50 }),
  });

  it('round-trips every well-formed symbol', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const symbol = formatDocumentSymbol(p);
        expect(parseDocumentSymbol(symbol)).toEqual(p);
        expect(formatDocumentSymbol(parseDocumentSymbol(symbol)!)).toBe(symbol);
      }),
    );
  });
});

function thrownBy(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error('expected the attempt to throw');
}
